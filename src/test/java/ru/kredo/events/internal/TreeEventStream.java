package ru.kredo.events.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.IngestionReport.IgnoredField;
import ru.kredo.platform.Rejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link EventStream} as it was before it read events as tokens: each event parsed into a tree, its fields looked up
 * in the tree, then read by the same {@link EventReader}. Kept as the oracle the streaming reader must agree with
 * ({@code EventStreamAgainstTreeTests}: the tokens give each field as the tree holds it) and as the old side of
 * {@code PreparationCostsBenchmark}; not used by the application.
 */
public final class TreeEventStream implements Iterator<EventStream.Parsed> {


	private final ObjectReader json;
	// An array's elements, one after another from one parser: what follows an element is the rest of the array.
	private final ObjectReader elements;
	private final JsonParser array;
	private final EventStream.Lines lines;
	private final int maxLineLength;
	private long position;
	private boolean arrayBroken;
	private EventStream.Parsed next;

	private TreeEventStream(JsonMapper json, JsonParser array, EventStream.Lines lines, int maxLineLength) {
		// Amounts are money: read as written, never through a double (which turns 9999999999999999.99 into 1.0E16).
		this.json = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		this.elements = this.json.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.array = array;
		this.lines = lines;
		this.maxLineLength = maxLineLength;
	}

	public static TreeEventStream of(InputStream body, JsonMapper json) {
		return of(body, json, EventStream.MAX_LINE_LENGTH);
	}

	public static TreeEventStream of(InputStream body, JsonMapper json, int maxLineLength) {
		BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
		try {
			if (EventStream.isArray(in, maxLineLength)) {
				JsonParser parser = json.createParser(in);
				parser.nextToken();
				return new TreeEventStream(json, parser, null, maxLineLength);
			}
			return new TreeEventStream(json, null, new EventStream.Lines(in, maxLineLength), maxLineLength);
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
	public EventStream.Parsed next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		EventStream.Parsed parsed = next;
		next = null;
		return parsed;
	}

	private EventStream.Parsed nextElement() {
		if (arrayBroken) {
			return null;
		}
		long element = position + 1;
		JsonNode node;
		try {
			JsonToken token = array.nextToken();
			if (token == null || token == JsonToken.END_ARRAY) {
				return null;
			}
			position = element;
			node = elements.readValue(array);
		}
		catch (JacksonException | NumberFormatException ex) {
			position = element;
			arrayBroken = true;
			return EventStream.Parsed.rejected(position, null, new Rejected("event.array-invalid"));
		}
		return parse(node);
	}

	private EventStream.Parsed nextLine() {
		do {
			if (!lines.next()) {
				return null;
			}
			position++;
		}
		while (!lines.tooLong() && lines.blank());
		if (lines.tooLong()) {
			return EventStream.Parsed.rejected(position, null, new Rejected("event.line-too-long", maxLineLength));
		}
		JsonNode node;
		try {
			node = json.readValue(lines.bytes(), lines.start(), lines.length());
		}
		// A number too large for a BigDecimal (1e9999999999) is not a JacksonException, but the line is as unreadable.
		catch (JacksonException | NumberFormatException ex) {
			return EventStream.Parsed.rejected(position, null, new Rejected("event.json-invalid"));
		}
		return parse(node);
	}

	private EventStream.Parsed parse(JsonNode node) {
		if (node == null || !node.isObject()) {
			return EventStream.Parsed.rejected(position, null, new Rejected("event.not-an-object"));
		}
		EventFields fields = fields(node);
		List<EventReader.Ignored> ignored = new ArrayList<>();
		try {
			CreditEvent event = EventReader.read(fields, ignored);
			return new EventStream.Parsed(position, event, null, ignored.stream()
				.map(field -> new IgnoredField(position, fields.rejectedId(), field.field(), field.reason().code(),
						field.reason().arguments()))
				.toList());
		}
		catch (Rejected rejected) {
			return EventStream.Parsed.rejected(position, fields.rejectedId(), rejected);
		}
	}

	// The fields EventReader reads, looked up in the event's tree: each as the tree's node holds it (EventFields'
	// contract), which is what the streaming reader must give too.

	private EventFields fields(JsonNode event) {
		EventFields fields = new EventFields(json);
		fields.source = value(event.path("source"));
		fields.eventId = value(event.path("eventId"));
		fields.type = value(event.path("type"));
		fields.occurredAt = value(event.path("occurredAt"));
		fields.lenderKind = value(event.path("lenderKind"));
		fields.amount = value(event.path("amount"));
		fields.daysPastDue = value(event.path("daysPastDue"));
		fields.previousDaysPastDue = value(event.path("previousDaysPastDue"));
		JsonNode lender = event.path("lender");
		fields.kind = lender.isObject() ? value(lender.path("kind")) : null;
		JsonNode subject = event.path("subject");
		fields.subject = subject.isObject();
		if (fields.subject) {
			fields.lastName = value(subject.path("lastName"));
			fields.firstName = value(subject.path("firstName"));
			fields.middleName = value(subject.path("middleName"));
			fields.birthDate = value(subject.path("birthDate"));
			fields.passport = value(subject.path("passport"));
			fields.passportSeries = value(subject.path("passportSeries"));
			fields.passportNumber = value(subject.path("passportNumber"));
			fields.inn = value(subject.path("inn"));
			fields.snils = value(subject.path("snils"));
			fields.phone = value(subject.path("phone"));
			fields.fullName = value(subject.path("fullName"));
			fields.nameValue = value(subject.path("name"));
			fields.document = value(subject.path("document"));
			fields.documents = value(subject.path("documents"));
		}
		return fields;
	}

	private static Object value(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isBoolean()) {
			return node.asString();
		}
		if (node.isIntegralNumber()) {
			return node.numberValue();
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		return node;
	}
}
