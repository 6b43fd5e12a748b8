package ru.kredo.plans.web;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.PortfolioNames.PortfolioName;
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
				portfolio.map(p -> p.name() + ": ").orElse("") + policy);
	}

	/** The portfolio's debts fall back to the agency's policy; nothing is logged when it had none of its own. */
	@Transactional
	boolean remove(TenantId tenant, PortfolioName portfolio) {
		boolean removed = policies.removePortfolio(tenant, portfolio.id());
		if (removed) {
			audit.record(AuditAction.PLAN_POLICY_REMOVED, "portfolio", portfolio.id(), portfolio.name());
		}
		return removed;
	}
}
