package ru.kredo.conversations.web;

import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.collections.OperatorOffer;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;

/**
 * The settlement form beside the debtor's card, every field as typed: which debt, a discount in percent or the sum to
 * pay (one of the two), and for how many days. A refused form comes back with what was typed and each wrong field
 * named ({@link #parse}); whether the terms are within the agency's limits is the offer's own check.
 */
record OfferForm(String debt, String discountPercent, String sumToPay, String validDays) {

	static final OfferForm BLANK = new OfferForm("", "", "", "14");

	OfferForm {
		debt = debt == null ? "" : debt;
		discountPercent = discountPercent == null ? "" : discountPercent;
		sumToPay = sumToPay == null ? "" : sumToPay;
		validDays = validDays == null ? "" : validDays;
	}

	record Parsed(DebtId debt, OperatorOffer terms) {
	}

	/** The debt and terms, or {@link InvalidFields} naming every wrong field. */
	Parsed parse() {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		DebtId chosen = fields.read("debt", () -> {
			try {
				return new DebtId(UUID.fromString(debt.strip()));
			}
			catch (IllegalArgumentException notAnId) {
				throw new Rejected("offer.debt-required");
			}
		});
		boolean percentTyped = !discountPercent.isBlank();
		boolean sumTyped = !sumToPay.isBlank();
		Integer percent = null;
		Money sum = null;
		if (percentTyped == sumTyped) {
			fields.reject("discountPercent", new Rejected(percentTyped ? "offer.discount-or-sum" : "offer.discount-or-sum-required"));
		}
		else if (percentTyped) {
			percent = fields.read("discountPercent", () -> {
				int value;
				try {
					value = Integer.parseInt(discountPercent.strip().replace("%", "").strip());
				}
				catch (NumberFormatException notANumber) {
					throw new Rejected("offer.discount-not-a-number");
				}
				// No rule gives more than this; the agency's own ceiling is the offer's check.
				if (value < 1 || value > OperatorOffer.MOST_PERCENT) {
					throw new Rejected("offer.discount-invalid");
				}
				return value;
			});
		}
		else {
			sum = fields.read("sumToPay", () -> {
				Money read = MoneyText.parse(sumToPay);
				if (read == null || read.isZero()) {
					throw new Rejected("offer.sum-required");
				}
				return read;
			});
		}
		Integer days = fields.read("validDays", () -> {
			try {
				int value = Integer.parseInt(validDays.strip());
				if (value >= 1 && value <= OperatorOffer.MOST_VALID_DAYS) {
					return value;
				}
			}
			catch (NumberFormatException notANumber) {
				// refused below, like a number out of range
			}
			throw new Rejected("offer.valid-days-invalid");
		});
		fields.throwIfAny();
		return new Parsed(chosen, new OperatorOffer(percent, sum, days));
	}
}
