package ru.kredo.documents;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * A copy of the settlement agreement (соглашение о прощении части долга, ст. 415 ГК РФ) the debtor signed with a
 * texted code, as the document prints it: the parties, the contract, the figures and the schedule agreed at signing,
 * the text exactly as he read it, and the record of his simple electronic signature.
 *
 * @param agreement the agreement's number (the offer's id)
 * @param debt what was owed when he signed
 * @param sum what he undertook to pay; the rest of {@code debt} is forgiven once it is paid
 * @param instalments the schedule agreed at signing, in date order
 * @param signedText the terms as the signing page showed them, kept with the signature (printed as they are, in the
 *     language he read them in); {@code null} for a settlement signed before Kredo kept them
 * @param signedAt when he signed, in the agency's zone
 * @param signature the id of the signature's record (the SMS challenge he confirmed)
 * @param phone the number the code was texted to, masked; {@code null} for a signature made before Kredo kept it
 * @param issuedOn the date the copy is printed on
 * @param kind a settlement (part of the debt forgiven) or a restructuring plan (the whole debt by a schedule, nothing
 *     forgiven: {@code sum} equals {@code debt}); the same copy, headed and worded for what was signed
 */
public record SettlementAgreement(Agency agency, PersonName debtor, Contract contract, String originalCreditor,
		String agreement, Money debt, Money sum, List<Instalment> instalments, String signedText,
		ZonedDateTime signedAt, String signature, String phone, LocalDate issuedOn, Kind kind) {

	/** What the debtor signed: the document's heading and its figures follow it. */
	public enum Kind {
		/** Соглашение о прощении части долга (ст. 415 ГК РФ). */
		SETTLEMENT,
		/** Соглашение о погашении долга по графику: a restructuring plan of the whole balance. */
		PLAN
	}

	/** A settlement's copy. */
	public SettlementAgreement(Agency agency, PersonName debtor, Contract contract, String originalCreditor,
			String agreement, Money debt, Money sum, List<Instalment> instalments, String signedText,
			ZonedDateTime signedAt, String signature, String phone, LocalDate issuedOn) {
		this(agency, debtor, contract, originalCreditor, agreement, debt, sum, instalments, signedText, signedAt,
				signature, phone, issuedOn, Kind.SETTLEMENT);
	}

	public SettlementAgreement {
		kind = kind == null ? Kind.SETTLEMENT : kind;
		Objects.requireNonNull(agency, "agency");
		Objects.requireNonNull(debtor, "debtor");
		Objects.requireNonNull(contract, "contract");
		originalCreditor = Text.required(originalCreditor, "certificate.original-creditor-missing");
		agreement = Text.required(agreement, "certificate.agreement-missing");
		debt = Kopecks.required(debt, "schedule.amount-invalid");
		sum = Kopecks.required(sum, "schedule.amount-invalid");
		if (sum.exceeds(debt)) {
			throw new Rejected("schedule.amount-invalid");
		}
		instalments = List.copyOf(instalments);
		if (instalments.isEmpty() || instalments.size() > PaymentSchedule.MAX_INSTALMENTS) {
			throw new Rejected("schedule.instalments-count", PaymentSchedule.MAX_INSTALMENTS);
		}
		// The text is printed as it was kept, line by line: never cleaned like a name.
		signedText = signedText == null || signedText.isBlank() ? null : signedText;
		Objects.requireNonNull(signedAt, "signedAt");
		signature = Text.required(signature, "certificate.agreement-missing");
		phone = phone == null || phone.isBlank() ? null : phone.strip();
		Objects.requireNonNull(issuedOn, "issuedOn");
	}

	public boolean isPlan() {
		return kind == Kind.PLAN;
	}

	/** What is forgiven once {@link #sum} is paid by the schedule. */
	public Money forgiven() {
		return debt.minus(sum);
	}

	public Money total() {
		return instalments.stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus);
	}

	/** The signed text's lines, as they were shown (one paragraph each). */
	public List<String> signedLines() {
		return signedText == null ? List.of() : signedText.lines().filter(line -> !line.isBlank()).toList();
	}

	/** The zone the time of signing is written in: «МСК» for Moscow, else its offset from UTC and its name. */
	public String zone() {
		ZoneId zone = signedAt.getZone();
		if (zone.equals(BusinessCalendar.MOSCOW)) {
			return "МСК";
		}
		ZoneOffset offset = signedAt.getOffset();
		return "UTC" + (offset.equals(ZoneOffset.UTC) ? "" : offset.getId())
				+ (zone instanceof ZoneOffset ? "" : ", " + zone.getId());
	}
}
