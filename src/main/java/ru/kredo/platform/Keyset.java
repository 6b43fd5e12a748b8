package ru.kredo.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A keyset cursor over an order of several keys (the inbox's: waiting first, the longest waiting first, then the
 * latest; {@code docs/api-lists.md}, «Cursors»): the last row's value of each key of the order, ending with its id. The
 * next page is the rows that come after those values in the order, so a row added or gone meanwhile shifts nothing: no
 * row is given twice or skipped, as a position would. Where the order is a time and an id alone, {@link Cursor} is
 * the same thing.
 *
 * @param values each key's value for the last row given (an {@link Instant}, a {@link LocalDate} or {@code null}), the
 *            last one the row's id (a {@link UUID}, never {@code null})
 */
public record Keyset(List<Object> values) {

	private static final String PREFIX = "k1:";

	public Keyset {
		values = Collections.unmodifiableList(new ArrayList<>(values));
		if (values.isEmpty() || !(values.getLast() instanceof UUID)) {
			throw new IllegalArgumentException("a keyset ends with the row's id: " + values);
		}
	}

	/** The keys of a row, in the order's order, its id last. */
	public static Keyset of(Object... values) {
		return new Keyset(Arrays.asList(values));
	}

	public String encode() {
		String plain = PREFIX + values.stream().map(Keyset::text).collect(Collectors.joining("|"));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(Object value) {
		return switch (value) {
			case null -> "-";
			case Instant at -> "i" + at;
			case LocalDate day -> "d" + day;
			case UUID id -> "u" + id;
			default -> throw new IllegalArgumentException("not a key: " + value);
		};
	}

	/**
	 * The cursor a caller sent back for an order of {@code order}'s keys; {@code null} or blank is the first page. One
	 * Kredo did not give for this order (another list's, a position, garbage) is refused with
	 * {@code request.cursor-invalid} (400), never read as something else.
	 */
	public static Keyset decode(String text, Order order) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
			if (!plain.startsWith(PREFIX)) {
				throw new Rejected("request.cursor-invalid");
			}
			String[] parts = plain.substring(PREFIX.length()).split("\\|", -1);
			if (parts.length != order.keys().size()) {
				throw new Rejected("request.cursor-invalid");
			}
			List<Object> values = new ArrayList<>();
			for (int i = 0; i < parts.length; i++) {
				Object value = value(parts[i]);
				Key key = order.keys().get(i);
				if (value == null ? i == parts.length - 1 : !key.type().isInstance(value)) {
					throw new Rejected("request.cursor-invalid");
				}
				values.add(value);
			}
			return new Keyset(values);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new Rejected("request.cursor-invalid");
		}
	}

	private static Object value(String part) {
		if (part.equals("-")) {
			return null;
		}
		if (part.isEmpty()) {
			throw new Rejected("request.cursor-invalid");
		}
		String rest = part.substring(1);
		return switch (part.charAt(0)) {
			case 'i' -> Instant.parse(rest);
			case 'd' -> LocalDate.parse(rest);
			case 'u' -> UUID.fromString(rest);
			default -> throw new Rejected("request.cursor-invalid");
		};
	}

	@Override
	public String toString() {
		return encode();
	}

	/**
	 * One key of an order: an SQL expression, its Java type and its direction. Ascending keys put {@code null} last,
	 * descending ones first: PostgreSQL's defaults, so {@code order by} needs no {@code nulls} clause.
	 */
	public record Key(String expression, Class<?> type, boolean descending) {

		public static Key ascending(String expression, Class<?> type) {
			return new Key(expression, type, false);
		}

		public static Key descending(String expression, Class<?> type) {
			return new Key(expression, type, true);
		}

		/**
		 * SQL: this key's value on a row comes after {@code value} in the order ({@code last}: the id, never null).
		 */
		private String after(Object value, boolean last, List<Object> params) {
			if (value == null) {
				// Ascending, null is last: nothing comes after it; descending, null is first: every value does.
				return descending ? expression + " is not null" : "false";
			}
			params.add(parameter(value));
			if (descending || last) {
				return expression + (descending ? " < ?" : " > ?");
			}
			return "(" + expression + " > ? or " + expression + " is null)";
		}

		/** SQL: this key's value on a row is {@code value} (null included). */
		private String same(Object value, List<Object> params) {
			if (value == null) {
				return expression + " is null";
			}
			params.add(parameter(value));
			return expression + " = ?";
		}
	}

	/** The order of a list: its keys, the last one the row's unique id. */
	public record Order(List<Key> keys) {

		public Order {
			keys = List.copyOf(keys);
			if (keys.isEmpty() || keys.getLast().type() != UUID.class) {
				throw new IllegalArgumentException("an order ends with the row's id");
			}
		}

		public static Order of(Key... keys) {
			return new Order(List.of(keys));
		}

		/** The {@code order by} clause's terms: {@code waiting_since, last_message_at desc, id}. */
		public String sql() {
			return keys.stream().map(key -> key.expression() + (key.descending() ? " desc" : ""))
				.collect(Collectors.joining(", "));
		}

		/**
		 * SQL: the row comes after {@code cursor} in this order (with the values added to {@code params}); {@code true}
		 * without a cursor. Row by row: equal on the keys before one, after on that one.
		 */
		public String after(Keyset cursor, List<Object> params) {
			if (cursor == null) {
				return "true";
			}
			if (cursor.values().size() != keys.size()) {
				throw new IllegalArgumentException("a cursor of another order");
			}
			List<String> alternatives = new ArrayList<>();
			for (int i = 0; i < keys.size(); i++) {
				List<String> terms = new ArrayList<>();
				for (int j = 0; j < i; j++) {
					terms.add(keys.get(j).same(cursor.values().get(j), params));
				}
				terms.add(keys.get(i).after(cursor.values().get(i), i == keys.size() - 1, params));
				alternatives.add(terms.size() == 1 ? terms.getFirst() : "(" + String.join(" and ", terms) + ")");
			}
			return "(" + String.join(" or ", alternatives) + ")";
		}
	}

	private static Object parameter(Object value) {
		return value instanceof Instant at ? Timestamp.from(at) : value;
	}
}
