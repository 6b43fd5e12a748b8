package ru.kredo.documents;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * Every amount a document prints is a {@link Money}: exact to the kopeck and never negative by its type. What is left
 * to check is that it is there at all, refused with the document's own code.
 */
final class Kopecks {

	private Kopecks() {
	}

	static Money required(Money amount, String code) {
		if (amount == null) {
			throw new Rejected(code);
		}
		return amount;
	}
}
