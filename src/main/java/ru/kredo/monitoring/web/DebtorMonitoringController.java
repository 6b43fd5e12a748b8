package ru.kredo.monitoring.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditActor;
import ru.kredo.collections.CreditHistoryBases;
import ru.kredo.collections.Debts;
import ru.kredo.collections.PortfolioNames;
import ru.kredo.collections.PortfolioNames.PortfolioName;
import ru.kredo.contacts.ContactId;
import ru.kredo.monitoring.DebtorWatches;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;

/**
 * A collection agency puts its debtors on monitoring (docs/monitoring-debtors.md): a whole portfolio at once from the
 * registries' page (its admin, who confirms that the debtors' consents came with the claims), or one debtor from his
 * card. The form asks how many months; a refused one comes back (422) with every wrong field marked, a done one
 * redirects to the page with what was done.
 */
@Controller
class DebtorMonitoringController {

	private final DebtorWatches debtorWatches;
	private final PortfolioNames portfolios;
	private final CreditHistoryBases bases;
	private final Debts debts;

	DebtorMonitoringController(DebtorWatches debtorWatches, PortfolioNames portfolios, CreditHistoryBases bases,
			Debts debts) {
		this.debtorWatches = debtorWatches;
		this.portfolios = portfolios;
		this.bases = bases;
		this.debts = debts;
	}

	/** The form: how many months, and the confirmation of the basis. */
	record DebtorWatchForm(String months, Boolean confirmed) {

		static DebtorWatchForm empty() {
			return new DebtorWatchForm(String.valueOf(DebtorWatches.DEFAULT_MONTHS), false);
		}

		int parsedMonths(Map<String, Rejected> errors) {
			try {
				return Integer.parseInt(months == null ? "" : months.strip());
			}
			catch (NumberFormatException ex) {
				errors.put("months", new Rejected("watch.months-invalid", 36));
				return 0;
			}
		}
	}

	@GetMapping("/debtors/portfolios/{id}/monitoring")
	String portfolio(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		PortfolioName portfolio = portfolioOf(me, id);
		model.addAttribute("portfolio", portfolio);
		model.addAttribute("debtors", bases.ofPortfolio(me.tenantId(), id).size());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DebtorWatchForm.empty());
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "monitoring/portfolio-watch";
	}

	@PostMapping("/debtors/portfolios/{id}/monitoring")
	String watchPortfolio(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, DebtorWatchForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		PortfolioName portfolio = portfolioOf(me, id);
		Map<String, Rejected> errors = new HashMap<>();
		int months = form.parsedMonths(errors);
		if (errors.isEmpty() && (months < 1 || months > 36)) {
			errors.put("months", new Rejected("watch.months-invalid", 36));
		}
		if (!Boolean.TRUE.equals(form.confirmed())) {
			errors.put("confirmed", new Rejected("debtor-watch.confirm-required"));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return portfolio(me, id, model);
		}
		redirect.addFlashAttribute("result",
				debtorWatches.watchPortfolio(me.tenantId(), portfolio.id(), months, AuditActor.of(me)));
		return "redirect:/debtors/portfolios/" + id + "/monitoring";
	}

	/** One debtor from his card, for the default months; back to his card with what was done. */
	@PostMapping("/debtors/{id}/monitoring")
	String watchDebtor(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		ContactId debtor = new ContactId(id);
		if (debts.ofContact(me.tenantId(), debtor).isEmpty()) {
			throw new NotFound("debtor.not-found", id); // not this agency's debtor: as for any other of its pages
		}
		if (bases.ofDebtor(me.tenantId(), debtor).isEmpty()) {
			redirect.addFlashAttribute("problem", new Rejected("debtor.no-open-debt"));
			return "redirect:/debtors/" + id;
		}
		DebtorWatches.Result result = debtorWatches.watchDebtor(me.tenantId(), debtor, DebtorWatches.DEFAULT_MONTHS,
				AuditActor.of(me));
		redirect.addFlashAttribute("notice", result.watched() > 0 ? "debtor-watch.watched" : "debtor-watch.already");
		return "redirect:/debtors/" + id;
	}

	private PortfolioName portfolioOf(SignedInUser me, UUID id) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "portfolio");
		}
		return portfolios.find(me.tenantId(), id).orElseThrow(() -> new NotFound("not-found", "portfolio"));
	}
}
