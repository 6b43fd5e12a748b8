package ru.kredo.payments.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.payments.PaymentSettings;
import ru.kredo.platform.NotFound;

/**
 * An agency admin's payment settings: whether its debtors can pay online at all (a provider is configured for it), and
 * whether ЮKassa issues the 54-ФЗ receipt of each payment or the agency issues its own.
 */
@Controller
@RequestMapping("/payments/settings")
class PaymentSettingsController {

	private final PaymentSettings settings;

	PaymentSettingsController(PaymentSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		model.addAttribute("available", settings.available(me.tenantId()));
		model.addAttribute("receipts", settings.receipts(me.tenantId()));
		return "payments/settings";
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "false") boolean receipts,
			RedirectAttributes redirect) {
		check(me);
		settings.receipts(me.tenantId(), receipts);
		redirect.addFlashAttribute("notice", "payments.settings.saved");
		return "redirect:/payments/settings";
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "payments/settings");
		}
	}
}
