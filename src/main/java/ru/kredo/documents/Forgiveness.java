package ru.kredo.documents;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

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
public record Forgiveness(BigDecimal amount, String agreement, LocalDateTime signedAt, String signature) {

	public Forgiveness {
		amount = Kopecks.check(amount, "certificate.amount-invalid");
		if (amount.signum() == 0) {
			throw new Rejected("certificate.amount-invalid");
		}
		agreement = Text.required(agreement, "certificate.agreement-missing");
		Objects.requireNonNull(signedAt, "signedAt");
		signature = Text.required(signature, "certificate.agreement-missing");
	}
}
