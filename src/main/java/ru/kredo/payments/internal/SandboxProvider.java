package ru.kredo.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.money.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * A payment provider inside Kredo, for the demo and the tests: it speaks ЮKassa's JSON, and the payer "confirms" on
 * Kredo's own page {@code /payments/sandbox/{id}}, where {@link SandboxCheckout} settles the payment. Its payments
 * are kept in the database ({@code sandbox_payments}), as a real provider keeps them: a restart of Kredo — a crash, a
 * deploy — while a payer is on the page forgets nothing, and another node serves the same page. (They lived in
 * memory until 2026-12-13: after a restart the page of a payment under way answered 404, and Kredo's payment stayed
 * under way for an hour, offered to continue and blocking a new one of the same sum.)
 * <p>
 * Paying here moves no money yet closes a debt and issues its certificate, so the sandbox serves only the demo's
 * tenants ({@link Tenant#demo()}), and every tenant only when {@code kredo.payments.sandbox.any-tenant} is set, which
 * the tests alone do.
 */
@Component
@ConditionalOnProperty(name = "kredo.payments.provider", havingValue = SandboxProvider.NAME, matchIfMissing = true)
public class SandboxProvider implements PaymentProvider {

	static final String NAME = "sandbox";

	private final JdbcClient jdbc;
	private final YooKassaJson yooKassa;
	private final JsonMapper json;
	private final Clock clock;
	private final Predicate<TenantId> served;

	@Autowired
	SandboxProvider(JdbcClient jdbc, JsonMapper json, Clock clock, TenantDirectory tenants,
			PaymentProperties properties) {
		this(jdbc, json, clock, properties.sandbox().anyTenant() ? tenant -> true
				: tenant -> tenants.find(tenant).map(Tenant::demo).orElse(false));
	}

	SandboxProvider(JdbcClient jdbc, JsonMapper json, Clock clock, Predicate<TenantId> served) {
		this.jdbc = jdbc;
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
		// The idempotence key is Kredo's payment id: asked again (a retry, a double click), the same payment answers.
		jdbc.sql("""
				insert into sandbox_payments (id, tenant_id, payment_id, amount, method, return_url, description, status,
				    created_at) values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
				on conflict (payment_id) do nothing""")
			.params(UUID.randomUUID().toString(), request.tenantId().value(), request.paymentId().value(),
					request.amount().roubles(), request.method().name(), request.returnUrl(), request.description(),
					Timestamp.from(clock.instant()))
			.update();
		String id = jdbc.sql("select id from sandbox_payments where payment_id = ?")
			.param(request.paymentId().value())
			.query(String.class)
			.single();
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
		return Optional.ofNullable(providerPaymentId).flatMap(this::row).filter(p -> serves(p.request().tenantId()));
	}

	private Optional<SandboxPayment> row(String id) {
		return jdbc.sql("select * from sandbox_payments where id = ?").param(id).query(SandboxProvider::payment).optional();
	}

	private static SandboxPayment payment(ResultSet row, int n) throws SQLException {
		Timestamp settledAt = row.getTimestamp("settled_at");
		CreatePayment request = new CreatePayment(new TenantId(row.getObject("tenant_id", UUID.class)),
				new PaymentId(row.getObject("payment_id", UUID.class)), Money.ofRoubles(row.getBigDecimal("amount")),
				PaymentMethod.valueOf(row.getString("method")), row.getString("return_url"), row.getString("description"));
		return new SandboxPayment(row.getString("id"), request, PaymentStatus.valueOf(row.getString("status")),
				row.getString("cancellation_reason"), settledAt == null ? null : settledAt.toInstant());
	}

	/** Settles a pending payment; a settled one stays as it is. */
	SandboxPayment settle(String providerPaymentId, PaymentStatus outcome, String cancellationReason) {
		jdbc.sql("""
				update sandbox_payments set status = ?, cancellation_reason = ?, settled_at = ?
				where id = ? and status = 'PENDING'""")
			.params(outcome.name(), cancellationReason, Timestamp.from(clock.instant()), providerPaymentId)
			.update();
		return row(providerPaymentId).orElse(null);
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
