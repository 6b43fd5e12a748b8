package ru.kredo.webhooks.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookDelivery;
import ru.kredo.webhooks.WebhookDeliveryId;

/** Manual re-delivery from the delivery log: the same message, same {@code webhook-id}, a fresh retry schedule. */
@Controller
class WebhookDeliveriesController {

	private final WebhookDeliveries deliveries;
	private final AuditLog audit;

	WebhookDeliveriesController(WebhookDeliveries deliveries, AuditLog audit) {
		this.deliveries = deliveries;
		this.audit = audit;
	}

	@PostMapping("/webhooks/deliveries/{id}/redeliver")
	String redeliver(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		WebhookDelivery delivery = deliveries.redeliver(me.tenantId(), new WebhookDeliveryId(id));
		audit.record(AuditAction.WEBHOOK_REDELIVERED, "webhook-delivery", delivery.id(), delivery.messageId());
		redirect.addFlashAttribute("notice", "webhooks.redelivery-queued");
		return "redirect:/webhooks/" + delivery.endpointId();
	}
}
