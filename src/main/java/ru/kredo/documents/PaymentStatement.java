package ru.kredo.documents;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * A statement of payments (выписка о платежах): what the debtor owed when the claim was assigned, every payment
 * since, and what he owes as of a date. The balance comes from the module that owns the debt, which knows about
 * discounts and allocation; this document only prints it.
 *
 * @param payments the payments received, any order; printed oldest first
 * @param owedNow what is owed as of {@code asOf}
 */
public record PaymentStatement(Agency agency, PersonName debtor, Contract contract, String originalCreditor,
		LocalDate assignedOn, Money owedAtAssignment, List<StatementLine> payments, Money owedNow,
		LocalDate asOf) {

	public PaymentStatement {
		Objects.requireNonNull(agency, "agency");
		Objects.requireNonNull(debtor, "debtor");
		Objects.requireNonNull(contract, "contract");
		originalCreditor = Text.required(originalCreditor, "certificate.original-creditor-missing");
		Objects.requireNonNull(assignedOn, "assignedOn");
		Objects.requireNonNull(asOf, "asOf");
		owedAtAssignment = Kopecks.required(owedAtAssignment, "statement.amount-invalid");
		owedNow = Kopecks.required(owedNow, "statement.amount-invalid");
		payments = payments.stream().sorted(Comparator.comparing(StatementLine::paidOn)).toList();
		if (payments.stream().anyMatch(p -> p.paidOn().isBefore(assignedOn) || p.paidOn().isAfter(asOf))) {
			throw new Rejected("statement.payment-out-of-period");
		}
	}

	public Money totalPaid() {
		return payments.stream().map(StatementLine::amount).reduce(Money.ZERO, Money::plus);
	}
}
