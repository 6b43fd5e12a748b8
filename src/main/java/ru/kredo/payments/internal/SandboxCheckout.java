package ru.kredo.payments.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import ru.kredo.payments.PaymentStatus;
import ru.kredo.platform.NotFound;

/**
 * What the payer does on the sandbox's page: pays, is declined, or cancels. Each settles the sandbox payment and
 * then notifies Kredo through the same path a real provider's notification takes — and, as configured, notifies
 * twice and replays a stale "pending" afterwards, the way real providers sometimes behave. The sandbox's record and
 * Kredo's are changed in one transaction: a crash between the two would leave the sandbox paid and Kredo's payment
 * under way, and the sandbox, unlike ЮKassa, never notifies again.
 */
@Component
@ConditionalOnProperty(name = "kredo.payments.provider", havingValue = SandboxProvider.NAME, matchIfMissing = true)
public class SandboxCheckout {

	private final SandboxProvider sandbox;
	private final PaymentNotifications notifications;
	private final PaymentProperties.Sandbox settings;
	private final YooKassaJson yooKassa;

	SandboxCheckout(SandboxProvider sandbox, PaymentNotifications notifications, PaymentProperties properties,
			JsonMapper json) {
		this.sandbox = sandbox;
		this.notifications = notifications;
		this.settings = properties.sandbox();
		this.yooKassa = new YooKassaJson(json);
	}

	/** The payer confirms; returns where to send him back. */
	@Transactional
	public String pay(String providerPaymentId) {
		return settle(providerPaymentId, PaymentStatus.SUCCEEDED, null);
	}

	/** The payer's bank declines the payment. */
	@Transactional
	public String decline(String providerPaymentId) {
		return settle(providerPaymentId, PaymentStatus.CANCELED, "insufficient_funds");
	}

	/** The payer gives up on the confirmation page. */
	@Transactional
	public String cancel(String providerPaymentId) {
		return settle(providerPaymentId, PaymentStatus.CANCELED, "expired_on_confirmation");
	}

	/** A notification as the sandbox would send it, claiming the payment is {@code asIf}, whatever it really is. */
	public String notificationBody(String providerPaymentId, PaymentStatus asIf) {
		SandboxProvider.SandboxPayment payment = sandbox.find(providerPaymentId)
			.orElseThrow(() -> new NotFound("payment.not-found", providerPaymentId));
		return yooKassa.notification(sandbox.json(payment, asIf));
	}

	private String settle(String providerPaymentId, PaymentStatus outcome, String reason) {
		sandbox.find(providerPaymentId).orElseThrow(() -> new NotFound("payment.not-found", providerPaymentId));
		SandboxProvider.SandboxPayment settled = sandbox.settle(providerPaymentId, outcome, reason);
		List<String> bodies = new ArrayList<>();
		bodies.add(notificationBody(providerPaymentId, settled.status()));
		if (settings.duplicateNotifications()) {
			bodies.add(bodies.getFirst());
		}
		if (settings.outOfOrderNotifications()) {
			bodies.add(notificationBody(providerPaymentId, PaymentStatus.PENDING));
		}
		bodies.forEach(body -> notifications.receive(SandboxProvider.NAME, body));
		return onKredo(settled.request().returnUrl());
	}

	/**
	 * The return address without its host: the sandbox's page is Kredo's own, so the payer goes back to the same host
	 * he is on, whatever {@code kredo.base-url} says (a test server on a random port, a demo behind another name).
	 */
	static String onKredo(String returnUrl) {
		URI uri = URI.create(returnUrl);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}
}
