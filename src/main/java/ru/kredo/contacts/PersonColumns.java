package ru.kredo.contacts;

import static ru.kredo.contacts.PersonField.BIRTH_DATE;
import static ru.kredo.contacts.PersonField.EMAIL;
import static ru.kredo.contacts.PersonField.FIRST_NAME;
import static ru.kredo.contacts.PersonField.FULL_NAME;
import static ru.kredo.contacts.PersonField.INN;
import static ru.kredo.contacts.PersonField.LAST_NAME;
import static ru.kredo.contacts.PersonField.MIDDLE_NAME;
import static ru.kredo.contacts.PersonField.PASSPORT;
import static ru.kredo.contacts.PersonField.PASSPORT_NUMBER;
import static ru.kredo.contacts.PersonField.PASSPORT_SERIES;
import static ru.kredo.contacts.PersonField.PHONE;
import static ru.kredo.contacts.PersonField.SNILS;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import ru.kredo.platform.Rejected;
import ru.kredo.tabular.BadCell;
import ru.kredo.tabular.Cells;
import ru.kredo.tabular.ColumnMap;
import ru.kredo.tabular.HeaderWords;
import ru.kredo.tabular.SourceRow;

/**
 * The columns of an uploaded file that name a person, and the person a row names. ФИО comes in one column or in
 * three; the passport in one or as series and number; a file may have several phone and e-mail columns, each kept
 * (a number or an address that does not read is left out and reported, the row kept). A file without ФИО or date of
 * birth is refused: a contact needs both. A wrong cell is reported by its column ({@link BadCell}) and never echoes
 * the person's data.
 */
public final class PersonColumns {

	/** Headers in Russian and English as CRMs, banks' registries and Excel users write them. */
	public static final HeaderWords<PersonField> WORDS = HeaderWords.<PersonField>builder()
		.add(FULL_NAME, "ФИО", "Фамилия имя отчество", "Клиент", "Заемщик", "Должник", "ФИО должника", "ФИО заемщика",
				"ФИО клиента", "Full name", "Name", "FIO", "Debtor", "Borrower", "Debtor name", "Borrower name")
		.add(LAST_NAME, "Фамилия", "Last name", "Surname", "Family name")
		.add(FIRST_NAME, "Имя", "First name", "Given name")
		.add(MIDDLE_NAME, "Отчество", "Middle name", "Patronymic", "Second name")
		.add(BIRTH_DATE, "Дата рождения", "ДР", "Дата рожд", "Рождение", "Дата рождения должника",
				"Дата рождения заемщика", "Birth date", "Date of birth", "DOB", "Birthday")
		.add(PASSPORT, "Паспорт", "Серия и номер паспорта", "Паспорт серия и номер", "Серия номер паспорта",
				"Паспорт серия номер", "Паспортные данные", "Passport", "Passport number")
		.add(PASSPORT_SERIES, "Серия", "Серия паспорта", "Паспорт серия", "Passport series", "Series")
		.add(PASSPORT_NUMBER, "Номер паспорта", "Паспорт номер", "Номер", "Passport no")
		.add(INN, "ИНН", "ИНН должника", "INN", "Tax ID", "TIN")
		.add(SNILS, "СНИЛС", "SNILS")
		// Bitrix24 and amoCRM name each kind of number and address: every one of them is the person's.
		.add(PHONE, "Телефон", "Тел", "Мобильный", "Мобильный телефон", "Сотовый", "Рабочий телефон",
				"Рабочий прямой телефон", "Домашний телефон", "Другой телефон", "Личный телефон", "Контактный телефон",
				"Номер телефона", "Телефон для рассылок", "Phone", "Mobile", "Mobile phone", "Cell phone", "Work phone",
				"Home phone", "Other phone", "Phone number", "Tel", "Telephone")
		.add(EMAIL, "Email", "E-mail", "Почта", "Электронная почта", "Эл. почта", "Э-почта", "Емейл", "Mail",
				"Рабочий e-mail", "Частный e-mail", "Другой e-mail", "E-mail для рассылок", "Рабочий email",
				"Личный email", "Другой email", "Личная почта", "Рабочая почта", "Work email", "Personal email",
				"Other email")
		// A header that starts like a phone is one: «Телефон 2», «Телефон (рабочий)», «Phone mobile»; so is one that
		// ends like one: «Рабочий телефон», «Контактный телефон», «Частный e-mail».
		.startingWith(PHONE, "телефон", "тел", "моб", "сотов", "phone", "mobile")
		.startingWith(EMAIL, "email", "e-mail", "электроннаяпочта")
		.endingWith(PHONE, "телефон", "phone")
		.endingWith(EMAIL, "email", "e-mail", "почта")
		.build();

	static final LocalDate EARLIEST_BIRTH_DATE = Contact.EARLIEST_BIRTH_DATE;
	/** Headers too vague to trust alone: «Номер» is a passport number only next to a «Серия». */
	private static final Set<String> ONLY_IN_PAIRS = Set.of("номер", "series", "серия");
	private static final Pattern SEVERAL = Pattern.compile("[,;]");
	/** The code of a note on a value left out of a row that was kept: {@code import.note.phone-invalid}. */
	public static final String NOTE = "import.note.";
	private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final ColumnMap<PersonField> columns;
	private final Cells<PersonField> cells;

