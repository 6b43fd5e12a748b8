package ru.kredo.monitoring.internal;

import java.util.List;
import java.util.Optional;

import ru.kredo.contacts.PersonColumns;
import ru.kredo.tabular.ColumnMap;

/**
 * Which column of a contact file holds which field, found from the header in any order: the person's columns
 * ({@link PersonColumns}: ФИО and a date of birth are required) and the watch's. Unknown columns are ignored.
 */
final class Columns {

	private final PersonColumns person;
	private final ColumnMap<Field> columns;

	private Columns(PersonColumns person, ColumnMap<Field> columns) {
		this.person = person;
		this.columns = columns;
	}

	/** Maps a header; refuses a file that cannot name a person: it needs ФИО and a date of birth. */
	static Columns of(List<String> header) {
		return new Columns(PersonColumns.of(header), ColumnMap.of(header, Field.class, Field::of));
	}

	/** Whether a row reads like a contact file's header rather than a title above it: two cells name a field. */
	static boolean looksLikeHeader(List<String> row) {
		return row.stream().filter(cell -> PersonColumns.WORDS.recognize(cell).isPresent() || Field.of(cell).isPresent())
			.count() >= 2;
	}

	PersonColumns person() {
		return person;
	}

	ColumnMap<Field> map() {
		return columns;
	}

	/** The first column of a field, if the file has it. */
	Optional<Integer> first(Field field) {
		return columns.first(field);
	}

	/** The headers Kredo did not recognize and so ignores. */
	List<String> ignored() {
		List<String> unknownToPerson = person.columns().ignored();
		return columns.ignored().stream().filter(unknownToPerson::contains).toList();
	}
}
