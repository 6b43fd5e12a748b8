package ru.kredo.payments.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import ru.kredo.payments.internal.SandboxCheckout;
import ru.kredo.payments.internal.SandboxProvider;
import ru.kredo.platform.NotFound;

/**
 * The sandbox provider's confirmation page, standing in for ЮKassa's: the payer pays, is declined or cancels, and
 * goes back to where the payment was started. Public, like a provider's page; its ids are random.
 */
@Controller
@ConditionalOnProperty(name = "kredo.payments.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxController {

	private final SandboxProvider sandbox;
	private final SandboxCheckout checkout;

	SandboxController(SandboxProvider sandbox, SandboxCheckout checkout) {
		this.sandbox = sandbox;
		this.checkout = checkout;
	}

	@GetMapping("/payments/sandbox/{id}")
	String page(@PathVariable String id, Model model) {
		model.addAttribute("payment", sandbox.find(id).orElseThrow(() -> new NotFound("payment.not-found", id)));
		return "payments/sandbox";
	}

	@PostMapping("/payments/sandbox/{id}/pay")
	String pay(@PathVariable String id) {
		return "redirect:" + checkout.pay(id);
	}

	@PostMapping("/payments/sandbox/{id}/decline")
	String decline(@PathVariable String id) {
		return "redirect:" + checkout.decline(id);
	}

	@PostMapping("/payments/sandbox/{id}/cancel")
	String cancel(@PathVariable String id) {
		return "redirect:" + checkout.cancel(id);
	}
}
