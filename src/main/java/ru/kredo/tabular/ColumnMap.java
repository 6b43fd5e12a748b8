package ru.kredo.tabular;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which column of a file holds which field, found from the header in any order. A field may have several columns
 * (phones); a column has at most one field; unknown columns are ignored and can be listed.
 */
public final class ColumnMap<F extends Enum<F>> {

	private final List<String> header;
	private final Map<F, List<Integer>> columns;

	private ColumnMap(List<String> header, Map<F, List<Integer>> columns) {
		this.header = List.copyOf(header);
		this.columns = columns;
	}

	/** Maps each header cell to the field {@code recognize} finds for it. */
	public static <F extends Enum<F>> ColumnMap<F> of(List<String> header, Class<F> fields,
			Function<String, Optional<F>> recognize) {
		Map<F, List<Integer>> columns = new EnumMap<>(fields);
		for (int i = 0; i < header.size(); i++) {
			int column = i;
			recognize.apply(header.get(i)).ifPresent(f -> columns.computeIfAbsent(f, k -> new ArrayList<>()).add(column));
		}
		return new ColumnMap<>(header, columns);
	}

	public boolean has(F field) {
		return columns.containsKey(field);
	}

	/** The first column of a field, if the file has it. */
	public Optional<Integer> first(F field) {
		return Optional.ofNullable(columns.get(field)).map(List::getFirst);
	}

	/** Every column of a field, in file order. */
	public List<Integer> all(F field) {
		return columns.getOrDefault(field, List.of());
	}

	/** The header of a column as the file wrote it, for error reports. */
	public String name(int column) {
		return header.get(column).strip();
	}

	/** The header row as written. */
	public List<String> header() {
		return header;
	}

	/** The headers not recognized, which the import ignores. */
	public List<String> ignored() {
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			int column = i;
			if (columns.values().stream().noneMatch(c -> c.contains(column)) && !header.get(i).isBlank()) {
				ignored.add(header.get(i).strip());
			}
		}
		return ignored;
	}

	/** Forgets a field's columns: another column names it better. */
	public void forget(F field) {
		columns.remove(field);
	}

	/** Keeps only the field's columns whose header passes {@code test} (given the normalized header). */
	public void retain(F field, Predicate<String> test) {
		List<Integer> kept = new ArrayList<>(all(field));
		kept.removeIf(column -> !test.test(HeaderWords.normalize(header.get(column))));
		if (kept.isEmpty()) {
			columns.remove(field);
		}
		else {
			columns.put(field, kept);
		}
	}
}
