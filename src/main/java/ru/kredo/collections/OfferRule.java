package ru.kredo.collections;

import java.util.Objects;
import java.util.UUID;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * A rule that pre-approves a discount for debts at least this overdue and this large, valid for {@code validDays},
 * payable as its {@code parts} policy allows.
 */
public record OfferRule(UUID id, String name, int minDaysPastDue, Money minBalance, int discountPercent, int validDays,
		PartPolicy parts) {

	public OfferRule {
		name = name == null ? "" : name.strip();
		if (name.isEmpty()) {
			throw new Rejected("offer.rule-name-required");
		}
		if (discountPercent < 1 || discountPercent > 50) {
			throw new Rejected("offer.discount-invalid");
		}
		if (validDays < 1 || validDays > 365 || minDaysPastDue < 0) {
			throw new Rejected("offer.terms-invalid");
		}
		Objects.requireNonNull(parts, "parts");
	}
}
