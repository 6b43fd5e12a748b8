package ru.kredo.collections;

import ru.kredo.money.Money;

/**
 * What a payment did to a debt ({@link Debt#pay}).
 *
 * @param debt the debt after it: balance, forgiven rest, state
 * @param applied what went to the debt: the payment, up to what was owed
 * @param split how {@code applied} split over the components (ст. 319 ГК РФ by default)
 * @param refund what the payment brought beyond what was owed: an overpayment to refund, never lost
 * @param settlementPaid whether it completed a signed settlement's sum, so the rest was forgiven
 */
public record AppliedPayment(Debt debt, Money applied, Allocation split, Money refund, boolean settlementPaid) {
}
