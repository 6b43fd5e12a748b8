package ru.kredo.payments.internal;

import ru.kredo.money.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.tenancy.TenantId;

/**
 * What Kredo asks a provider to charge. The provider's idempotence key is the payment's id, which is unique across
 * tenants and the same on every retry of the same payment.
 *
 * @param returnUrl where the provider sends the payer back: an absolute URL on Kredo's {@code kredo.base-url}
 * @param description the contract and the agency, at most {@link ru.kredo.payments.PaymentDetails#MAX_DESCRIPTION}
 * @param receipt the 54-ФЗ receipt the provider is to issue; {@code null} when the agency issues its own
 */
public record CreatePayment(TenantId tenantId, PaymentId paymentId, Money amount, PaymentMethod method,
		String returnUrl, String description, FiscalReceipt receipt) {

	public CreatePayment(TenantId tenantId, PaymentId paymentId, Money amount, PaymentMethod method, String returnUrl,
			String description) {
		this(tenantId, paymentId, amount, method, returnUrl, description, null);
	}

	public String idempotenceKey() {
		return paymentId.toString();
	}
}
