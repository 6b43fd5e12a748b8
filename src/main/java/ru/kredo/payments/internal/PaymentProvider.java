package ru.kredo.payments.internal;

import java.util.Optional;

import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.tenancy.TenantId;

/**
 * A payment provider: creates payments the payer confirms on the provider's page, and tells the truth about them
 * when asked. Kredo never believes a notification's body; it asks {@link #read} instead.
 */
public interface PaymentProvider {

	/** The provider's name in payments and in its notification address, {@code /payments/notifications/{name}}. */
	String name();

	/**
	 * Whether this provider takes payments for the tenant: ЮKassa when a shop is configured, the sandbox for the
	 * demo's tenants only. A tenant it does not serve cannot take payments online.
	 */
	boolean serves(TenantId tenant);

	/** Whether the provider issues the 54-ФЗ receipts of the payments it takes (the sandbox moves no money, so none). */
	default boolean issuesReceipts() {
		return true;
	}

	/**
	 * Creates a payment; the same {@link CreatePayment#idempotenceKey()} creates it only once.
	 *
	 * @throws PaymentProviderUnavailable when the provider cannot be reached or refuses
	 */
	ProviderPayment create(CreatePayment payment);

	/**
	 * The payment as the provider knows it now; empty when it has no such payment.
	 *
	 * @throws PaymentProviderUnavailable when the provider cannot be reached
	 */
	Optional<ProviderPayment> read(String providerPaymentId);

	/** The payment a notification body names, if it names one; nothing else in the body is used. */
	Optional<String> notifiedPaymentId(String body);
}
