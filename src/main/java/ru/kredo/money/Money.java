package ru.kredo.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import ru.kredo.platform.MessageArgument;
import ru.kredo.platform.Rejected;

/**
 * An amount of roubles, exact to the kopeck: kept as a whole number of kopecks, read and written as roubles with two
 * decimals ({@code "1250.50"}). Never negative — a debt component, a payment and a balance are all zero or more.
 */
public record Money(long kopecks) implements Comparable<Money>, MessageArgument {

	public static final Money ZERO = new Money(0);

	public Money {
		if (kopecks < 0) {
			throw new Rejected("money.negative");
		}
	}

	/** Roubles with at most two decimals; a third decimal is a mistake, not something to round away. */
	public static Money ofRoubles(BigDecimal roubles) {
		if (roubles == null) {
			throw new Rejected("money.invalid");
		}
		try {
			return new Money(roubles.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
		}
		catch (ArithmeticException ex) {
			throw new Rejected("money.invalid");
		}
	}

	/** Parses {@code "1250.50"} or {@code "1250,50"} (as a Russian user types it). */
	public static Money ofRoubles(String roubles) {
		if (roubles == null || !roubles.strip().matches("\\d{1,15}([.,]\\d{1,2})?")) {
			throw new Rejected("money.invalid");
		}
		return ofRoubles(new BigDecimal(roubles.strip().replace(',', '.')));
	}

	public static Money ofKopecks(long kopecks) {
		return new Money(kopecks);
	}

	/** Roubles with exactly two decimals. */
	public BigDecimal roubles() {
		return BigDecimal.valueOf(kopecks, 2);
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(kopecks, other.kopecks));
	}

	/** The difference; fails when it would be negative. */
	public Money minus(Money other) {
		return new Money(kopecks - other.kopecks);
	}

	public Money min(Money other) {
		return kopecks <= other.kopecks ? this : other;
	}

	public boolean isZero() {
		return kopecks == 0;
	}

	public boolean exceeds(Money other) {
		return kopecks > other.kopecks;
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(kopecks, other.kopecks);
	}

	/** {@code 26 366,15}, as every message shows an amount ({@link Amounts#digits}). */
	@Override
	public String inMessages() {
		return Amounts.digits(roubles());
	}

	/** {@code "1250.50"}, the form payment providers take. */
	@Override
	public String toString() {
		return roubles().toPlainString();
	}
}
