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
 * So that the figures add up — owed at assignment = paid before + paid + forgiven + owed now — it says apart what was
 * paid on the debt before its payments were kept here, what each payment paid (what it brought beyond what was owed
 * is not paid on the debt but to be returned, and said so), and what a signed agreement forgave.
 *
 * @param payments the payments received, any order; printed oldest first
 * @param owedNow what is owed as of {@code asOf}
 * @param paidBefore what was paid on the claim before its payments were kept here (the registry's figure)
 * @param forgiveness what a signed agreement forgave, and which; {@code null} when nothing was
 */
public record PaymentStatement(Agency agency, PersonName debtor, Contract contract, String originalCreditor,
		LocalDate assignedOn, Money owedAtAssignment, List<StatementLine> payments, Money owedNow,
		LocalDate asOf, Money paidBefore, Forgiveness forgiveness) {

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
		paidBefore = paidBefore == null ? Money.ZERO : paidBefore;
	}

	/** A statement of a debt with nothing paid before and nothing forgiven. */
	public PaymentStatement(Agency agency, PersonName debtor, Contract contract, String originalCreditor,
			LocalDate assignedOn, Money owedAtAssignment, List<StatementLine> payments, Money owedNow, LocalDate asOf) {
		this(agency, debtor, contract, originalCreditor, assignedOn, owedAtAssignment, payments, owedNow, asOf, Money.ZERO,
				null);
	}

	/** What the payments listed paid on the debt; what they brought beyond it is {@link #totalOverpaid}. */
	public Money totalPaid() {
		return payments.stream().map(StatementLine::amount).reduce(Money.ZERO, Money::plus);
	}

	/** What the payments brought beyond what was owed: to be returned to the payer, not a payment of the debt. */
	public Money totalOverpaid() {
		return payments.stream().map(StatementLine::overpaid).reduce(Money.ZERO, Money::plus);
	}

	/** What of the payments' excess has not been returned to the payer yet. */
	public Money totalToReturn() {
		return payments.stream().map(StatementLine::toReturn).reduce(Money.ZERO, Money::plus);
	}
}
