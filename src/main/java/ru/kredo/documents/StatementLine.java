package ru.kredo.documents;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.money.Money;

/**
 * One payment received, as a statement lists it.
 *
 * @param amount what it paid on the debt
 * @param method how it was paid, in the debtor's words: «Банковская карта», «СБП»
 * @param overpaid what it brought beyond what was owed when it arrived (two payments at once, one after the debt was
 *        repaid): not a payment of the debt, to be returned to the payer, so never in {@code amount}
 * @param returned what was returned of it to the payer through the payment provider (a refund); zero when nothing
 */
public record StatementLine(LocalDate paidOn, Money amount, String method, Money overpaid, Money returned) {

	public StatementLine {
		Objects.requireNonNull(paidOn, "paidOn");
		amount = Kopecks.required(amount, "statement.amount-invalid");
		method = Text.required(method, "statement.method-missing");
		overpaid = overpaid == null ? Money.ZERO : overpaid;
		returned = returned == null ? Money.ZERO : returned;
	}

	/** A payment nothing of which was returned. */
	public StatementLine(LocalDate paidOn, Money amount, String method, Money overpaid) {
		this(paidOn, amount, method, overpaid, Money.ZERO);
	}

	/** What of its excess is still to be returned. */
	public Money toReturn() {
		return overpaid.exceeds(returned) ? overpaid.minus(returned) : Money.ZERO;
	}

	/** A payment that paid nothing beyond what was owed. */
	public StatementLine(LocalDate paidOn, Money amount, String method) {
		this(paidOn, amount, method, Money.ZERO, Money.ZERO);
	}
}
