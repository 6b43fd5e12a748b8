package ru.kredo.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The headers that name each field of a file, in Russian and English, compared in any case, with or without spaces
 * and punctuation: «Дата рождения», «ДР», «birth_date» and «Birth Date» can all be one field. A field may also be
 * named by how a header starts («Телефон 2», «Телефон (рабочий)») or ends («Рабочий телефон», «Частный e-mail»),
 * checked after the exact names, and a header may
 * end with words that do not matter, such as a unit («Сумма ОД, руб.»).
 */
public final class HeaderWords<F extends Enum<F>> {

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

	private final Map<String, F> exact;
	private final List<Map.Entry<String, F>> prefixes;
	private final List<String> endings;
	private final List<Map.Entry<String, F>> suffixes;

	private HeaderWords(Map<String, F> exact, List<Map.Entry<String, F>> prefixes, List<String> endings,
			List<Map.Entry<String, F>> suffixes) {
		this.exact = Map.copyOf(exact);
		this.prefixes = List.copyOf(prefixes);
		this.endings = List.copyOf(endings);
		this.suffixes = List.copyOf(suffixes);
	}

	public static <F extends Enum<F>> Builder<F> builder() {
		return new Builder<>();
	}

	/** The field a header names, if any. */
	public Optional<F> recognize(String header) {
		String key = normalize(header);
		F field = exact.get(key);
		if (field != null || key.isEmpty()) {
			return Optional.ofNullable(field);
		}
		for (String ending : endings) {
			if (key.endsWith(ending) && key.length() > ending.length()) {
				field = exact.get(key.substring(0, key.length() - ending.length()));
				if (field != null) {
					return Optional.of(field);
				}
			}
		}
		return prefixes.stream().filter(p -> key.startsWith(p.getKey())).map(Map.Entry::getValue).findFirst()
			.or(() -> suffixes.stream().filter(s -> key.endsWith(s.getKey())).map(Map.Entry::getValue).findFirst());
	}

	/** Lower case, ё as е, letters and digits only. */
	public static String normalize(String header) {
		return header == null ? ""
				: NOT_LETTER_OR_DIGIT.matcher(header.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll("");
	}

	public static final class Builder<F extends Enum<F>> {

		private final Map<String, F> exact = new HashMap<>();
		private final List<Map.Entry<String, F>> prefixes = new ArrayList<>();
		private final List<String> endings = new ArrayList<>();
		private final List<Map.Entry<String, F>> suffixes = new ArrayList<>();

		private Builder() {
		}

		/** Words a header may end with that say nothing of the field, such as units: «Сумма ОД, руб.». */
		public Builder<F> ignoringEndings(String... words) {
			for (String word : words) {
				endings.add(normalize(word));
			}
			return this;
		}

		/** Headers that name {@code field}, written as people write them (they are normalized here). */
		public Builder<F> add(F field, String... headers) {
			for (String header : headers) {
				F previous = exact.put(normalize(header), field);
				if (previous != null && previous != field) {
					throw new IllegalArgumentException("«" + header + "» names both " + previous + " and " + field);
				}
			}
			return this;
		}

		/** Beginnings of headers that name {@code field}, tried in the order given when no header matches exactly. */
		public Builder<F> startingWith(F field, String... beginnings) {
			for (String beginning : beginnings) {
				prefixes.add(Map.entry(normalize(beginning), field));
			}
			return this;
		}

		/**
		 * Ends of headers that name {@code field}, tried in the order given after the beginnings: CRMs put the kind
		 * first («Рабочий телефон», «Частный e-mail»).
		 */
		public Builder<F> endingWith(F field, String... ends) {
			for (String end : ends) {
				suffixes.add(Map.entry(normalize(end), field));
			}
			return this;
		}

		public HeaderWords<F> build() {
			return new HeaderWords<>(exact, prefixes, endings, suffixes);
		}
	}
}
