/**
 * Payments: a payer pays an amount towards a payable (a debt) by bank card or СБП through a payment provider —
 * ЮKassa's API v3, or the built-in sandbox for the demo and tests. Owns the payments (an explicit state machine
 * {@code CREATED → PENDING → SUCCEEDED | CANCELED}, with the idempotence key, the provider's id and confirmation
 * URL, and the provider's final answer as the receipt), the provider notifications endpoint
 * ({@code /payments/notifications/{provider}}), which re-reads each payment from the provider before changing it, and
 * the money values: {@link ru.kredo.money.Money}, a debt's {@link ru.kredo.payments.DebtComponents} and their
 * {@link ru.kredo.payments.Allocation} in a configurable order (ст. 319 ГК РФ by default).
 * <p>
 * Publishes {@link ru.kredo.payments.PaymentSucceeded}, exactly once per payment. Consumes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package ru.kredo.payments;
