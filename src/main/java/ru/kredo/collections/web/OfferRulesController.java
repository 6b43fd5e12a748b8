package ru.kredo.collections.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.payments.Money;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.platform.RequestedPage;

/**
 * An agency admin's discount rules: which debts get a pre-approved offer, how much off, for how long, and in how many
 * parts the discounted sum may be paid.
 */
@Controller
@RequestMapping("/offer-rules")
class OfferRulesController {

	private final Offers offers;

	OfferRulesController(Offers offers) {
		this.offers = offers;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		model.addAttribute("rules", RequestedPage.slice(offers.rules(me.tenantId()), 50));
		return "collections/offer-rules";
	}

	@PostMapping
	String add(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "0") int minDaysPastDue, @RequestParam(defaultValue = "0") String minBalance,
			@RequestParam(defaultValue = "0") int discountPercent, @RequestParam(defaultValue = "30") int validDays,
			@RequestParam(defaultValue = "1") int maxParts, @RequestParam(defaultValue = "MONTH") PartInterval interval,
			@RequestParam(defaultValue = "0") int graceDays, RedirectAttributes redirect) {
		check(me);
		try {
			offers.addRule(me.tenantId(), name, minDaysPastDue, Money.ofRoubles(minBalance.replace(',', '.').replace(" ", "")),
					discountPercent, validDays, new PartPolicy(maxParts, interval, graceDays));
			redirect.addFlashAttribute("notice", "offer-rules.added");
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/offer-rules";
	}

	private static void check(SignedInUser me) {
		if (me.tenantKind() != TenantKind.COLLECTOR || !me.isAdmin()) {
			throw new NotFound("not-found", "offer-rules");
		}
	}
}
