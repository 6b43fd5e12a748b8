package ru.kredo.documents;

import java.time.LocalDateTime;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * What a settlement forgave (прощение долга, ст. 415 ГК РФ), and under which agreement: a certificate of repayment
 * states it apart from what was paid.
 *
 * @param amount the forgiven rest, more than zero
 * @param agreement the signed agreement's number
 * @param signedAt when the debtor signed it, Moscow time
 * @param signature the record of the simple electronic signature (the SMS code he confirmed)
 */
public record Forgiveness(Money amount, String agreement, LocalDateTime signedAt, String signature) {

	public Forgiveness {
		amount = Kopecks.required(amount, "certificate.amount-invalid");
		if (amount.isZero()) {
			throw new Rejected("certificate.amount-invalid");
		}
		agreement = Text.required(agreement, "certificate.agreement-missing");
		Objects.requireNonNull(signedAt, "signedAt");
		signature = Text.required(signature, "certificate.agreement-missing");
	}
}
