package ru.kredo.payments.internal;

import ru.kredo.payments.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.tenancy.TenantId;

/**
 * What Kredo asks a provider to charge. The provider's idempotence key is the payment's id, which is unique across
 * tenants and the same on every retry of the same payment.
 */
public record CreatePayment(TenantId tenantId, PaymentId paymentId, Money amount, PaymentMethod method,
		String returnUrl, String description) {

	public String idempotenceKey() {
		return paymentId.toString();
	}
}
