package ru.kredo.monitoring.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.CalendarDate;
import ru.kredo.contacts.ExternalId;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PersonField;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.BadCell;
import ru.kredo.tabular.Cells;
import ru.kredo.tabular.NonDataRows;
import ru.kredo.tabular.RowError;
import ru.kredo.tabular.SourceRow;

/**
 * Turns a row of a contact file into a person and his watch terms, or into the reason it cannot be: the first
 * wrong cell, named by its column, with an error code. Never echoes a person's data into the reason.
 */
final class ListRows {

	private static final int MAX_NOTES = 1000;

	private final Columns columns;
	private final Cells<Field> cells;
	private final ImportDefaults defaults;
	private final Map<String, UserId> managers;
	private final LocalDate today;
	private final NonDataRows nonData;

	/** @param managers the tenant's users by lower-case e-mail, by lower-case name and by {@link #nameKey} */
	ListRows(Columns columns, ImportDefaults defaults, Map<String, UserId> managers, LocalDate today) {
		this.columns = columns;
		this.cells = new Cells<>(columns.map());
		this.defaults = defaults;
		this.managers = managers;
		this.today = today;
		this.nonData = new NonDataRows(columns.person().columns().first(PersonField.BIRTH_DATE).stream().toList());
	}

	RowResult read(SourceRow row) {
		Optional<RowError> skipped = nonData.skip(row);
		if (skipped.isPresent()) {
			return new RowResult.Skipped(skipped.get());
		}
		try {
			List<BadCell> dropped = new ArrayList<>(1);
			PersonDetails person = columns.person().read(row, today, dropped::add);
			String externalId = optional(row, Field.EXTERNAL_ID, ExternalId::parse).orElse(null);
			if (externalId != null) {
				person = person.withExternalId(externalId);
			}
			Segment segment = optional(row, Field.SEGMENT, text -> Vocabulary.segment(text)
				.orElseThrow(() -> new Rejected("import.segment-unknown", text.strip()))).orElse(defaults.segment());
			String notes = columns.first(Field.NOTES).map(row::get).map(String::strip)
				.map(n -> n.length() > MAX_NOTES ? n.substring(0, MAX_NOTES) : n).orElse(null);
			String managerName = managerName(row);
			UserId manager = managerName == null ? null
					: Optional.ofNullable(managers.get(managerName.toLowerCase(Locale.ROOT)))
						.orElseGet(() -> managers.get(nameKey(managerName)));
			return new RowResult.Good(row.line(),
					person, new WatchTerms(segment, defaults.months(), null, manager, notes, consent(row), null),
					dropped.isEmpty() ? null : dropped.getFirst().at(row.line()), manager == null ? managerName : null);
		}
		catch (BadCell bad) {
			return new RowResult.Bad(bad.at(row.line()));
		}
	}

	/**
	 * A date in the consent column, else the form's consent; «да» means the form's, «нет» none. The purpose is the
	 * row's own if it has one (a CRM's «Цель согласия»), else the form's.
	 */
	private Consent consent(SourceRow row) {
		ConsentMethod method = optional(row, Field.CONSENT_METHOD, text -> Vocabulary.consentMethod(text)
			.orElseThrow(() -> new Rejected("import.consent-method-unknown", text.strip())))
			.orElse(defaults.consentMethod());
		String purpose = columns.first(Field.CONSENT_PURPOSE).map(row::get).map(String::strip).filter(p -> !p.isEmpty())
			.orElse(defaults.consentPurpose());
		Optional<Integer> column = columns.first(Field.CONSENT_DATE);
		String text = column.map(row::get).orElse("");
		if (!text.isBlank() && Vocabulary.no(text)) {
			return null;
		}
		if (text.isBlank() || Vocabulary.yes(text)) {
			return defaults.consentDate() == null ? null
					: new Consent(defaults.consentDate(), purpose, method, null, null);
		}
		return cell(row, column.orElseThrow(), date -> {
			LocalDate given = CalendarDate.parse(date);
			if (given.isAfter(today)) {
				throw new Rejected("import.consent-date-in-future");
			}
			return new Consent(given, purpose, method, null, null);
		});
	}

	/**
	 * A name's words in lower case, ё as е, in alphabetical order: «Петрова Анна» (a CRM's order) finds the user
	 * «Анна Петрова».
	 */
	static String nameKey(String name) {
		return java.util.Arrays.stream(name.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[\\s.,]+"))
			.filter(word -> !word.isEmpty()).sorted().collect(java.util.stream.Collectors.joining(" "));
	}

	/** The manager's name or e-mail as the row writes it, spaces collapsed; {@code null} when there is none. */
	private String managerName(SourceRow row) {
		return columns.first(Field.MANAGER).map(row::get).map(text -> text.strip().replaceAll("\\s+", " "))
			.filter(text -> !text.isEmpty()).orElse(null);
	}

	/** The external id column's header as the file writes it («ID»), to report a row by; {@code null} without one. */
	String externalIdColumn() {
		return columns.first(Field.EXTERNAL_ID).map(cells.columns()::name).orElse(null);
	}

	private <T> Optional<T> optional(SourceRow row, Field field, Function<String, T> parse) {
		return cells.optional(row, field, parse);
	}

	private <T> T cell(SourceRow row, int column, Function<String, T> parse) {
		return cells.read(row, column, parse);
	}
}
