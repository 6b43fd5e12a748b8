package ru.kredo.monitoring.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.CalendarDate;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.BadCell;
import ru.kredo.tabular.Cells;
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

	/** @param managers the tenant's users by lower-case e-mail and by lower-case name */
	ListRows(Columns columns, ImportDefaults defaults, Map<String, UserId> managers, LocalDate today) {
		this.columns = columns;
		this.cells = new Cells<>(columns.map());
		this.defaults = defaults;
		this.managers = managers;
		this.today = today;
	}

	RowResult read(SourceRow row) {
		try {
			PersonDetails person = columns.person().read(row, today);
			Segment segment = optional(row, Field.SEGMENT, text -> Vocabulary.segment(text)
				.orElseThrow(() -> new Rejected("import.segment-unknown", text.strip()))).orElse(defaults.segment());
			String notes = columns.first(Field.NOTES).map(row::get).map(String::strip)
				.map(n -> n.length() > MAX_NOTES ? n.substring(0, MAX_NOTES) : n).orElse(null);
			return new RowResult.Good(row.line(),
					person, new WatchTerms(segment, defaults.months(), null, manager(row), notes, consent(row), null));
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

	private UserId manager(SourceRow row) {
		return columns.first(Field.MANAGER).map(row::get)
			.map(text -> managers.get(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)))
			.orElse(null);
	}

	private <T> Optional<T> optional(SourceRow row, Field field, Function<String, T> parse) {
		return cells.optional(row, field, parse);
	}

	private <T> T cell(SourceRow row, int column, Function<String, T> parse) {
		return cells.read(row, column, parse);
	}
}
