package ru.kredo.plans;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * How an agency's signed plans are kept ({@code docs/plans.md} «Adherence»): per month, the cash its instalments
 * expected against what came in towards them, the share of the instalments due that were paid in full by their due
 * date, and of the plans signed that month how many broke; per portfolio, the same shares over all time. Counted from
 * {@code plan_instalment_payments} (each payment's part towards each instalment and the day it came). A plan broken
 * expects nothing due after it broke; a plan repaired is counted by its schedule as it stands.
 * <p>
 * Each plan is counted on its debtor's day, in his time zone (collections' {@code debtor_zones}; the agency's when his
 * is unknown), as the day's check and the reminders count it: an instalment is due before today when it is before
 * <em>his</em> today, paid on time when paid by its date on <em>his</em> calendar ({@code paid_on}, the payment's day
 * in his zone), a broken plan expects nothing after the day it broke on his calendar ({@code plans.ended_on}), and a
 * plan signed at 01:00 on the 1st in Vladivostok was signed that month, not the month before. The months shown are
 * the agency's, on its clock ({@link TenantClocks}: a sandbox's moved one).
 */
@Service
public class PlanAdherence {

	/** Months shown before the current one, and after it (cash still to come). */
	public static final int MONTHS_BACK = 11;
	public static final int MONTHS_AHEAD = 3;

	/**
	 * The signed plans' instalments, each with its debtor's today at the instant given ({@code today}) and what was paid
	 * towards it by its date on his calendar ({@code on_time}). Parameters: the instant, the agency's zone, the tenant,
	 * the agency's zone.
	 */
	private static final String INSTALMENTS = """
			with inst as (
			    select p.id as plan_id, p.portfolio_id, pi.number, pi.due_on, pi.amount,
			        (?::timestamptz at time zone coalesce(z.time_zone, ?))::date as today,
			        coalesce((select sum(x.amount) from plan_instalment_payments x
			                  where x.plan_id = pi.plan_id and x.number = pi.number and x.paid_on <= pi.due_on), 0) as on_time
			    from plans p join plan_instalments pi on pi.plan_id = p.id
			        left join debtor_zones z on z.tenant_id = p.tenant_id and z.contact_id = p.contact_id
			    where p.tenant_id = ? and p.signed_at is not null
			        and (p.status <> 'BROKEN'
			             or pi.due_on <= coalesce(p.ended_on, (p.updated_at at time zone coalesce(z.time_zone, ?))::date)))
			""";

	private final JdbcClient jdbc;
	private final BusinessCalendar calendar;
	private final TenantClocks clocks;

