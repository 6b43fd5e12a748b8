package ru.kredo.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * A payment provider inside Kredo, for the demo and the tests: it speaks ЮKassa's JSON, and the payer "confirms" on
 * Kredo's own page {@code /payments/sandbox/{id}}, where {@link SandboxCheckout} settles the payment. Its payments
 * live in memory, so a restart forgets those not yet settled.
 * <p>
 * Paying here moves no money yet closes a debt and issues its certificate, so the sandbox serves only the demo's
 * tenants ({@link Tenant#demo()}), and every tenant only when {@code kredo.payments.sandbox.any-tenant} is set, which
 * the tests alone do.
 */
@Component
@ConditionalOnProperty(name = "kredo.payments.provider", havingValue = SandboxProvider.NAME, matchIfMissing = true)
public class SandboxProvider implements PaymentProvider {

	static final String NAME = "sandbox";

	private final Map<String, SandboxPayment> payments = new ConcurrentHashMap<>();
	private final Map<String, String> byIdempotenceKey = new ConcurrentHashMap<>();
	private final YooKassaJson yooKassa;
	private final JsonMapper json;
	private final Clock clock;
	private final Predicate<TenantId> served;

	@Autowired
	SandboxProvider(JsonMapper json, Clock clock, TenantDirectory tenants, PaymentProperties properties) {
		this(json, clock, properties.sandbox().anyTenant() ? tenant -> true
				: tenant -> tenants.find(tenant).map(Tenant::demo).orElse(false));
	}

	SandboxProvider(JsonMapper json, Clock clock, Predicate<TenantId> served) {
		this.json = json;
		this.yooKassa = new YooKassaJson(json);
		this.clock = clock;
		this.served = served;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean issuesReceipts() {
		return false;
	}

	@Override
	public boolean serves(TenantId tenant) {
		return served.test(tenant);
	}

	@Override
	public ProviderPayment create(CreatePayment request) {
		if (!serves(request.tenantId())) {
			throw new PaymentProviderUnavailable("The sandbox serves the demo's tenants only, not " + request.tenantId(),
					null, false);
		}
		String id = byIdempotenceKey.computeIfAbsent(request.idempotenceKey(), key -> {
			String newId = UUID.randomUUID().toString();
			payments.put(newId, new SandboxPayment(newId, request, PaymentStatus.PENDING, null, null));
			return newId;
		});
		return read(id).orElseThrow();
	}

	@Override
	public Optional<ProviderPayment> read(String providerPaymentId) {
		return find(providerPaymentId).map(payment -> yooKassa.payment(json(payment)));
	}

	@Override
	public Optional<String> notifiedPaymentId(String body) {
		return yooKassa.notifiedPaymentId(body);
	}

	/** A payment the sandbox holds, as its page shows it; none of a tenant it does not serve. */
	public Optional<SandboxPayment> find(String providerPaymentId) {
		return Optional.ofNullable(providerPaymentId).map(payments::get).filter(p -> serves(p.request().tenantId()));
	}

	/** Settles a pending payment; a settled one stays as it is. */
	SandboxPayment settle(String providerPaymentId, PaymentStatus outcome, String cancellationReason) {
		return payments.computeIfPresent(providerPaymentId, (id, payment) -> payment.status() == PaymentStatus.PENDING
				? new SandboxPayment(id, payment.request(), outcome, cancellationReason, clock.instant()) : payment);
	}

	/** The payment's ЮKassa JSON; {@code asIf} lets a test or the demo replay a status it had before. */
	String json(SandboxPayment payment, PaymentStatus asIf) {
		ObjectNode body = json.createObjectNode();
		body.put("id", payment.id());
		body.put("status", switch (asIf) {
			case CREATED, PENDING -> "pending";
			case SUCCEEDED -> "succeeded";
			case CANCELED -> "canceled";
		});
		body.put("paid", asIf == PaymentStatus.SUCCEEDED);
		body.putObject("amount").put("value", payment.request().amount().toString()).put("currency", "RUB");
		body.putObject("confirmation").put("type", "redirect")
			.put("confirmation_url", "/payments/sandbox/" + payment.id())
			.put("return_url", payment.request().returnUrl());
		body.put("created_at", clock.instant().toString());
		if (asIf == PaymentStatus.SUCCEEDED && payment.settledAt() != null) {
			// As ЮKassa says when the money was taken: Kredo counts the payment from then, however late it hears.
			body.put("captured_at", payment.settledAt().toString());
		}
		body.put("description", payment.request().description());
		body.putObject("metadata")
			.put(ProviderPayment.TENANT_METADATA, payment.request().tenantId().toString())
			.put(ProviderPayment.PAYMENT_METADATA, payment.request().paymentId().toString());
		body.putObject("payment_method").put("type", YooKassaJson.methodType(payment.request().method()))
			.put("id", payment.id());
		if (asIf == PaymentStatus.CANCELED && payment.cancellationReason() != null) {
			body.putObject("cancellation_details").put("party", "payment_network")
				.put("reason", payment.cancellationReason());
		}
		body.put("test", true);
		return json.writeValueAsString(body);
	}

	private String json(SandboxPayment payment) {
		return json(payment, payment.status());
	}

	/** A sandbox payment: what Kredo asked for, how it ended and when ({@code null} while it is pending). */
	public record SandboxPayment(String id, CreatePayment request, PaymentStatus status, String cancellationReason,
			Instant settledAt) {
	}
}
