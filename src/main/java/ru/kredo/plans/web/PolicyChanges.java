package ru.kredo.plans.web;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.PortfolioNames.PortfolioName;
import ru.kredo.money.Amounts;
import ru.kredo.plans.PlanPolicies;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.tenancy.TenantId;

/** A change of an agency's plan policy and its line in the audit log, together or not at all. */
@Service
class PolicyChanges {

	private final PlanPolicies policies;
	private final AuditLog audit;

	PolicyChanges(PlanPolicies policies, AuditLog audit) {
		this.policies = policies;
		this.audit = audit;
	}

	/** Sets the agency's policy ({@code portfolio} empty) or a portfolio's own. */
	@Transactional
	void save(TenantId tenant, Optional<PortfolioName> portfolio, PlanPolicy policy) {
		policies.save(tenant, portfolio.map(PortfolioName::id), policy);
		audit.record(AuditAction.PLAN_POLICY_CHANGED, portfolio.isPresent() ? "portfolio" : "tenant",
				portfolio.map(p -> (Object) p.id()).orElse(tenant.value()),
				portfolio.map(p -> "plan-portfolio:" + p.name().replace(';', ',') + "; ").orElse("") + detail(policy));
	}

	/** The terms saved, as the audit log words them part by part ({@code audit.detail.plan-*}). */
	static String detail(PlanPolicy policy) {
		return String.join("; ", "plan-enabled:" + policy.enabled(),
				"plan-months:" + policy.minMonths() + "–" + policy.maxMonths(),
				"plan-min-instalment:" + Amounts.digits(policy.minInstalment().roubles()),
				"plan-days-to-first:" + policy.maxDaysToFirst(), "plan-grace-days:" + policy.graceDays(),
				"plan-days-to-repair:" + policy.daysToRepair(), "plan-repairs:" + policy.repairs(),
				"plan-with-discount:" + policy.withDiscount(),
				"plan-min-balance:" + Amounts.digits(policy.minBalance().roubles()),
				"plan-min-days-past-due:" + policy.minDaysPastDue());
	}

	/** The portfolio's debts fall back to the agency's policy; nothing is logged when it had none of its own. */
	@Transactional
	boolean remove(TenantId tenant, PortfolioName portfolio) {
		boolean removed = policies.removePortfolio(tenant, portfolio.id());
		if (removed) {
			audit.record(AuditAction.PLAN_POLICY_REMOVED, "portfolio", portfolio.id(),
					"plan-portfolio:" + portfolio.name().replace(';', ','));
		}
		return removed;
	}
}