	PlanAdherence(JdbcClient jdbc, BusinessCalendar calendar, TenantClocks clocks) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clocks = clocks;
	}

	/** From {@value #MONTHS_BACK} months back to {@value #MONTHS_AHEAD} ahead of the agency's current month. */
	public List<Month> months(TenantId tenant) {
		return months(tenant, clocks.clock(tenant).instant());
	}

	/**
	 * As {@link #months(TenantId)} at the instant {@code now} on the tenant's clock: the agency's month then, each plan
	 * counted on its debtor's day then. What a test drives.
	 */
	public List<Month> months(TenantId tenant, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, calendar.agencyZone());
		String agencyZone = calendar.agencyZone().getId();
		YearMonth current = YearMonth.from(today);
		LocalDate from = current.minusMonths(MONTHS_BACK).atDay(1);
		LocalDate to = current.plusMonths(MONTHS_AHEAD + 1L).atDay(1);
		Map<LocalDate, long[]> due = new HashMap<>();
		jdbc.sql(INSTALMENTS + """
				select date_trunc('month', due_on)::date as m, sum(amount) as expected,
				    count(*) filter (where due_on < today) as due,
				    count(*) filter (where due_on < today and on_time >= amount) as on_time
				from inst where due_on >= ? and due_on < ? group by m""")
			.params(at(now), agencyZone, tenant.value(), agencyZone, Date.valueOf(from), Date.valueOf(to))
			.query((row, n) -> due.put(row.getDate("m").toLocalDate(),
					new long[] { row.getLong("expected"), row.getLong("due"), row.getLong("on_time") }))
			.list();
		Map<LocalDate, Long> came = new HashMap<>();
		jdbc.sql("""
				select date_trunc('month', paid_on)::date as m, sum(amount) as came from plan_instalment_payments
				where tenant_id = ? and paid_on >= ? and paid_on < ? group by m""")
			.params(tenant.value(), Date.valueOf(from), Date.valueOf(to))
			.query((row, n) -> came.put(row.getDate("m").toLocalDate(), row.getLong("came")))
			.list();
		Map<LocalDate, long[]> signed = new HashMap<>();
		jdbc.sql("""
				select date_trunc('month', p.signed_at at time zone coalesce(z.time_zone, ?))::date as m, count(*) as signed,
				    count(*) filter (where p.status = 'BROKEN') as broken
				from plans p left join debtor_zones z on z.tenant_id = p.tenant_id and z.contact_id = p.contact_id
				where p.tenant_id = ? and p.signed_at is not null group by m""")
			.params(agencyZone, tenant.value())
			.query((row, n) -> signed.put(row.getDate("m").toLocalDate(),
					new long[] { row.getLong("signed"), row.getLong("broken") }))
			.list();
		List<Month> months = new ArrayList<>();
		for (YearMonth month = current.minusMonths(MONTHS_BACK); month.isBefore(current.plusMonths(MONTHS_AHEAD + 1L));
				month = month.plusMonths(1)) {
			LocalDate key = month.atDay(1);
			long[] d = due.getOrDefault(key, new long[3]);
			long[] s = signed.getOrDefault(key, new long[2]);
			months.add(new Month(month, Money.ofKopecks(d[0]), Money.ofKopecks(came.getOrDefault(key, 0L)), d[1], d[2],
					s[0], s[1]));
		}
		return months;
	}

	/** Per portfolio (the debt's when the plan was requested; none: debts added one by one), over all time. */
	public List<Portfolio> portfolios(TenantId tenant) {
		return portfolios(tenant, clocks.clock(tenant).instant());
	}

	/** As {@link #portfolios(TenantId)} at the instant {@code now}, each plan on its debtor's day then. */
	public List<Portfolio> portfolios(TenantId tenant, Instant now) {
		String agencyZone = calendar.agencyZone().getId();
		Map<Optional<UUID>, long[]> instalments = new HashMap<>();
		jdbc.sql(INSTALMENTS + """
				select portfolio_id, count(*) as due, count(*) filter (where on_time >= amount) as on_time
				from inst where due_on < today group by portfolio_id""")
			.params(at(now), agencyZone, tenant.value(), agencyZone)
			.query((row, n) -> instalments.put(Optional.ofNullable(row.getObject("portfolio_id", UUID.class)),
					new long[] { row.getLong("due"), row.getLong("on_time") }))
			.list();
		return jdbc.sql("""
				select portfolio_id, count(*) as signed, count(*) filter (where status = 'BROKEN') as broken,
				    count(*) filter (where status = 'COMPLETED') as completed
				from plans where tenant_id = ? and signed_at is not null group by portfolio_id order by portfolio_id nulls first""")
			.params(tenant.value())
			.query((row, n) -> {
				Optional<UUID> portfolio = Optional.ofNullable(row.getObject("portfolio_id", UUID.class));
				long[] i = instalments.getOrDefault(portfolio, new long[2]);
				return new Portfolio(portfolio, row.getLong("signed"), row.getLong("broken"), row.getLong("completed"),
						i[0], i[1]);
			})
			.list();
	}

	private static OffsetDateTime at(Instant now) {
		return now.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A month: the cash its instalments {@code expected} and what {@code cameIn} towards any plan's instalments in it;
	 * of the instalments due in it before today, how many were paid in full by their due date; of the plans signed in
	 * it, how many broke since.
	 */
	public record Month(YearMonth month, Money expected, Money cameIn, long due, long onTime, long signed, long broken) {

		public Integer onTimePercent() {
			return due == 0 ? null : (int) Math.round(100.0 * onTime / due);
		}

		public Integer brokenPercent() {
			return signed == 0 ? null : (int) Math.round(100.0 * broken / signed);
		}
	}

	/** A portfolio's plans signed, broken and completed, and its instalments due so far and paid on time. */
	public record Portfolio(Optional<UUID> portfolio, long signed, long broken, long completed, long due, long onTime) {

		public Integer onTimePercent() {
			return due == 0 ? null : (int) Math.round(100.0 * onTime / due);
		}

		public Integer brokenPercent() {
			return signed == 0 ? null : (int) Math.round(100.0 * broken / signed);
		}
	}
}
