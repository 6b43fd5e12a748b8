package ru.kredo.collections.web;

import java.util.Locale;

import ru.kredo.collections.OfferRule;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;

/**
 * A rule as typed on the form, every field as text: a refused form comes back with what was typed, and each wrong
 * field is named with its own reason at once ({@link #parse}).
 */
record OfferRuleForm(String name, String minDaysPastDue, String minBalance, String discountPercent, String validDays,
		String maxParts, String interval, String graceDays) {

	static final OfferRuleForm BLANK = new OfferRuleForm("", "180", "0", "15", "30", "1", "MONTH", "0");

	/**
	 * A field left out of the request (not sent at all, unlike one sent empty) takes the default the rule always had:
	 * any overdue and balance, 30 days, in full, no grace.
	 */
	OfferRuleForm {
		minDaysPastDue = minDaysPastDue == null ? "0" : minDaysPastDue;
		minBalance = minBalance == null ? "0" : minBalance;
		validDays = validDays == null ? "30" : validDays;
		maxParts = maxParts == null ? "1" : maxParts;
		interval = interval == null ? "MONTH" : interval;
		graceDays = graceDays == null ? "0" : graceDays;
	}

	static OfferRuleForm of(OfferRule rule) {
		return new OfferRuleForm(rule.name(), Integer.toString(rule.minDaysPastDue()),
				rule.minBalance().roubles().toPlainString().replace('.', ','), Integer.toString(rule.discountPercent()),
				Integer.toString(rule.validDays()), Integer.toString(rule.parts().maxParts()), rule.parts().interval().name(),
				Integer.toString(rule.parts().graceDays()));
	}

	/** The rule's terms, or {@link InvalidFields} naming every wrong field. */
	Terms parse() {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		String ruleName = fields.read("name", () -> {
			if (name == null || name.isBlank()) {
				throw new Rejected("offer.rule-name-required");
			}
			return name.strip();
		});
		Integer days = fields.read("minDaysPastDue", () -> number(minDaysPastDue, 0, Integer.MAX_VALUE, "offer.min-days-invalid"));
		Money balance = fields.read("minBalance", () -> {
			Money read = MoneyText.parse(minBalance);
			return read == null ? Money.ZERO : read;
		});
		Integer discount = fields.read("discountPercent", () -> number(discountPercent, 1, 50, "offer.discount-invalid"));
		Integer valid = fields.read("validDays", () -> number(validDays, 1, 365, "offer.valid-days-invalid"));
		Integer parts = fields.read("maxParts",
				() -> number(maxParts, 1, PartPolicy.MOST_PARTS, "offer.parts-invalid", PartPolicy.MOST_PARTS));
		PartInterval every = fields.read("interval", () -> {
			try {
				return PartInterval.valueOf((interval == null ? "" : interval.strip()).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new Rejected("offer.interval-invalid");
			}
		});
		Integer grace = fields.read("graceDays",
				() -> number(graceDays, 0, PartPolicy.MOST_GRACE_DAYS, "offer.grace-invalid", PartPolicy.MOST_GRACE_DAYS));
		fields.throwIfAny();
		return new Terms(ruleName, days, balance, discount, valid, new PartPolicy(parts, every, grace));
	}

	private static int number(String text, int least, int most, String code, Object... arguments) {
		try {
			int value = Integer.parseInt(text == null ? "" : text.strip());
			if (value >= least && value <= most) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below, like a number out of range
		}
		throw new Rejected(code, arguments);
	}

	record Terms(String name, int minDaysPastDue, Money minBalance, int discountPercent, int validDays,
			PartPolicy parts) {
	}
}
