package ru.kredo.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.platform.Rejected;

/**
 * Everything a certificate of repayment (справка о погашении задолженности) says. The tenant is passed alongside,
 * to {@link Certificates#issue}, like every tenant-owned call.
 *
 * @param debtRef the debt this certificate closes, opaque to this module; one certificate per debt and tenant
 * @param debtor the debtor's ФИО, printed in full on the PDF and only masked on the public page
 * @param originalCreditor the lender the debt was assigned from
 * @param assignedOn when the claim was assigned to the agency (договор цессии)
 * @param totalRepaid all the debtor paid to the agency, in roubles with kopecks
 * @param closedOn the day the debt reached zero
 * @param issuedOn the date printed on the certificate
 */
public record RepaymentCertificate(UUID debtRef, Agency agency, PersonName debtor, LocalDate debtorBirthDate,
		String originalCreditor, Contract contract, LocalDate assignedOn, BigDecimal totalRepaid, LocalDate closedOn,
		LocalDate issuedOn) {

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
		totalRepaid = Kopecks.check(totalRepaid, "certificate.amount-invalid");
		if (assignedOn.isBefore(contract.signedOn()) || closedOn.isBefore(assignedOn)) {
			throw new Rejected("certificate.dates-out-of-order");
		}
		if (issuedOn.isBefore(closedOn)) {
			throw new Rejected("certificate.issued-before-closure");
		}
	}
}
