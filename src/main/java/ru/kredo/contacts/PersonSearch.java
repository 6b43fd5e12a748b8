package ru.kredo.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What staff type in a list's search box, read the way people search for a person: the words of his ФИО in any
 * order and case, ё and е alike, each the start of a part of the name («семенова анна», «Анна Семёнова», «Семён»);
 * his phone in any notation (parsed like every phone in Kredo and found by its blind index: nothing is opened); his
 * passport (by its blind index); or a contract number, in any case and with or without «№» and spaces. Made by
 * {@link Contacts#searchFor}; each list's query puts {@link #matchesPerson} in its {@code where}.
 */
public final class PersonSearch {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
	private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s()\\-.]+");
	private static final Pattern SPACES_AND_NUMBER_SIGN = Pattern.compile("[\\s№]+");

	/**
	 * A contact's ФИО as the search compares it, in SQL: lower case, ё as е, hyphens as spaces, a space in front, so
	 * that {@code like '% ' || word || '%'} finds a word starting any part.
	 */
	static String nameText(String alias) {
		return "(' ' || translate(lower(%1$s.last_name || ' ' || %1$s.first_name || ' ' || coalesce(%1$s.middle_name, '')), 'ё-', 'е '))"
			.formatted(alias);
	}

	/** A contract number as the search compares it, in SQL: lower case, ё as е, without «№» and spaces. */
	public static String contractText(String column) {
		return "translate(lower(%s), 'ё№ ', 'е')".formatted(column);
	}

	private final String text;
	private final String[] words;
	private final byte[] phoneIndex;
	private final byte[] passportIndex;
	private final String contract;

	PersonSearch(String query, Contacts contacts) {
		this.text = query == null ? "" : query.strip();
		String lowered = text.toLowerCase(RUSSIAN).replace('ё', 'е');
		this.words = Arrays.stream(NOT_A_WORD.split(lowered)).filter(w -> !w.isEmpty()).toArray(String[]::new);
		this.phoneIndex = phone(text, contacts);
		this.passportIndex = passport(text, contacts);
		String contractText = SPACES_AND_NUMBER_SIGN.matcher(lowered).replaceAll("");
		this.contract = contractText.chars().anyMatch(Character::isDigit) ? likeEscaped(contractText) : null;
	}

	private static byte[] phone(String text, Contacts contacts) {
		if (!PHONE_LIKE.matcher(text).matches() || text.replaceAll("\\D", "").length() < 10) {
			return null;
		}
		try {
			return contacts.phoneIndex(PhoneNumber.parse(text)).bytes();
		}
		catch (RuntimeException notAPhone) {
			return null;
		}
	}

	private static byte[] passport(String text, Contacts contacts) {
		if (text.replaceAll("\\D", "").length() != 10 || text.chars().anyMatch(Character::isLetter)) {
			return null;
		}
		try {
			return contacts.passportIndex(PassportNumber.parse(text)).bytes();
		}
		catch (RuntimeException notAPassport) {
			return null;
		}
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Nothing typed: the search keeps every row. */
	public boolean isBlank() {
		return text.isEmpty();
	}

	public String text() {
		return text;
	}

	/**
	 * A condition on the contact {@code alias} (a row of {@code contacts}): all of the ФИО's words, or the phone, or
	 * the passport; true when nothing was typed. Its parameters are {@link #personParameters()}, in order.
	 */
	public String matchesPerson(String alias) {
		return """
				(?::text = '' or (cardinality(?::text[]) > 0 and (select bool_and(%2$s like '%% ' || w || '%%') from unnest(?::text[]) w))
				 or %1$s.phone_index = ? or %1$s.passport_index = ?)""".formatted(alias, nameText(alias));
	}

	public Object[] personParameters() {
		return new Object[] { text, words, words, phoneIndex, passportIndex };
	}

	/** The phone's blind index, if what was typed is a phone, for a list's other phones (a debtor's). */
	public byte[] phoneIndex() {
		return phoneIndex == null ? null : phoneIndex.clone();
	}

	/**
	 * What was typed as a contract number is written for {@code like '%' || ? || '%'} against {@link #contractText};
	 * {@code null} (matching none) when it holds no digit.
	 */
	public String contractPattern() {
		return contract;
	}
}
