package ru.kredo.documents;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * Everything a certificate of repayment (справка о погашении задолженности) says. The tenant is passed alongside,
 * to {@link Certificates#issue}, like every tenant-owned call.
 *
 * @param debtRef the debt this certificate closes, opaque to this module; one certificate per debt and tenant
 * @param debtor the debtor's ФИО, printed in full on the PDF and only masked on the public page
 * @param originalCreditor the lender the debt was assigned from
 * @param assignedOn when the claim was assigned to the agency (договор цессии)
 * @param originalDebt the claim as the agency took it: what was paid and what was forgiven add up to it
 * @param totalRepaid all the debtor paid on it
 * @param forgiveness what a signed settlement forgave and under which agreement; {@code null} when paid in full
 * @param closedOn the day the debt reached zero
 * @param issuedOn the date printed on the certificate
 */
public record RepaymentCertificate(UUID debtRef, Agency agency, PersonName debtor, LocalDate debtorBirthDate,
		String originalCreditor, Contract contract, LocalDate assignedOn, Money originalDebt, Money totalRepaid,
		Forgiveness forgiveness, LocalDate closedOn, LocalDate issuedOn) {

	public RepaymentCertificate {
		Objects.requireNonNull(debtRef, "debtRef");
		Objects.requireNonNull(agency, "agency");
		Objects.requireNonNull(debtor, "debtor");
		Objects.requireNonNull(debtorBirthDate, "debtorBirthDate");
		originalCreditor = Text.required(originalCreditor, "certificate.original-creditor-missing");
		Objects.requireNonNull(contract, "contract");
		Objects.requireNonNull(assignedOn, "assignedOn");
		Objects.requireNonNull(closedOn, "closedOn");
		Objects.requireNonNull(issuedOn, "issuedOn");
		originalDebt = Kopecks.required(originalDebt, "certificate.amount-invalid");
		totalRepaid = Kopecks.required(totalRepaid, "certificate.amount-invalid");
		// A paper that says the obligations are fulfilled must show how: paid and forgiven make the whole debt.
		if (!totalRepaid.plus(forgiveness == null ? Money.ZERO : forgiveness.amount()).equals(originalDebt)) {
			throw new Rejected("certificate.amounts-do-not-add-up");
		}
		if (assignedOn.isBefore(contract.signedOn()) || closedOn.isBefore(assignedOn)) {
			throw new Rejected("certificate.dates-out-of-order");
		}
		if (issuedOn.isBefore(closedOn)) {
			throw new Rejected("certificate.issued-before-closure");
		}
	}

	/** A debt paid in full, nothing forgiven: the whole debt is what was paid. */
	public RepaymentCertificate(UUID debtRef, Agency agency, PersonName debtor, LocalDate debtorBirthDate,
			String originalCreditor, Contract contract, LocalDate assignedOn, Money totalRepaid, LocalDate closedOn,
			LocalDate issuedOn) {
		this(debtRef, agency, debtor, debtorBirthDate, originalCreditor, contract, assignedOn, totalRepaid, totalRepaid,
				null, closedOn, issuedOn);
	}

	/** What was forgiven; zero when the debt was paid in full. */
	public Money forgiven() {
		return forgiveness == null ? Money.ZERO : forgiveness.amount();
	}
}
