package ru.kredo.documents;

import java.math.BigDecimal;

import ru.kredo.platform.Rejected;

/** Roubles with at most two decimals, never negative: every amount a document prints. */
final class Kopecks {

	private Kopecks() {
	}

	static BigDecimal check(BigDecimal amount, String code) {
		if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new Rejected(code);
		}
		return amount.setScale(2);
	}
}
