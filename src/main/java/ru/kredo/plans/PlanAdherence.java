package ru.kredo.plans;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
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
import ru.kredo.tenancy.TenantId;

/**
 * How an agency's signed plans are kept ({@code docs/plans.md} «Adherence»): per month, the cash its instalments
 * expected against what came in towards them, the share of the instalments due that were paid in full by their due
 * date, and of the plans signed that month how many broke; per portfolio, the same shares over all time. Counted from
 * {@code plan_instalment_payments} (each payment's part towards each instalment and the day it came). A plan broken
 * expects nothing due after it broke; a plan repaired is counted by its schedule as it stands.
 */
@Service
public class PlanAdherence {

	/** Months shown before the current one, and after it (cash still to come). */
	public static final int MONTHS_BACK = 11;
	public static final int MONTHS_AHEAD = 3;

	private static final String INSTALMENTS = """
			with inst as (
			    select p.id as plan_id, p.portfolio_id, pi.number, pi.due_on, pi.amount,
			        coalesce((select sum(x.amount) from plan_instalment_payments x
			                  where x.plan_id = pi.plan_id and x.number = pi.number and x.paid_on <= pi.due_on), 0) as on_time
			    from plans p join plan_instalments pi on pi.plan_id = p.id
			    where p.tenant_id = ? and p.signed_at is not null
			        and (p.status <> 'BROKEN' or pi.due_on <= p.updated_at::date))
			""";

	private final JdbcClient jdbc;
	private final BusinessCalendar calendar;

	PlanAdherence(JdbcClient jdbc, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/** From {@value #MONTHS_BACK} months back to {@value #MONTHS_AHEAD} ahead of the agency's current month. */
	public List<Month> months(TenantId tenant) {
		LocalDate today = calendar.today();
		YearMonth current = YearMonth.from(today);
		LocalDate from = current.minusMonths(MONTHS_BACK).atDay(1);
		LocalDate to = current.plusMonths(MONTHS_AHEAD + 1L).atDay(1);
		Map<LocalDate, long[]> due = new HashMap<>();
		jdbc.sql(INSTALMENTS + """
				select date_trunc('month', due_on)::date as m, sum(amount) as expected,
				    count(*) filter (where due_on < ?) as due, count(*) filter (where due_on < ? and on_time >= amount) as on_time
				from inst where due_on >= ? and due_on < ? group by m""")
			.params(tenant.value(), Date.valueOf(today), Date.valueOf(today), Date.valueOf(from), Date.valueOf(to))
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
				select date_trunc('month', signed_at at time zone ?)::date as m, count(*) as signed,
				    count(*) filter (where status = 'BROKEN') as broken
				from plans where tenant_id = ? and signed_at is not null group by m""")
			.params(calendar.agencyZone().getId(), tenant.value())
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
		LocalDate today = calendar.today();
		Map<Optional<UUID>, long[]> instalments = new HashMap<>();
		jdbc.sql(INSTALMENTS + """
				select portfolio_id, count(*) as due, count(*) filter (where on_time >= amount) as on_time
				from inst where due_on < ? group by portfolio_id""")
			.params(tenant.value(), Date.valueOf(today))
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
