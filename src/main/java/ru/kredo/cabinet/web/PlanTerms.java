package ru.kredo.cabinet.web;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import ru.kredo.collections.Debt;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.tenancy.Tenant;

/**
 * A restructuring plan as the debtor reads it before signing — the title, what is agreed (the whole balance in monthly
 * instalments, nothing forgiven), each instalment with its date, what a late one does, and what entering the code
 * means (a simple electronic signature) — worded once, so that the page shows and the plan keeps
 * ({@code plans.signed_terms}) the same text, as {@link SettlementTerms} does for a settlement.
 */
record PlanTerms(String title, String agreement, List<String> schedule, String lapse, String signing,
		String discount) implements Serializable {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	static PlanTerms of(MessageSource messages, Locale locale, Tenant agency, Debt debt, Plan plan, PlanPolicy policy) {
		// A discounted plan says its condition plainly: the rest forgiven once every instalment is paid, the discount
		// lost if the plan breaks or is ended.
		String agreement = plan.isDiscounted()
				? messages.getMessage("cabinet.plan-terms-discounted", new Object[] { agency.name(),
						debt.contractNumber(), debt.originalCreditor(), SettlementTerms.roubles(plan.discountedFrom()),
						SettlementTerms.roubles(plan.total()), plan.instalments().size() }, locale)
				: messages.getMessage("cabinet.plan-terms", new Object[] { agency.name(), debt.contractNumber(),
						debt.originalCreditor(), SettlementTerms.roubles(plan.total()), plan.instalments().size() },
						locale);
		String discount = plan.isDiscounted() ? messages.getMessage("cabinet.plan-terms-discount",
				new Object[] { SettlementTerms.roubles(plan.forgiven()), SettlementTerms.roubles(plan.discountedFrom()) },
				locale) : null;
		List<String> schedule = plan.instalments().stream()
			.map(i -> messages.getMessage("cabinet.plan-terms-part",
					new Object[] { i.number(), SettlementTerms.roubles(i.amount()), DATE.format(i.due()) }, locale))
			.toList();
		String lapse = messages.getMessage("cabinet.plan-terms-lapse",
				new Object[] { policy.graceDays(), policy.daysToRepair() }, locale);
		return new PlanTerms(messages.getMessage("cabinet.plan-sign-title", null, locale), agreement, schedule, lapse,
				messages.getMessage("cabinet.plan-sign-help", null, locale), discount);
	}

	/** The terms as one text, a line each as the page shows them, kept with the signed plan. */
	String text() {
		List<String> lines = new ArrayList<>();
		lines.add(title);
		lines.add(agreement);
		lines.addAll(schedule);
		lines.add(lapse);
		if (discount != null) {
			lines.add(discount);
		}
		lines.add(signing);
		return String.join("\n", lines);
	}
}
