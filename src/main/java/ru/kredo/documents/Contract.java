package ru.kredo.documents;

import java.time.LocalDate;
import java.util.Objects;

/** The loan contract the debt arose from. */
public record Contract(String number, LocalDate signedOn) {

	public Contract {
		number = Text.required(number, "certificate.contract-number-missing");
		Objects.requireNonNull(signedOn, "signedOn");
	}

	/**
	 * The number with all but its last few letters and digits hidden («**-****-**4512»): enough for the debtor to
	 * recognise his contract, too little to look it up elsewhere. Separators stay so the shape is familiar.
	 */
	public String maskedNumber() {
		long significant = number.codePoints().filter(Character::isLetterOrDigit).count();
		long shown = Math.min(4, significant / 2);
		StringBuilder masked = new StringBuilder();
		long seen = 0;
		for (int c : number.codePoints().toArray()) {
			if (Character.isLetterOrDigit(c)) {
				seen++;
				masked.appendCodePoint(seen > significant - shown ? c : '*');
			}
			else {
				masked.appendCodePoint(c);
			}
		}
		return masked.toString();
	}
}
