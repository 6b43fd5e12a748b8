package ru.kredo.events.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.IngestionReport.IgnoredField;
import ru.kredo.events.IngestionReport.RejectedEvent;
import ru.kredo.platform.Rejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads events one at a time from a JSON array or from JSON Lines (one event per line), whichever the body is, so a
 * batch of millions never sits in memory whole; each event token by token into {@link EventFields}, without a tree.
 * A malformed event becomes a rejection with its position; reading goes on with the next one, except in an array
 * after malformed JSON, where nothing marks where the next element starts.
 */
public final class EventStream implements Iterator<EventStream.Parsed> {

	/** The longest line of JSON Lines read unless told otherwise, in bytes: an event is a few hundred. */
	public static final int MAX_LINE_LENGTH = 1024 * 1024;

	private final ObjectReader json;
	// A value among others (in an event, in an array): what follows it is the rest of the event or array.
	private final ObjectReader values;
	private final EventFields fields;
	// The optional fields of the current event that could not be read (usually none).
	private final List<EventReader.Ignored> ignored = new java.util.ArrayList<>();
	private final JsonParser array;
	private final Lines lines;
	// Or one event per value (the records of a Kafka topic): each read as a line is.
	private final Iterator<byte[]> records;
	private final int maxLineLength;
	private long position;
	private boolean arrayBroken;
	private Parsed next;

	private EventStream(JsonMapper json, JsonParser array, Lines lines, int maxLineLength) {
		this(json, array, lines, null, maxLineLength);
	}

	private EventStream(JsonMapper json, JsonParser array, Lines lines, Iterator<byte[]> records, int maxLineLength) {
		// Amounts are money: read as written, never through a double (which turns 9999999999999999.99 into 1.0E16).
		this.json = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		this.values = this.json.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.fields = new EventFields(values);
		this.array = array;
		this.lines = lines;
		this.records = records;
		this.maxLineLength = maxLineLength;
	}

	public static EventStream of(InputStream body, JsonMapper json) {
		return of(body, json, MAX_LINE_LENGTH);
	}

	/**
	 * @param maxLineLength the longest line of JSON Lines read, in bytes without its end; a longer one is rejected
	 *        ({@code event.line-too-long}) without being kept in memory, and reading goes on after it
	 */
	public static EventStream of(InputStream body, JsonMapper json, int maxLineLength) {
		BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
		try {
			if (isArray(in, maxLineLength)) {
				JsonParser parser = json.createParser(in);
				parser.nextToken();
				return new EventStream(json, parser, null, maxLineLength);
			}
			return new EventStream(json, null, new Lines(in, maxLineLength), maxLineLength);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Events one per value, as a Kafka topic's records hold them: each value is read as a line of JSON Lines is (it
	 * may span lines itself), its position is its index + 1. A missing value (a tombstone) is no event
	 * ({@code event.json-invalid}), a value longer than {@code maxLength} bytes is rejected as {@code event.line-too-long}.
	 */
	public static EventStream ofValues(Iterator<byte[]> values, JsonMapper json, int maxLength) {
		return new EventStream(json, null, null, values, maxLength);
	}

	/**
	 * Whether the body is a JSON array: its first character past white space and a byte order mark; nothing read. At
	 * most {@code maxLineLength} bytes are looked at (and held, to be read again): a body that is blank that far is
	 * read as JSON Lines, whose blank lines count. Looking further than the mark kept answered 500.
	 */
	static boolean isArray(BufferedInputStream in, int maxLineLength) throws IOException {
		int limit = Math.max(1, maxLineLength);
		in.mark(limit + 1);
		int first;
		int looked = 0;
		do {
			first = in.read();
			looked++;
		}
		while (looked <= limit && (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == 0xEF
				|| first == 0xBB || first == 0xBF));
		in.reset();
		return first == '[';
	}

	@Override
	public boolean hasNext() {
		if (next == null) {
			next = array != null ? nextElement() : records != null ? nextValue() : nextLine();
		}
		return next != null;
	}

	@Override
	public Parsed next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		Parsed parsed = next;
		next = null;
		return parsed;
	}

