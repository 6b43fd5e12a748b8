package ru.kredo.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;

/**
 * The one place that says what day it is for a tenant (docs/sandbox.md). A real tenant's clock is the system's,
 * always; a sandbox tenant's (the demo's, or one an operator created as a sandbox) may have been moved forward by its
 * admin, like a payment provider's test clock, and then everything that asks "what day is it" for that tenant — a plan's
 * dates, misses and repairs, its reminders, an offer's lapse, a consent's — sees the moved day. The database keeps a
 * real tenant's clock still (a check: only a sandbox has an offset) and every clock from going back (a trigger).
 */
@Service
public class TenantClocks {

	/** Tenants read once and found real (not sandboxes): their clock is the system's for good. */
	private final Set<TenantId> real = ConcurrentHashMap.newKeySet();

	/** The furthest a test clock may be ahead of the system's. */
	public static final int MAX_DAYS_AHEAD = 3650;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final BusinessCalendar calendar;
	private final ApplicationEventPublisher events;

	@org.springframework.beans.factory.annotation.Autowired
	TenantClocks(JdbcClient jdbc, Clock clock, BusinessCalendar calendar, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
		this.events = events;
	}

	/** Every tenant's clock the system's, none moved: for unit tests and tools without a database. */
	public static TenantClocks system(Clock clock, BusinessCalendar calendar) {
		return new TenantClocks(null, clock, calendar, null);
	}

	/** The tenant's clock: the system's, moved forward by its test clock's days for a sandbox that moved it. */
	public Clock clock(TenantId tenant) {
		int days = daysAhead(tenant);
		return days == 0 ? clock : Clock.offset(clock, Duration.ofDays(days));
	}

	/** Today at the agency ({@code kredo.time-zone}), for this tenant. */
	public LocalDate today(TenantId tenant) {
		return LocalDate.now(clock(tenant).withZone(calendar.agencyZone()));
	}

	/** Today in {@code zone} (a debtor's; the agency's when {@code null}), for this tenant. */
	public LocalDate today(TenantId tenant, ZoneId zone) {
		return LocalDate.now(clock(tenant).withZone(zone == null ? calendar.agencyZone() : zone));
	}

	/**
	 * How many days the tenant's clock is ahead of the system's (0 for every real tenant). A real tenant is known to be
	 * one after its first read and not read again: a tenant's sandbox flag is set at its creation and never changes
	 * (the database's trigger refuses it), so this holds on every node; a sandbox's days are read every time, so that
	 * a move shows at once everywhere.
	 */
	public int daysAhead(TenantId tenant) {
		if (jdbc == null || real.contains(tenant)) {
			return 0;
		}
		return jdbc.sql("select sandbox, clock_offset_days from tenants where id = ?")
			.param(tenant.value())
			.query((row, n) -> {
				if (!row.getBoolean("sandbox")) {
					real.add(tenant);
				}
				return row.getInt("clock_offset_days");
			})
			.optional()
			.orElse(0);
	}

	/** Whether the tenant was created a sandbox. */
	public boolean isSandbox(TenantId tenant) {
		return jdbc.sql("select sandbox from tenants where id = ?")
			.param(tenant.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The sandboxes whose clocks were moved, with their days ahead: what the daily jobs also run on their own day. */
	public Map<TenantId, Integer> moved() {
		return jdbc.sql("select id, clock_offset_days from tenants where clock_offset_days > 0")
			.query((row, n) -> Map.entry(new TenantId(row.getObject("id", UUID.class)), row.getInt("clock_offset_days")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Moves a sandbox's clock {@code days} forward (committed at once), then tells the modules
	 * ({@link TenantClockMoved}, synchronously), which run that tenant's day checks on its new today.
	 *
	 * @return the tenant's new today
	 * @throws NotFound a real tenant (or none): its clock is the system's, there is nothing to move
	 * @throws Rejected {@code test-clock.days-invalid}: not forward, or beyond {@link #MAX_DAYS_AHEAD} days ahead
	 */
	public LocalDate moveForward(TenantId tenant, int days) {
		if (!isSandbox(tenant)) {
			throw new NotFound("test-clock.not-found", tenant.value());
		}
		if (days < 1 || days > MAX_DAYS_AHEAD) {
			throw new Rejected("test-clock.days-invalid", MAX_DAYS_AHEAD);
		}
		LocalDate from = today(tenant);
		int moved = jdbc.sql("""
				update tenants set clock_offset_days = clock_offset_days + ?
				where id = ? and sandbox and clock_offset_days + ? <= ?""")
			.params(days, tenant.value(), days, MAX_DAYS_AHEAD)
			.update();
		if (moved == 0) {
			throw new Rejected("test-clock.days-invalid", MAX_DAYS_AHEAD);
		}
		LocalDate to = today(tenant);
		events.publishEvent(new TenantClockMoved(tenant, from, to));
		return to;
	}

	/** Moves a sandbox's clock forward to {@code day} at the agency ({@link #moveForward}). */
	public LocalDate moveTo(TenantId tenant, LocalDate day) {
		if (!isSandbox(tenant)) {
			throw new NotFound("test-clock.not-found", tenant.value());
		}
		long days = ChronoUnit.DAYS.between(today(tenant), day);
		if (days < 1 || days > MAX_DAYS_AHEAD) {
			throw new Rejected("test-clock.days-invalid", MAX_DAYS_AHEAD);
		}
		return moveForward(tenant, (int) days);
	}
}
