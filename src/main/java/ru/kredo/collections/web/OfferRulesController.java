package ru.kredo.collections.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.OfferRule;
import ru.kredo.collections.OfferRules;
import ru.kredo.collections.Offers;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.RequestedPage;


/**
 * An agency admin's discount rules: which debts get a pre-approved offer, how much off, for how long, and in how many
 * parts the discounted sum may be paid; each rule edited, switched off and on, or deleted while it has made no offer.
 * A refused form comes back (422) with everything typed and every wrong field marked; a saved one redirects.
 */
@Controller
@RequestMapping("/offer-rules")
class OfferRulesController {

	private final Offers offers;
	private final OfferRules rules;
	private final AuditLog audit;

	OfferRulesController(Offers offers, OfferRules rules, AuditLog audit) {
		this.offers = offers;
		this.rules = rules;
		this.audit = audit;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		model.addAttribute("rules", RequestedPage.slice(rules.all(me.tenantId()), 50));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", OfferRuleForm.BLANK);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "collections/offer-rules";
	}

	@PostMapping
	String add(@AuthenticationPrincipal SignedInUser me, OfferRuleForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		check(me);
		try {
			OfferRuleForm.Terms terms = form.parse();
			OfferRule rule = offers.addRule(me.tenantId(), terms.name(), terms.minDaysPastDue(), terms.minBalance(),
					terms.discountPercent(), terms.validDays(), terms.parts());
			audit.record(AuditAction.OFFER_RULE_ADDED, "offer-rule", rule.id(), "page;" + rule.discountPercent() + "%");
			redirect.addFlashAttribute("notice", "offer-rules.added");
			return "redirect:/offer-rules";
		}
		catch (InvalidFields invalid) {
			refused(form, invalid.errors(), model, response);
			return list(me, model);
		}
		catch (Rejected rejected) {
			refused(form, Map.of(), model, response);
			model.addAttribute("problem", rejected);
			return list(me, model);
		}
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		check(me);
		OfferRules.Line line = rules.get(me.tenantId(), id);
		model.addAttribute("line", line);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", OfferRuleForm.of(line.rule()));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "collections/offer-rule";
	}

	@PostMapping("/{id}")
	String change(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, OfferRuleForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		check(me);
		try {
			OfferRuleForm.Terms terms = form.parse();
			rules.change(me.tenantId(), id, terms.name(), terms.minDaysPastDue(), terms.minBalance(), terms.discountPercent(),
					terms.validDays(), terms.parts());
			audit.record(AuditAction.OFFER_RULE_CHANGED, "offer-rule", id, "page;" + terms.discountPercent() + "%");
			redirect.addFlashAttribute("notice", "offer-rules.changed");
			return "redirect:/offer-rules";
		}
		catch (InvalidFields invalid) {
			refused(form, invalid.errors(), model, response);
			return edit(me, id, model);
		}
		catch (Rejected rejected) {
			refused(form, Map.of(), model, response);
			model.addAttribute("problem", rejected);
			return edit(me, id, model);
		}
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		check(me);
		rules.setEnabled(me.tenantId(), id, enabled);
		audit.record(AuditAction.OFFER_RULE_SWITCHED, "offer-rule", id, "page;" + (enabled ? "on" : "off"));
		redirect.addFlashAttribute("notice", enabled ? "offer-rules.enabled" : "offer-rules.disabled");
		return "redirect:/offer-rules";
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		check(me);
		try {
			rules.delete(me.tenantId(), id);
			audit.record(AuditAction.OFFER_RULE_DELETED, "offer-rule", id, "page");
			redirect.addFlashAttribute("notice", "offer-rules.deleted");
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/offer-rules";
	}

	private static void refused(OfferRuleForm form, Map<String, Rejected> errors, Model model,
			HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "offer-rules");
		}
	}
}
