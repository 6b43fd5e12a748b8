package ru.kredo.events;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kredo's credit-event vocabulary, each traceable to the Bank of Russia's RUTDF event code (Положение 758-П) in which
 * lenders report to the bureaus. Overdue events share code 2.3 and are told apart by days past due (block 27).
 */
public enum CreditEventType {

	APPLICATION("1.1"),
	APPLICATION_APPROVED("1.2"),
	APPLICATION_REJECTED("1.3"),
	CONTRACT_SIGNED("1.4"),
	LOAN_DISBURSED("2.2"),
	TERMS_CHANGED("2.1"),
	OVERDUE_STARTED("2.3"),
	OVERDUE_WORSENED("2.3"),
	OVERDUE_CURED("2.3"),
	LOAN_CLOSED("2.5"),
	COURT_CASE("2.6"),
	DEBT_ASSIGNED("2.11"),
	BANKRUPTCY("1.12"),
	PERSONAL_DATA_CHANGED("1.7"),
	FRAUD_FLAG("2.13");

	private final String rutdfCode;

	CreditEventType(String rutdfCode) {
		this.rutdfCode = rutdfCode;
	}

	public String rutdfCode() {
		return rutdfCode;
	}

	/**
	 * Reads Kredo's name ({@code LOAN_DISBURSED}, any case) or an unambiguous RUTDF code ({@code 2.2}; {@code 1.9}
	 * also means personal data changed). Code 2.3 needs days past due to tell overdue events apart, so it is left to
	 * the caller ({@link #ofOverdue}).
	 */
	public static Optional<CreditEventType> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		CreditEventType type = BY_NAME_OR_CODE.get(value);
		return Optional.ofNullable(type != null ? type : BY_NAME_OR_CODE.get(value.toUpperCase(Locale.ROOT)));
	}

	// Every event's type is read here: a look-up, not a pass over the values upper-casing the text for each. Names are
	// letters and codes digits, so neither can shadow the other; 2.3 is not here, as parse leaves it to ofOverdue.
	private static final Map<String, CreditEventType> BY_NAME_OR_CODE = byNameOrCode();

	private static Map<String, CreditEventType> byNameOrCode() {
		Map<String, CreditEventType> types = new HashMap<>();
		for (CreditEventType type : values()) {
			types.put(type.name(), type);
			if (!type.rutdfCode.equals("2.3")) {
				types.put(type.rutdfCode, type);
			}
		}
		types.put("1.9", PERSONAL_DATA_CHANGED);
		return Map.copyOf(types);
	}

	/** RUTDF 2.3 with block 27: no days past due means cured; otherwise started, or worsened when the bucket grew. */
	public static CreditEventType ofOverdue(int daysPastDue, Integer previousDaysPastDue) {
		if (daysPastDue <= 0) {
			return OVERDUE_CURED;
		}
		return previousDaysPastDue != null && previousDaysPastDue > 0 ? OVERDUE_WORSENED : OVERDUE_STARTED;
	}
}
