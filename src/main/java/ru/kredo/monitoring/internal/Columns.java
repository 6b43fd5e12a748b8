package ru.kredo.monitoring.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ru.kredo.platform.Rejected;

/**
 * Which column of a file holds which field, found from the header in any order. ФИО comes in one column or in three;
 * the passport in one or as series and number; a file may have several phone columns. Unknown columns are ignored.
 */
final class Columns {

	/** Headers too vague to trust alone: «Номер» is a passport number only next to a «Серия». */
	private static final Set<String> ONLY_IN_PAIRS = Set.of("номер", "series", "серия");

	private final List<String> header;
	private final Map<Field, List<Integer>> columns = new EnumMap<>(Field.class);

	private Columns(List<String> header) {
		this.header = List.copyOf(header);
		for (int i = 0; i < header.size(); i++) {
			int column = i;
			Field.of(header.get(i)).ifPresent(f -> columns.computeIfAbsent(f, k -> new ArrayList<>()).add(column));
		}
		boolean pairedPassport = columns.containsKey(Field.PASSPORT_SERIES) && columns.containsKey(Field.PASSPORT_NUMBER);
		if (!pairedPassport) {
			dropVague(Field.PASSPORT_SERIES);
			dropVague(Field.PASSPORT_NUMBER);
		}
		if (has(Field.LAST_NAME) && has(Field.FIRST_NAME)) {
			columns.remove(Field.FULL_NAME);
		}
	}

	/** Maps a header; refuses a file that cannot name a person: it needs ФИО and a date of birth. */
	static Columns of(List<String> header) {
		Columns columns = new Columns(header);
		if (!columns.has(Field.FULL_NAME) && !(columns.has(Field.LAST_NAME) && columns.has(Field.FIRST_NAME))) {
			throw new Rejected("import.name-column-missing", String.join(", ", header));
		}
		if (!columns.has(Field.BIRTH_DATE)) {
			throw new Rejected("import.birth-date-column-missing", String.join(", ", header));
		}
		if (columns.has(Field.PASSPORT_SERIES) != columns.has(Field.PASSPORT_NUMBER)) {
			throw new Rejected("import.passport-half");
		}
		return columns;
	}

	boolean has(Field field) {
		return columns.containsKey(field);
	}

	/** The first column of a field, if the file has it. */
	Optional<Integer> first(Field field) {
		return Optional.ofNullable(columns.get(field)).map(List::getFirst);
	}

	/** Every column of a field, in file order (several phone columns). */
	List<Integer> all(Field field) {
		return columns.getOrDefault(field, List.of());
	}

	/** The header of a column as the file wrote it, for error reports. */
	String name(int column) {
		return header.get(column).strip();
	}

	/** The headers Kredo did not recognize and so ignores. */
	List<String> ignored() {
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			int column = i;
			if (columns.values().stream().noneMatch(c -> c.contains(column)) && !header.get(i).isBlank()) {
				ignored.add(header.get(i).strip());
			}
		}
		return ignored;
	}

	private void dropVague(Field field) {
		List<Integer> kept = new ArrayList<>(all(field));
		kept.removeIf(column -> ONLY_IN_PAIRS.contains(Field.normalize(header.get(column))));
		if (kept.isEmpty()) {
			columns.remove(field);
		}
		else {
			columns.put(field, kept);
		}
	}
}
