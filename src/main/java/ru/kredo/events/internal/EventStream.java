package ru.kredo.events.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.IngestionReport.RejectedEvent;
import ru.kredo.platform.Rejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads events one at a time from a JSON array or from JSON Lines (one event per line), whichever the body is, so a
 * batch of millions never sits in memory whole. A malformed event becomes a rejection with its position; reading
 * goes on with the next one.
 */
public final class EventStream implements Iterator<EventStream.Parsed> {

	private final JsonMapper json;
	private final JsonParser array;
	private final BufferedReader lines;
	private long position;
	private Parsed next;

	private EventStream(JsonMapper json, JsonParser array, BufferedReader lines) {
		this.json = json;
		this.array = array;
		this.lines = lines;
	}

	public static EventStream of(InputStream body, JsonMapper json) {
		BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
		try {
			in.mark(4096);
			int first;
			do {
				first = in.read();
			}
			while (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == 0xEF || first == 0xBB
					|| first == 0xBF);
			in.reset();
			if (first == '[') {
				JsonParser parser = json.createParser(in);
				parser.nextToken();
				return new EventStream(json, parser, null);
			}
			return new EventStream(json, null, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public boolean hasNext() {
		if (next == null) {
			next = array != null ? nextElement() : nextLine();
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
		try {
			JsonToken token = array.nextToken();
			if (token == null || token == JsonToken.END_ARRAY) {
				return null;
			}
			position++;
			JsonNode node = json.readTree(array);
			return parse(node);
		}
		catch (JacksonException ex) {
			position++;
			return Parsed.rejected(position, null, new Rejected("event.json-invalid"));
		}
	}

	private Parsed nextLine() {
		try {
			String line;
			do {
				line = lines.readLine();
				if (line == null) {
					return null;
				}
				position++;
			}
			while (line.isBlank());
			JsonNode node;
			try {
				node = json.readTree(line);
			}
			catch (JacksonException ex) {
				return Parsed.rejected(position, null, new Rejected("event.json-invalid"));
			}
			return parse(node);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Parsed parse(JsonNode node) {
		try {
			return new Parsed(position, EventReader.read(node), null);
		}
		catch (Rejected rejected) {
			return Parsed.rejected(position, node == null ? null : node.path("eventId").asString(null), rejected);
		}
	}

	/** An event read at a position, or why it could not be. */
	public record Parsed(long position, CreditEvent event, RejectedEvent rejected) {

		static Parsed rejected(long position, String eventId, Rejected reason) {
			return new Parsed(position, null, new RejectedEvent(position, eventId, reason.code(), reason.arguments()));
		}
	}
}