	private Parsed nextElement() {
		if (arrayBroken) {
			return null;
		}
		long element = position + 1;
		try {
			JsonToken token = array.nextToken();
			if (token == null || token == JsonToken.END_ARRAY) {
				return null;
			}
			position = element;
			if (token != JsonToken.START_OBJECT) {
				values.readValue(array);
				return Parsed.rejected(position, null, new Rejected("event.not-an-object"));
			}
			fields.read(array);
		}
		catch (JacksonException | NumberFormatException ex) {
			// Past malformed JSON the parser only guesses where the next element starts (a missing comma gave dozens
			// of rejections, the tail of a broken object could be read as an event): the array ends here, and the
			// rejection says that what follows was not read. Re-sending it whole is safe: what was stored is skipped.
			position = element;
			arrayBroken = true;
			return Parsed.rejected(position, null, new Rejected("event.array-invalid"));
		}
		return parse();
	}

	private Parsed nextLine() {
		do {
			if (!lines.next()) {
				return null;
			}
			position++;
		}
		while (!lines.tooLong() && lines.blank());
		if (lines.tooLong()) {
			return Parsed.rejected(position, null, new Rejected("event.line-too-long", maxLineLength));
		}
		return parseObject(lines.bytes(), lines.start(), lines.length());
	}

	private Parsed nextValue() {
		if (!records.hasNext()) {
			return null;
		}
		byte[] value = records.next();
		position++;
		if (value == null) {
			return Parsed.rejected(position, null, new Rejected("event.json-invalid"));
		}
		if (value.length > maxLineLength) {
			return Parsed.rejected(position, null, new Rejected("event.line-too-long", maxLineLength));
		}
		return parseObject(value, 0, value.length);
	}

	// One event whose JSON is these bytes (a line, a record's value), and nothing else.
	private Parsed parseObject(byte[] bytes, int start, int length) {
		try (JsonParser line = json.createParser(bytes, start, length)) {
			if (line.nextToken() != JsonToken.START_OBJECT) {
				// Read whole, as rarely as this comes, to tell a value that is no object from no JSON at all.
				json.readValue(bytes, start, length);
				return Parsed.rejected(position, null, new Rejected("event.not-an-object"));
			}
			fields.read(line);
			// Nothing may follow the event (Jackson's FAIL_ON_TRAILING_TOKENS, as reading a tree checked).
			if (line.nextToken() != null) {
				return Parsed.rejected(position, null, new Rejected("event.json-invalid"));
			}
		}
		// A number too large for a BigDecimal (1e9999999999) is not a JacksonException, but the line is as unreadable.
		catch (JacksonException | NumberFormatException ex) {
			return Parsed.rejected(position, null, new Rejected("event.json-invalid"));
		}
		return parse();
	}

	private Parsed parse() {
		try {
			ignored.clear();
			CreditEvent event = EventReader.read(fields, ignored);
			if (ignored.isEmpty()) {
				return new Parsed(position, event, null, List.of());
			}
			String eventId = fields.rejectedId();
			return new Parsed(position, event, null, ignored.stream()
				.map(field -> new IgnoredField(position, eventId, field.field(), field.reason().code(),
						field.reason().arguments()))
				.toList());
		}
		catch (Rejected rejected) {
			return Parsed.rejected(position, fields.rejectedId(), rejected);
		}
	}

	/**
	 * The lines of a UTF-8 body as bytes, for the JSON parser to read directly (no decoding into strings first);
	 * without the line end (LF, CRLF or a lone CR, as old Mac exports end lines) or a byte order mark before the first.
	 * A line longer than the limit is not kept: its bytes are skipped up to its end and it is reported {@link #tooLong()}.
	 * Each byte of the body is looked at once and moved at most once or twice (to the buffer's front, into a larger
	 * buffer while a line outgrows it), whatever the length of a line: the cost is linear in the body. (The tree-based
	 * reader the tests hold this one to splits lines with it too.)
	 */
	static final class Lines {

