package ru.kredo.payments.internal;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.money.Money;
import ru.kredo.payments.PaymentDetails;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentStatus;

/** ЮKassa's payment object and notification, which the sandbox speaks too. */
final class YooKassaJson {

	private final JsonMapper json;

	YooKassaJson(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The body of {@code POST /v3/payments}. Refuses what ЮKassa would refuse or mishandle: a relative
	 * {@code return_url} (the payer would land on ЮKassa's own host), a description over 128 characters, a receipt
	 * for another sum than the payment's, an item without a description or an amount.
	 */
	String createRequest(CreatePayment payment) {
		checkReturnUrl(payment.returnUrl());
		if (payment.description() == null || payment.description().isBlank()
				|| payment.description().length() > PaymentDetails.MAX_DESCRIPTION) {
			throw new IllegalArgumentException("A payment's description takes 1 to 128 characters");
		}
		ObjectNode body = json.createObjectNode();
		body.putObject("amount").put("value", payment.amount().toString()).put("currency", "RUB");
		body.put("capture", true);
		body.putObject("confirmation").put("type", "redirect").put("return_url", payment.returnUrl());
		body.putObject("payment_method_data").put("type", methodType(payment.method()));
		body.put("description", payment.description());
		if (payment.receipt() != null) {
			FiscalReceipt receipt = payment.receipt();
			if (!receipt.amount().equals(payment.amount())) {
				throw new IllegalArgumentException("A receipt's sum must be the payment's");
			}
			ObjectNode fiscal = body.putObject("receipt");
			ObjectNode customer = fiscal.putObject("customer");
			if (receipt.customerPhone() != null) {
				customer.put("phone", receipt.customerPhone());
			}
			else {
				customer.put("email", receipt.customerEmail());
			}
			var items = fiscal.putArray("items");
			for (FiscalReceipt.Item line : receipt.items()) {
				if (line.description() == null || line.description().isBlank()
						|| line.description().length() > PaymentDetails.MAX_DESCRIPTION || line.amount().isZero()) {
					throw new IllegalArgumentException("A receipt's item has a description of 1 to 128 characters and an amount");
				}
				ObjectNode item = items.addObject();
				item.put("description", line.description());
				item.put("quantity", 1);
				item.put("measure", "piece");
				item.putObject("amount").put("value", line.amount().toString()).put("currency", "RUB");
				item.put("vat_code", FiscalReceipt.VAT_CODE);
				item.put("payment_subject", FiscalReceipt.PAYMENT_SUBJECT);
				item.put("payment_mode", FiscalReceipt.PAYMENT_MODE);
			}
		}
		body.putObject("metadata")
			.put(ProviderPayment.TENANT_METADATA, payment.tenantId().toString())
			.put(ProviderPayment.PAYMENT_METADATA, payment.paymentId().toString());
		return json.writeValueAsString(body);
	}

	/** An absolute http(s) URL: ЮKassa sends the payer to it as it is. */
	static void checkReturnUrl(String returnUrl) {
		URI uri;
		try {
			uri = URI.create(returnUrl == null ? "" : returnUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("return_url is not a URL: " + returnUrl, ex);
		}
		if (!uri.isAbsolute() || uri.getHost() == null
				|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
			throw new IllegalArgumentException("return_url must be an absolute http(s) URL: " + returnUrl);
		}
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

	/**
	 * The payment a notification names, to be re-read: its object's {@code id} for {@code payment.*} events, and for
	 * {@code refund.*} ones (a refund the shop made in ЮKassa's cabinet) the refund's {@code payment_id}, since the
	 * re-read payment says what was refunded of it ({@code refunded_amount}).
	 */
	Optional<String> notifiedPaymentId(String body) {
		try {
			JsonNode notification = json.readTree(body == null ? "" : body);
			JsonNode object = notification.path("object");
			String id = notification.path("event").asString("").startsWith("refund.")
					? object.path("payment_id").asString("") : object.path("id").asString("");
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
				ProviderPayment.payment(metadata.path(ProviderPayment.PAYMENT_METADATA).asString(null)), paymentJson,
				instant(payment.path("captured_at").asString(null)), refunded(payment.path("refunded_amount")));
	}

	/** ЮKassa's {@code refunded_amount} of a payment; zero when it has none, or in another currency than roubles. */
	private static Money refunded(JsonNode amount) {
		String value = amount.path("value").asString("");
		if (value.isEmpty() || !"RUB".equals(amount.path("currency").asString("RUB"))) {
			return Money.ZERO;
		}
		try {
			return Money.ofRoubles(value);
		}
		catch (ru.kredo.platform.Rejected unreadable) {
			return Money.ZERO;
		}
	}

	/**
	 * ЮKassa's time of a payment's capture ({@code captured_at}: ISO 8601, UTC as {@code …Z} or with an offset); empty
	 * when it is missing or unreadable, so that Kredo falls back to the time it learnt of the payment.
	 */
	static Optional<Instant> instant(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static String methodType(PaymentMethod method) {
		return switch (method) {
			case BANK_CARD -> "bank_card";
			case SBP -> "sbp";
			// Never sent: Payments refuses to start a payment received outside Kredo through the provider.
			case OUTSIDE -> throw new IllegalArgumentException("A payment received outside Kredo goes to no provider");
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
