package ru.kredo.monitoring.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.CalendarDate;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.internal.ListFile.SourceRow;
import ru.kredo.platform.Rejected;

/**
 * Turns a row of a contact file into a person and his watch terms, or into the reason it cannot be: the first
 * wrong cell, named by its column, with an error code. Never echoes a person's data into the reason.
 */
final class ListRows {

	static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final int MAX_NOTES = 1000;

	private final Columns columns;
	private final ImportDefaults defaults;
	private final Map<String, UserId> managers;
	private final LocalDate today;

	/** @param managers the tenant's users by lower-case e-mail and by lower-case name */
	ListRows(Columns columns, ImportDefaults defaults, Map<String, UserId> managers, LocalDate today) {
		this.columns = columns;
		this.defaults = defaults;
		this.managers = managers;
		this.today = today;
	}

	RowResult read(SourceRow row) {
		try {
			PersonDetails person = new PersonDetails(name(row), birthDate(row), passport(row),
					optional(row, Field.INN, Inn::new).orElse(null), optional(row, Field.SNILS, Snils::new).orElse(null),
					phone(row), email(row));
			Segment segment = optional(row, Field.SEGMENT, text -> Vocabulary.segment(text)
				.orElseThrow(() -> new Rejected("import.segment-unknown", text.strip()))).orElse(defaults.segment());
			String notes = columns.first(Field.NOTES).map(row::get).map(String::strip)
				.map(n -> n.length() > MAX_NOTES ? n.substring(0, MAX_NOTES) : n).orElse(null);
			return new RowResult.Good(row.line(),
					person, new WatchTerms(segment, defaults.months(), null, manager(row), notes, consent(row), null));
		}
		catch (BadCell bad) {
			return new RowResult.Bad(row.line(), bad.column, bad.rejected.code(),
					Arrays.stream(bad.rejected.arguments()).map(String::valueOf).toList());
		}
	}

	private FullName name(SourceRow row) {
		if (columns.has(Field.LAST_NAME)) {
			int last = columns.first(Field.LAST_NAME).orElseThrow();
			int first = columns.first(Field.FIRST_NAME).orElseThrow();
			Optional<Integer> middle = columns.first(Field.MIDDLE_NAME);
			try {
				return new FullName(row.get(last), row.get(first), middle.map(row::get).orElse(null));
			}
			catch (Rejected rejected) {
				int column = switch (rejected.code()) {
					case "contact.first-name-invalid" -> first;
					case "contact.middle-name-invalid" -> middle.orElse(last);
					default -> last;
				};
				throw new BadCell(columns.name(column), rejected);
			}
		}
		return cell(row, columns.first(Field.FULL_NAME).orElseThrow(), ListRows::splitName);
	}

	/** «Фамилия Имя Отчество» in Russian order; all words after the first name are the patronymic («Али оглы»). */
	static FullName splitName(String text) {
		String[] words = text.strip().split("\\s+");
		if (words.length < 2) {
			throw new Rejected("import.full-name-incomplete");
		}
		String middle = words.length > 2 ? String.join(" ", Arrays.copyOfRange(words, 2, words.length)) : null;
		return new FullName(words[0], words[1], middle);
	}

	private LocalDate birthDate(SourceRow row) {
		return cell(row, columns.first(Field.BIRTH_DATE).orElseThrow(), text -> {
			LocalDate date = CalendarDate.parse(text);
			if (date == null) {
				throw new Rejected("import.birth-date-required");
			}
			if (date.isBefore(EARLIEST_BIRTH_DATE) || date.isAfter(today)) {
				throw new Rejected("contact.birth-date-invalid");
			}
			return date;
		});
	}

	private PassportNumber passport(SourceRow row) {
		if (columns.has(Field.PASSPORT_SERIES)) {
			int series = columns.first(Field.PASSPORT_SERIES).orElseThrow();
			int number = columns.first(Field.PASSPORT_NUMBER).orElseThrow();
			if (row.get(series).isBlank() && row.get(number).isBlank()) {
				return null;
			}
			return cell(row, series, s -> PassportNumber.parse(s + row.get(number)));
		}
		return optional(row, Field.PASSPORT, text -> PassportNumber.parse(text.replace("№", ""))).orElse(null);
	}

	/** The first valid number among the phone columns (a cell may hold several, separated by commas). */
	private PhoneNumber phone(SourceRow row) {
		BadCell firstProblem = null;
		for (int column : columns.all(Field.PHONE)) {
			for (String number : row.get(column).split("[,;]")) {
				if (number.isBlank()) {
					continue;
				}
				try {
					return cell(number, column, PhoneNumber::parse);
				}
				catch (BadCell bad) {
					firstProblem = firstProblem == null ? bad : firstProblem;
				}
			}
		}
		if (firstProblem != null) {
			throw firstProblem;
		}
		return null;
	}

	private String email(SourceRow row) {
		return optional(row, Field.EMAIL, text -> {
			if (!EMAIL.matcher(text.strip()).matches()) {
				throw new Rejected("import.email-invalid");
			}
			return text.strip();
		}).orElse(null);
	}

	/** A date in the consent column, else the form's consent; «да» means the form's, «нет» none. */
	private Consent consent(SourceRow row) {
		ConsentMethod method = optional(row, Field.CONSENT_METHOD, text -> Vocabulary.consentMethod(text)
			.orElseThrow(() -> new Rejected("import.consent-method-unknown", text.strip())))
			.orElse(defaults.consentMethod());
		Optional<Integer> column = columns.first(Field.CONSENT_DATE);
		String text = column.map(row::get).orElse("");
		if (!text.isBlank() && Vocabulary.no(text)) {
			return null;
		}
		if (text.isBlank() || Vocabulary.yes(text)) {
			return defaults.consentDate() == null ? null
					: new Consent(defaults.consentDate(), defaults.consentPurpose(), method, null, null);
		}
		return cell(row, column.orElseThrow(), date -> {
			LocalDate given = CalendarDate.parse(date);
			if (given.isAfter(today)) {
				throw new Rejected("import.consent-date-in-future");
			}
			return new Consent(given, defaults.consentPurpose(), method, null, null);
		});
	}

	private UserId manager(SourceRow row) {
		return columns.first(Field.MANAGER).map(row::get)
			.map(text -> managers.get(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)))
			.orElse(null);
	}

	private <T> Optional<T> optional(SourceRow row, Field field, Function<String, T> parse) {
		Optional<Integer> column = columns.first(field);
		if (column.isEmpty() || row.get(column.get()).isBlank()) {
			return Optional.empty();
		}
		return Optional.of(cell(row, column.get(), parse));
	}

	private <T> T cell(SourceRow row, int column, Function<String, T> parse) {
		return cell(row.get(column), column, parse);
	}

	private <T> T cell(String text, int column, Function<String, T> parse) {
		try {
			return parse.apply(text);
		}
		catch (Rejected rejected) {
			throw new BadCell(columns.name(column), rejected);
		}
	}

	private static final class BadCell extends RuntimeException {

		private final String column;
		private final transient Rejected rejected;

		BadCell(String column, Rejected rejected) {
			super(rejected.code(), null, false, false);
			this.column = column;
			this.rejected = rejected;
		}
	}
}
