package ru.kredo.money;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.kredo.platform.Rejected;

/**
 * An amount of roubles as registries, CRMs and Excel write it, read exactly or refused: {@code 12 345,67},
 * {@code 12345.67}, {@code 12 345 руб.}, {@code 1 234 567,8 ₽}, {@code 1,234,567.89}, {@code 1.234.567,89}.
 * Digits may be grouped by threes with spaces (also non-breaking), dots or commas; the last separator before one or two
 * digits is the decimal one. What could be read two ways is refused rather than guessed: {@code 12,345} and
 * {@code 12.345} (thousands, or a third decimal?), and so are a minus, an exponent, letters and a third decimal.
 */
public final class MoneyText {

	private static final Pattern CURRENCY = Pattern.compile("(?iu)\\s*(?:₽|руб\\.?|рублей|рубля|рубль|р\\.?|rub\\.?|rur)\\s*$");
	private static final Pattern CURRENCY_FIRST = Pattern.compile("(?iu)^\\s*(?:₽|rub|rur)\\s*");
	private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F\u2009]+");
	private static final Pattern PLAIN = Pattern.compile("(\\d+)(?:[.,](\\d{1,2}))?");
	private static final Pattern GROUPED = Pattern.compile("(\\d{1,3}([ .,])\\d{3}(?:\\2\\d{3})*)(?:([.,])(\\d{1,2}))?");
	private static final Pattern THREE_AFTER_ONE_SEPARATOR = Pattern.compile("\\d{1,3}[.,]\\d{3}");
	private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
	private static final int MAX_DIGITS = 15;

	private MoneyText() {
	}

	/** The amount written, or {@code null} for a blank text. */
	public static Money parse(String text) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			return null;
		}
		Money simple = plainDigits(value);
		if (simple != null) {
			return simple;
		}
		value = CURRENCY_FIRST.matcher(CURRENCY.matcher(value).replaceFirst("")).replaceFirst("");
		value = SPACES.matcher(value).replaceAll(" ").strip();
		if (value.startsWith("-") || value.startsWith("−") || value.startsWith("(")) {
			throw new Rejected("money.negative");
		}
		if (THREE_AFTER_ONE_SEPARATOR.matcher(value).matches()) {
			throw new Rejected("money.ambiguous");
		}
		Matcher plain = PLAIN.matcher(value);
		if (plain.matches()) {
			return roubles(plain.group(1), plain.group(2));
		}
		Matcher grouped = GROUPED.matcher(value);
		if (grouped.matches() && (grouped.group(3) == null || !grouped.group(3).equals(grouped.group(2)))) {
			String whole = grouped.group(1).replace(grouped.group(2), "");
			return roubles(whole, grouped.group(4));
		}
		throw new Rejected("money.unreadable");
	}

	/**
	 * {@code 12345}, {@code 12345.6} or {@code 12345,67} read without a regular expression: most cells of a large
	 * registry look like that, and the full reading below costs more than the rest of the row. Anything else is
	 * {@code null}, for the full reading.
	 */
	private static Money plainDigits(String value) {
		int separator = -1;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '.' || c == ',') {
				if (separator >= 0) {
					return null;
				}
				separator = i;
			}
			else if (c < '0' || c > '9') {
				return null;
			}
		}
		int decimals = separator < 0 ? 0 : value.length() - separator - 1;
		int whole = separator < 0 ? value.length() : separator;
		if (whole == 0 || whole > MAX_DIGITS || decimals > 2 || (separator >= 0 && decimals == 0)) {
			return null;
		}
		long kopecks = Long.parseLong(value, 0, whole, 10) * 100;
		if (decimals > 0) {
			int fraction = Integer.parseInt(value, separator + 1, value.length(), 10);
			kopecks += decimals == 1 ? fraction * 10L : fraction;
		}
		return Money.ofKopecks(kopecks);
	}

	private static Money roubles(String whole, String fraction) {
		String digits = LEADING_ZEROS.matcher(whole).replaceFirst("");
		if (digits.length() > MAX_DIGITS) {
			throw new Rejected("money.unreadable");
		}
		return Money.ofRoubles(new BigDecimal(fraction == null ? digits : digits + "." + fraction));
	}
}
