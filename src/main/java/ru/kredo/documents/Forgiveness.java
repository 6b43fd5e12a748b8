package ru.kredo.documents;

import java.time.LocalDateTime;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * What was forgiven (прощение долга, ст. 415 ГК РФ), and under which signed agreement: a certificate of repayment
 * states it apart from what was paid, and names the agreement for what it was.
 *
 * @param amount the forgiven rest, more than zero
 * @param agreement the signed agreement's number
 * @param signedAt when the debtor signed it, Moscow time
 * @param signature the record of the simple electronic signature (the SMS code he confirmed)
 * @param kind a settlement (part of the debt forgiven once its sum is paid), or a restructuring plan combined with a
 *     discount (the debt repaid by a schedule, the rest forgiven once every instalment is paid)
 */
public record Forgiveness(Money amount, String agreement, LocalDateTime signedAt, String signature, Agreement kind) {

	/** The kind of agreement that forgave the rest. */
	public enum Agreement {
		/** Соглашение о прощении части долга: its sum paid, the rest forgiven. */
		SETTLEMENT,
		/** Соглашение о погашении долга по графику with a discount: every instalment paid, the rest forgiven. */
		PLAN
	}

	public Forgiveness {
		amount = Kopecks.required(amount, "certificate.amount-invalid");
		if (amount.isZero()) {
			throw new Rejected("certificate.amount-invalid");
		}
		agreement = Text.required(agreement, "certificate.agreement-missing");
		Objects.requireNonNull(signedAt, "signedAt");
		signature = Text.required(signature, "certificate.agreement-missing");
		Objects.requireNonNull(kind, "kind");
	}

	/** What a settlement forgave under its agreement. */
	public Forgiveness(Money amount, String agreement, LocalDateTime signedAt, String signature) {
		this(amount, agreement, signedAt, signature, Agreement.SETTLEMENT);
	}

	/** Whether a restructuring plan's agreement forgave it. */
	public boolean underPlan() {
		return kind == Agreement.PLAN;
	}
}
