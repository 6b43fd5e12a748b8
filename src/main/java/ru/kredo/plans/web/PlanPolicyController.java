package ru.kredo.plans.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.collections.PortfolioNames;
import ru.kredo.collections.PortfolioNames.PortfolioName;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.NotFound;
import ru.kredo.plans.PlanPolicies;
import ru.kredo.plans.PlanPolicy;

/**
 * An agency admin's restructuring-plan policy (collection agencies only, {@code TenantKindAccess}): the agency's own
 * terms and, below, each portfolio's, set to differ or removed so that its debts fall back to the agency's. Beside
 * the form, the policy as a debtor reads it on his debt's page (one fragment, {@code plans/policy-text}). A refused
 * form comes back (422) with everything typed and every wrong field marked; a saved one redirects. Each change is
 * audited.
 */
@Controller
@RequestMapping("/plan-policy")
class PlanPolicyController {

	private final PlanPolicies policies;
	private final PolicyChanges changes;
	private final PortfolioNames portfolios;

	PlanPolicyController(PlanPolicies policies, PolicyChanges changes, PortfolioNames portfolios) {
		this.policies = policies;
		this.changes = changes;
		this.portfolios = portfolios;
	}

	/** A portfolio with its own policy, if it has one. */
	/** Portfolios a page of the list shows. */
	static final int PAGE_SIZE = 50;

	record PortfolioLine(PortfolioName portfolio, PlanPolicy own) {
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		check(me);
		PlanPolicy agency = policies.agency(me.tenantId());
		model.addAttribute("policy", agency);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PlanPolicyForm.of(agency));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		// The portfolios' names are read whole (an agency has dozens, a few hundred at most) and paged like every
		// staff list; the page's own policies in one statement.
		Paging paging = Paging.page(page, PAGE_SIZE);
		ListPage<PortfolioName> shown = ListPage.slice(portfolios.all(me.tenantId()), paging);
		Map<UUID, PlanPolicy> own = policies.portfolios(me.tenantId());
		model.addAttribute("portfolios", ListPage.of(shown.items().stream()
			.map(p -> new PortfolioLine(p, own.get(p.id())))
			.toList(), shown.total(), paging));
		return "plans/policy";
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser me, PlanPolicyForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		check(me);
		try {
			changes.save(me.tenantId(), Optional.empty(), form.parse());
			redirect.addFlashAttribute("notice", "plan-policy.saved");
			return "redirect:/plan-policy";
		}
		catch (InvalidFields invalid) {
			refused(form, invalid, model, response);
			return page(me, 0, model);
		}
	}

	@GetMapping("/portfolios/{id}")
	String portfolio(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		check(me);
		PortfolioName portfolio = portfolioOf(me, id);
		Optional<PlanPolicy> own = policies.portfolio(me.tenantId(), id);
		PlanPolicy effective = own.orElseGet(() -> policies.agency(me.tenantId()));
		model.addAttribute("portfolio", portfolio);
		model.addAttribute("own", own.isPresent());
		model.addAttribute("policy", effective);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PlanPolicyForm.of(effective));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "plans/portfolio-policy";
	}

	@PostMapping("/portfolios/{id}")
	String savePortfolio(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, PlanPolicyForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		check(me);
		PortfolioName portfolio = portfolioOf(me, id);
		try {
			changes.save(me.tenantId(), Optional.of(portfolio), form.parse());
			redirect.addFlashAttribute("notice", "plan-policy.portfolio-saved");
			return "redirect:/plan-policy/portfolios/" + id;
		}
		catch (InvalidFields invalid) {
			refused(form, invalid, model, response);
			return portfolio(me, id, model);
		}
	}

	@PostMapping("/portfolios/{id}/delete")
	String removePortfolio(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			RedirectAttributes redirect) {
		check(me);
		changes.remove(me.tenantId(), portfolioOf(me, id));
		redirect.addFlashAttribute("notice", "plan-policy.portfolio-removed");
		return "redirect:/plan-policy";
	}

	private PortfolioName portfolioOf(SignedInUser me, UUID id) {
		return portfolios.find(me.tenantId(), id).orElseThrow(() -> new NotFound("not-found", "portfolio"));
	}

	private static void refused(PlanPolicyForm form, InvalidFields invalid, Model model, HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("errors", invalid.errors());
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "plan-policy");
		}
	}
}
