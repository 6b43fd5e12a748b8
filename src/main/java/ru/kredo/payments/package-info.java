/**
 * Payments: a payer pays an amount towards a payable (a debt) by bank card or СБП through a payment provider —
 * ЮKassa's API v3, or the built-in sandbox for the demo and tests. Owns the payments (an explicit state machine
 * {@code CREATED → PENDING → SUCCEEDED | CANCELED}, with the idempotence key, the provider's id and confirmation
 * URL, and the provider's final answer as the receipt) and the provider notifications endpoint
 * ({@code /payments/notifications/{provider}}), which re-reads each payment from the provider before changing it.
 * Amounts are the shared kernel's {@link ru.kredo.money.Money}. What a payment does to a debt (its components, the
 * ст. 319 allocation) is collections' business: payments knows a debt only as a {@link ru.kredo.payments.PayableRef}
 * and never depends on collections, which consumes {@link ru.kredo.payments.PaymentSucceeded}.
 * <p>
 * A payment pays one payable, or several at once in parts (a combined payment, «Оплатить всё»,
 * {@link ru.kredo.payments.Payments#startTogether}).
 * <p>
 * Publishes {@link ru.kredo.payments.PaymentSucceeded}, exactly once per payment and payable. Consumes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package ru.kredo.payments;