	private PersonColumns(List<String> header) {
		this.columns = ColumnMap.of(header, PersonField.class, WORDS::recognize);
		this.cells = new Cells<>(columns);
		if (!(columns.has(PASSPORT_SERIES) && columns.has(PASSPORT_NUMBER))) {
			columns.retain(PASSPORT_SERIES, normalized -> !ONLY_IN_PAIRS.contains(normalized));
			columns.retain(PASSPORT_NUMBER, normalized -> !ONLY_IN_PAIRS.contains(normalized));
		}
		if (columns.has(LAST_NAME) && columns.has(FIRST_NAME)) {
			columns.forget(FULL_NAME);
		}
	}

	/** Maps a header; refuses a file that cannot name a person: it needs ФИО and a date of birth. */
	public static PersonColumns of(List<String> header) {
		PersonColumns person = new PersonColumns(header);
		ColumnMap<PersonField> columns = person.columns;
		if (!columns.has(FULL_NAME) && !(columns.has(LAST_NAME) && columns.has(FIRST_NAME))) {
			throw new Rejected("import.name-column-missing", String.join(", ", header));
		}
		if (!columns.has(BIRTH_DATE)) {
			throw new Rejected("import.birth-date-column-missing", String.join(", ", header));
		}
		if (columns.has(PASSPORT_SERIES) != columns.has(PASSPORT_NUMBER)) {
			throw new Rejected("import.passport-half");
		}
		return person;
	}

	public ColumnMap<PersonField> columns() {
		return columns;
	}

	/**
	 * The person a row names; a wrong cell is a {@link BadCell} under its column.
	 *
	 * @param today the last day a birth date may be
	 */
	public PersonDetails read(SourceRow row, LocalDate today) {
		return read(row, today, dropped -> {
		});
	}

	/**
	 * The person a row names with every phone and e-mail address of his (a cell may hold several, separated by
	 * commas or semicolons). A phone or address that does not read costs the row nothing: it is left out and handed
	 * to {@code dropped}, under its column, with a code {@code import.note.…} that says the row was kept without it.
	 */
	public PersonDetails read(SourceRow row, LocalDate today, Consumer<BadCell> dropped) {
		FullName name = name(row);
		LocalDate birthDate = birthDate(row, today);
		PassportNumber passport = passport(row);
		Inn inn = cells.optional(row, INN, Inn::new).orElse(null);
		Snils snils = cells.optional(row, SNILS, Snils::new).orElse(null);
		List<PhoneNumber> phones = all(row, PHONE, PhoneNumber::parse, dropped);
		List<String> emails = all(row, EMAIL, PersonColumns::email, dropped);
		return new PersonDetails(name, birthDate, passport, inn, snils, phones.isEmpty() ? null : phones.getFirst(),
				emails.isEmpty() ? null : emails.getFirst(), phones, emails);
	}

	private FullName name(SourceRow row) {
		if (columns.has(LAST_NAME)) {
			int last = columns.first(LAST_NAME).orElseThrow();
			int first = columns.first(FIRST_NAME).orElseThrow();
			Optional<Integer> middle = columns.first(MIDDLE_NAME);
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
		return cells.read(row, columns.first(FULL_NAME).orElseThrow(), PersonColumns::splitName);
	}

	/** «Фамилия Имя Отчество» in Russian order; all words after the first name are the patronymic («Али оглы»). */
	public static FullName splitName(String text) {
		String[] words = text.strip().split("\\s+");
		if (words.length < 2) {
			throw new Rejected("import.full-name-incomplete");
		}
		String middle = words.length > 2 ? String.join(" ", Arrays.copyOfRange(words, 2, words.length)) : null;
		return new FullName(words[0], words[1], middle);
	}

	private LocalDate birthDate(SourceRow row, LocalDate today) {
		return cells.read(row, columns.first(BIRTH_DATE).orElseThrow(), text -> {
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
		if (columns.has(PASSPORT_SERIES)) {
			int series = columns.first(PASSPORT_SERIES).orElseThrow();
			int number = columns.first(PASSPORT_NUMBER).orElseThrow();
			if (row.get(series).isBlank() && row.get(number).isBlank()) {
				return null;
			}
			return cells.read(row, series, s -> PassportNumber.parse(s + row.get(number)));
		}
		return cells.optional(row, PASSPORT, text -> PassportNumber.parse(text.replace("№", ""))).orElse(null);
	}

	/**
	 * Every value that reads in the field's columns, in file order, each once; a cell may hold several, separated by
	 * commas or semicolons. One that does not read goes to {@code dropped}.
	 */
	private <T> List<T> all(SourceRow row, PersonField field, Function<String, T> parse, Consumer<BadCell> dropped) {
		List<Integer> fieldColumns = columns.all(field);
		if (fieldColumns.isEmpty()) {
			return List.of();
		}
		Set<T> values = new LinkedHashSet<>();
		for (int column : fieldColumns) {
			String cell = row.get(column);
			if (cell.isBlank()) {
				continue;
			}
			for (String value : SEVERAL.matcher(cell).find() ? SEVERAL.split(cell) : new String[] { cell }) {
				if (value.isBlank()) {
					continue;
				}
				try {
					values.add(parse.apply(value));
				}
				catch (Rejected wrong) {
					dropped.accept(new BadCell(columns.name(column), new Rejected(NOTE + suffix(wrong.code()))));
				}
			}
		}
		return List.copyOf(values);
	}

	/** The note for a value left out: {@code contact.phone-invalid} is {@code import.note.phone-invalid}. */
	private static String suffix(String code) {
		return code.substring(code.lastIndexOf('.') + 1);
	}

	private static String email(String text) {
		String address = text.strip();
		if (!EMAIL_ADDRESS.matcher(address).matches()) {
			throw new Rejected("import.email-invalid");
		}
		return address;
	}
}
