package ru.kredo.monitoring;

import java.util.Optional;

import ru.kredo.events.CreditEventType;

/**
 * What a broker asks a not-yet-creditworthy client ({@link Segment#PREPARING}) to do; the credit event that shows it
 * done ticks it off.
 */
public enum Recommendation {

	/** Close extra cards and accounts: a loan or card closed. */
	CLOSE_EXTRA_ACCOUNTS(CreditEventType.LOAN_CLOSED),

	/** Pay off the overdue: overdue cured. */
	CURE_OVERDUE(CreditEventType.OVERDUE_CURED);

	private final CreditEventType metBy;

	Recommendation(CreditEventType metBy) {
		this.metBy = metBy;
	}

	public static Optional<Recommendation> metBy(CreditEventType type) {
		for (Recommendation recommendation : values()) {
			if (recommendation.metBy == type) {
				return Optional.of(recommendation);
			}
		}
		return Optional.empty();
	}
}
