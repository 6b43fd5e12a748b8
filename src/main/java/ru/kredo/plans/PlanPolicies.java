package ru.kredo.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * Where an agency's plan policies are kept: its own ({@link PlanPolicy#DEFAULT} until it sets one) and one per
 * portfolio whose terms differ. A debt of a portfolio with a policy of its own is under that one; every other debt
 * (added one by one, or of a portfolio without its own) is under the agency's.
 */
@Service
public class PlanPolicies {

	private final JdbcClient jdbc;
	private final Clock clock;

	PlanPolicies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The agency's own policy, or the default when it has set none. */
	public PlanPolicy agency(TenantId tenant) {
		return find(tenant, null).orElse(PlanPolicy.DEFAULT);
	}

	/** The policy of the portfolio itself, if it has one of its own. */
	public Optional<PlanPolicy> portfolio(TenantId tenant, UUID portfolio) {
		return find(tenant, portfolio);
	}

	/** Every portfolio of the agency that has a policy of its own, with it: one statement for a page of portfolios. */
	public Map<UUID, PlanPolicy> portfolios(TenantId tenant) {
		Map<UUID, PlanPolicy> own = new HashMap<>();
		jdbc.sql("""
				select portfolio_id, enabled, min_months, max_months, min_instalment, max_days_to_first, grace_days,
				       days_to_repair, repairs, with_discount, min_balance, min_days_past_due
				from plan_policies where tenant_id = ? and portfolio_id is not null""")
			.param(tenant.value())
			.query(row -> {
				own.put(row.getObject("portfolio_id", UUID.class), policy(row));
			});
		return own;
	}

	/** The policy a debt of {@code portfolio} (none: a debt added one by one) is under. */
	public PlanPolicy effective(TenantId tenant, Optional<UUID> portfolio) {
		return portfolio.flatMap(id -> find(tenant, id)).orElseGet(() -> agency(tenant));
	}

	/** Sets the agency's policy ({@code portfolio} empty) or a portfolio's own. */
	@Transactional
	public void save(TenantId tenant, Optional<UUID> portfolio, PlanPolicy policy) {
		jdbc.sql("""
				insert into plan_policies (tenant_id, portfolio_id, enabled, min_months, max_months, min_instalment,
				    max_days_to_first, grace_days, days_to_repair, repairs, with_discount, min_balance, min_days_past_due,
				    updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, portfolio_id) do update set enabled = excluded.enabled,
				    min_months = excluded.min_months, max_months = excluded.max_months,
				    min_instalment = excluded.min_instalment, max_days_to_first = excluded.max_days_to_first,
				    grace_days = excluded.grace_days, days_to_repair = excluded.days_to_repair,
				    repairs = excluded.repairs, with_discount = excluded.with_discount,
				    min_balance = excluded.min_balance, min_days_past_due = excluded.min_days_past_due,
				    updated_at = excluded.updated_at""")
			.params(tenant.value(), portfolio.orElse(null), policy.enabled(), policy.minMonths(), policy.maxMonths(),
					policy.minInstalment().kopecks(), policy.maxDaysToFirst(), policy.graceDays(),
					policy.daysToRepair(), policy.repairs(), policy.withDiscount(), policy.minBalance().kopecks(),
					policy.minDaysPastDue(), Timestamp.from(clock.instant()))
			.update();
	}

	/** The portfolio's debts fall back to the agency's policy. */
	@Transactional
	public boolean removePortfolio(TenantId tenant, UUID portfolio) {
		return jdbc.sql("delete from plan_policies where tenant_id = ? and portfolio_id = ?")
			.params(tenant.value(), portfolio)
			.update() > 0;
	}

	private Optional<PlanPolicy> find(TenantId tenant, UUID portfolio) {
		return jdbc.sql("""
				select enabled, min_months, max_months, min_instalment, max_days_to_first, grace_days, days_to_repair,
				       repairs, with_discount, min_balance, min_days_past_due
				from plan_policies where tenant_id = ? and portfolio_id is not distinct from ?""")
			.params(tenant.value(), portfolio)
			.query((row, n) -> policy(row))
			.optional();
	}

	private static PlanPolicy policy(ResultSet row) throws SQLException {
		return new PlanPolicy(row.getBoolean("enabled"), row.getInt("min_months"), row.getInt("max_months"),
				Money.ofKopecks(row.getLong("min_instalment")), row.getInt("max_days_to_first"), row.getInt("grace_days"),
				row.getInt("days_to_repair"), row.getInt("repairs"), row.getBoolean("with_discount"),
				Money.ofKopecks(row.getLong("min_balance")), row.getInt("min_days_past_due"));
	}
}
