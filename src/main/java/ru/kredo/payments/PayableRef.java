package ru.kredo.payments;

import java.util.Objects;
import java.util.UUID;

/**
 * What a payment pays for: a debt, by its id. Opaque to this module, which neither reads nor checks debts; the
 * collections module owns them and applies {@link PaymentSucceeded} to their balances.
 */
public record PayableRef(UUID debtId) {

	public PayableRef {
		Objects.requireNonNull(debtId, "debt id");
	}
}
