package ru.kredo.documents;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.money.Money;

/**
 * One payment received, as a statement lists it.
 *
 * @param method how it was paid, in the debtor's words: «Банковская карта», «СБП»
 */
public record StatementLine(LocalDate paidOn, Money amount, String method) {

	public StatementLine {
		Objects.requireNonNull(paidOn, "paidOn");
		amount = Kopecks.required(amount, "statement.amount-invalid");
		method = Text.required(method, "statement.method-missing");
	}
}
