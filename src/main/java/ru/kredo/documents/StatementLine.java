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
 */
public record StatementLine(LocalDate paidOn, Money amount, String method, Money overpaid) {

	public StatementLine {
		Objects.requireNonNull(paidOn, "paidOn");
		amount = Kopecks.required(amount, "statement.amount-invalid");
		method = Text.required(method, "statement.method-missing");
		overpaid = overpaid == null ? Money.ZERO : overpaid;
	}

	/** A payment that paid nothing beyond what was owed. */
	public StatementLine(LocalDate paidOn, Money amount, String method) {
		this(paidOn, amount, method, Money.ZERO);
	}
}