		private final InputStream in;
		private final int maxLength;
		private byte[] buffer = new byte[64 * 1024];
		private int filled;
		private int start;
		private int end;
		private int next;
		// Where the search for the current line's end goes on: the bytes from start to here hold none.
		private int scanned;
		// The last line ended with a CR: an LF right after it is part of that line end, not an empty line.
		private boolean afterCr;
		private boolean tooLong;
		private boolean first = true;
		// How many bytes were looked at for a line end, and moved or copied within memory (for the tests).
		private long looked;
		private long moved;

		Lines(InputStream in, int maxLength) {
			this.in = in;
			this.maxLength = maxLength;
		}

		boolean next() {
			start = next;
			scanned = start;
			tooLong = false;
			// Bytes of an over-long line dropped so far: what is left of it in the buffer is from start on.
			boolean dropped = false;
			int lineEnd;
			while (true) {
				if (afterCr && start < filled) {
					afterCr = false;
					if (buffer[start] == '\n') {
						start++;
						scanned = start;
					}
				}
				lineEnd = find();
				if (lineEnd >= 0) {
					break;
				}
				if (scanned - start > maxLength) {
					// Too long already: its bytes are of no use, and keeping them would let one line take any memory.
					tooLong = true;
					dropped = true;
					start = filled;
					scanned = filled;
				}
				if (!fill()) {
					if (start == filled && !dropped) {
						return false;
					}
					lineEnd = filled;
					break;
				}
			}
			end = lineEnd;
			next = Math.min(lineEnd + 1, filled);
			afterCr = lineEnd < filled && buffer[lineEnd] == '\r';
			if (end - start > maxLength) {
				tooLong = true;
			}
			if (first) {
				first = false;
				if (!dropped && end - start >= 3 && buffer[start] == (byte) 0xEF && buffer[start + 1] == (byte) 0xBB
						&& buffer[start + 2] == (byte) 0xBF) {
					start += 3;
				}
			}
			return true;
		}

		/** The line was longer than the limit; its bytes are gone. */
		boolean tooLong() {
			return tooLong;
		}

		boolean blank() {
			for (int i = start; i < end; i++) {
				if (buffer[i] != ' ' && buffer[i] != '\t') {
					return false;
				}
			}
			return true;
		}

		byte[] bytes() {
			return buffer;
		}

		int start() {
			return start;
		}

		int length() {
			return end - start;
		}

		long looked() {
			return looked;
		}

		long moved() {
			return moved;
		}

		// The current line's end past what was searched before: every byte is looked at once, not again after each read.
		private int find() {
			int from = scanned;
			for (int i = from; i < filled; i++) {
				byte b = buffer[i];
				if (b == '\n' || b == '\r') {
					looked += i + 1 - from;
					scanned = i;
					return i;
				}
			}
			looked += filled - from;
			scanned = filled;
			return -1;
		}

		// Moves the unfinished line to the front (growing the buffer for a long one) and reads more after it.
		private boolean fill() {
			int kept = filled - start;
			if (start > 0) {
				System.arraycopy(buffer, start, buffer, 0, kept);
				moved += kept;
				next -= start;
				scanned -= start;
				start = 0;
				filled = kept;
			}
			if (filled == buffer.length) {
				buffer = Arrays.copyOf(buffer, buffer.length * 2);
				moved += filled;
			}
			try {
				int read = in.read(buffer, filled, buffer.length - filled);
				if (read < 0) {
					return false;
				}
				filled += read;
				return true;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** An event read at a position (with the optional fields that could not be read), or why it could not be. */
	public record Parsed(long position, CreditEvent event, RejectedEvent rejected, List<IgnoredField> ignored) {

		static Parsed rejected(long position, String eventId, Rejected reason) {
			return new Parsed(position, null, new RejectedEvent(position, eventId, reason.code(), reason.arguments()),
					List.of());
		}
	}
}
