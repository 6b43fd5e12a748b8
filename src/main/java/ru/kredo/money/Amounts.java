package ru.kredo.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * Amounts of roubles as people here read them, the one way every page, message and document writes them:
 * {@code 26 366,15 ₽}, thousands apart by a no-break space, a decimal comma, two decimals, and a no-break space before
 * the sign, so that an amount is never broken across lines. Never {@code 26366.15}.
 * <p>
 * Templates call the bean as {@code ${@amounts.roubles(x)}} ({@code 26 366,15 ₽}) or {@code ${@amounts.grouped(x)}}
 * ({@code 26 366,15}, for a message whose text carries the sign), where {@code x} is a number or a {@link Money}.
 * Messages put {@code \u00a0₽} after their placeholder.
 */
@Component("amounts")
public class Amounts {

	/** The no-break space (U+00A0), between groups of digits and before the sign. */
	public static final char SPACE = '\u00a0';

	/** {@code 26 366,15 ₽}. */
	public static String text(BigDecimal roubles) {
		return digits(roubles) + SPACE + "₽";
	}

	/** {@code 26 366,15}. */
	public static String digits(BigDecimal roubles) {
		BigDecimal exact = roubles.setScale(2, RoundingMode.HALF_UP);
		String plain = exact.abs().toPlainString();
		int point = plain.indexOf('.');
		String whole = plain.substring(0, point);
		StringBuilder text = new StringBuilder(plain.length() + 6);
		if (exact.signum() < 0) {
			text.append('−');
		}
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				text.append(SPACE);
			}
			text.append(whole.charAt(i));
		}
		return text.append(',').append(plain, point + 1, plain.length()).toString();
	}

	/** {@code 26 366} for whole roubles: a loan's amount in a bureau's event, a commission. */
	public static String wholeDigits(BigDecimal roubles) {
		String grouped = digits(roubles.setScale(0, RoundingMode.HALF_UP));
		return grouped.substring(0, grouped.indexOf(','));
	}

	/** For templates: {@code 26 366,15 ₽}; empty for {@code null}. */
	public String roubles(Object amount) {
		BigDecimal value = value(amount);
		return value == null ? "" : text(value);
	}

	/** For templates: {@code 26 366,15}; empty for {@code null}. */
	public String grouped(Object amount) {
		BigDecimal value = value(amount);
		return value == null ? "" : digits(value);
	}

	/** For templates: {@code 26 366}; empty for {@code null}. */
	public String whole(Object amount) {
		BigDecimal value = value(amount);
		return value == null ? "" : wholeDigits(value);
	}

	private static BigDecimal value(Object amount) {
		return switch (amount) {
			case null -> null;
			case Money m -> m.roubles();
			case BigDecimal d -> d;
			case Long l -> BigDecimal.valueOf(l);
			case Integer i -> BigDecimal.valueOf(i);
			case Number n -> new BigDecimal(n.toString());
			default -> throw new IllegalArgumentException("Not an amount: " + amount.getClass());
		};
	}
}
