package ru.kredo.tabular;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rejected rows of an import, in a table of the importing module's with the columns {@code tenant_id, import_id,
 * line, column_name, code, args text[]} and a key on {@code (import_id, line)}: one way to write them and to read them
 * back a page at a time, whichever module owns the table.
 */
public final class RowErrorTable {

	private static final Pattern NAME = Pattern.compile("[a-z_]+");
	// Joins a row's arguments into one text for unnest; split again by string_to_array.
	private static final String UNIT = "\u001F";

	private final String table;

	public RowErrorTable(String table) {
		if (!NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		this.table = table;
	}

	/** Stores the rows in one statement; a line already stored for the import is kept. */
	public void insert(JdbcClient jdbc, UUID tenant, UUID importId, List<RowError> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into %s (tenant_id, import_id, line, column_name, code, args)
				select ?, ?, r.line, r.column_name, r.code, string_to_array(r.args, ?)
				from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) as r (line, column_name, code, args)
				on conflict (import_id, line) do nothing""".formatted(table))
			.params(tenant, importId, UNIT, rows.stream().map(RowError::line).toArray(Long[]::new),
					rows.stream().map(RowError::column).toArray(String[]::new),
					rows.stream().map(RowError::code).toArray(String[]::new),
					rows.stream().map(r -> String.join(UNIT, r.args())).toArray(String[]::new))
			.update();
	}

	/** Rejected rows after {@code afterLine}, in file order: a page of the report. */
	public List<RowError> page(JdbcClient jdbc, UUID tenant, UUID importId, long afterLine, int limit) {
		return jdbc.sql("""
				select line, column_name, code, args from %s
				where tenant_id = ? and import_id = ? and line > ? order by line limit ?""".formatted(table))
			.params(tenant, importId, afterLine, limit)
			.query((row, n) -> new RowError(row.getLong("line"), row.getString("column_name"), row.getString("code"),
					List.of((String[]) row.getArray("args").getArray())))
			.list();
	}
}
