package ru.kredo.payments.internal;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.payments.Money;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentStatus;

/** ЮKassa's payment object and notification, which the sandbox speaks too. */
final class YooKassaJson {

	private final JsonMapper json;

	YooKassaJson(JsonMapper json) {
		this.json = json;
	}

	/** The body of {@code POST /v3/payments}. */
	String createRequest(CreatePayment payment) {
		ObjectNode body = json.createObjectNode();
		body.putObject("amount").put("value", payment.amount().toString()).put("currency", "RUB");
		body.put("capture", true);
		body.putObject("confirmation").put("type", "redirect").put("return_url", payment.returnUrl());
		body.putObject("payment_method_data").put("type", methodType(payment.method()));
		body.put("description", payment.description());
		body.putObject("metadata")
			.put(ProviderPayment.TENANT_METADATA, payment.tenantId().toString())
			.put(ProviderPayment.PAYMENT_METADATA, payment.paymentId().toString());
		return json.writeValueAsString(body);
	}

	/** A notification as ЮKassa sends it: {@code {"type":"notification","event":"payment.succeeded","object":{…}}}. */
	String notification(String paymentJson) {
		JsonNode payment = json.readTree(paymentJson);
		ObjectNode body = json.createObjectNode();
		body.put("type", "notification");
		body.put("event", "payment." + payment.path("status").asString());
		body.set("object", payment);
		return json.writeValueAsString(body);
	}

	Optional<String> notifiedPaymentId(String body) {
		try {
			String id = json.readTree(body == null ? "" : body).path("object").path("id").asString("");
			return id.isBlank() || id.length() > 100 ? Optional.empty() : Optional.of(id);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/** Reads a payment object; fails on an unknown status or a malformed amount, which Kredo must not guess at. */
	ProviderPayment payment(String paymentJson) {
		JsonNode payment = json.readTree(paymentJson);
		JsonNode metadata = payment.path("metadata");
		return new ProviderPayment(payment.path("id").asString(), status(payment.path("status").asString()),
				Money.ofRoubles(payment.path("amount").path("value").asString()),
				payment.path("confirmation").path("confirmation_url").asString(null),
				ProviderPayment.tenant(metadata.path(ProviderPayment.TENANT_METADATA).asString(null)),
				ProviderPayment.payment(metadata.path(ProviderPayment.PAYMENT_METADATA).asString(null)), paymentJson);
	}

	static String methodType(PaymentMethod method) {
		return switch (method) {
			case BANK_CARD -> "bank_card";
			case SBP -> "sbp";
		};
	}

	static PaymentStatus status(String status) {
		return switch (status) {
			case "pending", "waiting_for_capture" -> PaymentStatus.PENDING;
			case "succeeded" -> PaymentStatus.SUCCEEDED;
			case "canceled" -> PaymentStatus.CANCELED;
			default -> throw new IllegalArgumentException("Unknown ЮKassa payment status " + status);
		};
	}
}
