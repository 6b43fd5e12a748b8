package ru.kredo.payments;

import java.util.Set;

/**
 * Where a payment is in its life: {@code CREATED → PENDING → SUCCEEDED | CANCELED}, and nothing else. SUCCEEDED and
 * CANCELED are final.
 */
public enum PaymentStatus {

	/** Stored by Kredo; the provider has not yet answered. */
	CREATED,
	/** The provider has it and waits for the payer to confirm it. */
	PENDING,
	/** The money is paid. */
	SUCCEEDED,
	/** Declined, cancelled or expired; no money moved. */
	CANCELED;

	/** Whether a payment in this status may move to {@code next}; staying where it is is not a move. */
	public boolean canBecome(PaymentStatus next) {
		return switch (this) {
			case CREATED -> next == PENDING;
			case PENDING -> Set.of(SUCCEEDED, CANCELED).contains(next);
			case SUCCEEDED, CANCELED -> false;
		};
	}

	public boolean isFinal() {
		return this == SUCCEEDED || this == CANCELED;
	}
}
