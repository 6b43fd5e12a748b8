package ru.kredo.cabinet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.tenancy.TenantId;

/**
 * Records each visitor's steps through an agency's cabinet (first-party; no third party sees them) and reads the
 * funnel back: how many reached each step, step-to-step conversion, and where visitors left.
 */
@Service
public class Funnel {

	private final JdbcClient jdbc;
	private final Clock clock;

	Funnel(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records that the visitor reached the step now; the first time counts, repeats are ignored. */
	public void reached(TenantId tenant, UUID visitor, FunnelStep step) {
		reached(tenant, visitor, step, clock.instant());
	}

	/**
	 * Records that the visitor reached the step at a given time (a payment succeeds when the provider says so). A
	 * visitor who reached any step visited: his visit is recorded with it when the door did not count it (the browser
	 * showed the door from a prefetch, or his browser reads as a bot's, {@code cabinet/web/Visitors#isAVisit}).
	 */
	void reached(TenantId tenant, UUID visitor, FunnelStep step, Instant at) {
		Timestamp time = Timestamp.from(at);
		if (step == FunnelStep.VISIT) {
			jdbc.sql("insert into cabinet_funnel (tenant_id, visitor, step, at) values (?, ?, ?, ?) on conflict do nothing")
				.params(tenant.value(), visitor, step.name(), time)
				.update();
			return;
		}
		jdbc.sql("""
				insert into cabinet_funnel (tenant_id, visitor, step, at) values (?, ?, ?, ?), (?, ?, 'VISIT', ?)
				on conflict do nothing""")
			.params(tenant.value(), visitor, step.name(), time, tenant.value(), visitor, time)
			.update();
	}

	/**
	 * Records that the visitor came by an invitation's link; his first invitation is the one his steps count under
	 * ({@link #of(TenantId, UUID)}).
	 */
	public void cameBy(TenantId tenant, UUID visitor, UUID invitation) {
		jdbc.sql("""
				insert into cabinet_funnel_sources (tenant_id, visitor, invitation_id, at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(tenant.value(), visitor, invitation, Timestamp.from(clock.instant()))
			.update();
	}

	public List<Row> of(TenantId tenant) {
		return of(tenant, null);
	}

	/** The funnel of the visitors who came by {@code invitation} ({@code null}: of every visitor). */
	public List<Row> of(TenantId tenant, UUID invitation) {
		Map<FunnelStep, Long> reached = new EnumMap<>(FunnelStep.class);
		Map<FunnelStep, Long> leftAt = new EnumMap<>(FunnelStep.class);
		String only = invitation == null ? ""
				: " and visitor in (select s.visitor from cabinet_funnel_sources s where s.tenant_id = ? and s.invitation_id = ?)";
		Object[] params = invitation == null ? new Object[] { tenant.value() }
				: new Object[] { tenant.value(), tenant.value(), invitation };
		jdbc.sql("select step, count(*) as visitors from cabinet_funnel where tenant_id = ?" + only + " group by step")
			.params(params)
			.query(row -> {
				reached.put(FunnelStep.valueOf(row.getString("step")), row.getLong("visitors"));
			});
		Object[] withNames = new Object[params.length + 1];
		withNames[0] = names();
		System.arraycopy(params, 0, withNames, 1, params.length);
		jdbc.sql("""
				select last_step, count(*) as visitors from (
				    select visitor, max(array_position(?::text[], step)) as last_step
				    from cabinet_funnel where tenant_id = ?""" + only + """

				    group by visitor) v
				group by last_step""")
			.params(withNames)
			.query(row -> {
				leftAt.put(FunnelStep.values()[row.getInt("last_step") - 1], row.getLong("visitors"));
			});
		List<Row> rows = new ArrayList<>();
		long previous = 0;
		for (FunnelStep step : FunnelStep.values()) {
			long count = reached.getOrDefault(step, 0L);
			rows.add(new Row(step, count, step.ordinal() == 0 || previous == 0 ? null : count * 100.0 / previous,
					leftAt.getOrDefault(step, 0L)));
			previous = count;
		}
		return rows;
	}

	private static String[] names() {
		FunnelStep[] steps = FunnelStep.values();
		String[] names = new String[steps.length];
		for (int i = 0; i < steps.length; i++) {
			names[i] = steps[i].name();
		}
		return names;
	}

	/**
	 * A step of the funnel.
	 *
	 * @param fromPrevious per cent of the previous step's visitors who reached this one (none for the first)
	 * @param leftHere visitors whose furthest step this is
	 */
	public record Row(FunnelStep step, long visitors, Double fromPrevious, long leftHere) {
	}
}
