package ru.kredo.payments;

import java.util.Objects;

import ru.kredo.money.Money;

/**
 * What one payable gets of a payment: a payment towards one debt is wholly its debt's; a combined payment
 * («Оплатить всё») is split into one part per debt, in the order the debts are locked and paid (by id).
 *
 * @param description the receipt's line for it («Погашение задолженности по договору № …»); {@code null} for the one
 *        part of a single payment, whose receipt line is the payment's own description
 */
public record PaymentPart(PayableRef payable, Money amount, String description) {

	public PaymentPart {
		Objects.requireNonNull(payable, "payable");
		Objects.requireNonNull(amount, "amount");
		if (amount.isZero()) {
			throw new IllegalArgumentException("A part of a payment is more than nothing: " + amount);
		}
	}
}
