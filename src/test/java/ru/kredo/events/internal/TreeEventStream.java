package ru.kredo.events.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.NoSuchElementException;

import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.Snils;
import ru.kredo.events.CreditEvent;
import ru.kredo.events.CreditEventType;
import ru.kredo.events.Subject;
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
 * in the tree. Kept as the oracle the streaming reader must agree with ({@code EventStreamAgainstTreeTests}) and as
 * the old side of {@code PreparationCostsBenchmark}; not used by the application.
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
			if (EventStream.isArray(in)) {
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
		try {
			return new EventStream.Parsed(position, read(node), null);
		}
		catch (Rejected rejected) {
			return EventStream.Parsed.rejected(position, node == null ? null : node.path("eventId").asString(null), rejected);
		}
	}

	// EventReader's reading of a tree, as it was.

	private static CreditEvent read(JsonNode json) {
		if (json == null || !json.isObject()) {
			throw new Rejected("event.not-an-object");
		}
		JsonNode subject = json.path("subject");
		if (!subject.isObject()) {
			throw new Rejected("event.subject-required");
		}
		Integer daysPastDue = integer(json, "daysPastDue");
		return new CreditEvent(text(json, "source"), text(json, "eventId"), type(json, daysPastDue),
				EventReader.instant(text(json, "occurredAt")), subject(subject), EventReader.lenderKind(text(json.path("lender"), "kind", text(json, "lenderKind"))),
				amount(json), daysPastDue);
	}

	private static CreditEventType type(JsonNode json, Integer daysPastDue) {
		String type = text(json, "type");
		if ("2.3".equals(type == null ? null : type.strip())) {
			if (daysPastDue == null) {
				throw new Rejected("event.days-past-due-required");
			}
			return CreditEventType.ofOverdue(daysPastDue, integer(json, "previousDaysPastDue"));
		}
		return CreditEventType.parse(type).orElseThrow(() -> new Rejected("event.type-unknown", String.valueOf(type)));
	}

	private static Subject subject(JsonNode subject) {
		String passport = text(subject, "passport");
		if (passport == null && (text(subject, "passportSeries") != null || text(subject, "passportNumber") != null)) {
			passport = String.valueOf(text(subject, "passportSeries")) + String.valueOf(text(subject, "passportNumber"));
		}
		String inn = text(subject, "inn");
		String snils = text(subject, "snils");
		String birthDate = text(subject, "birthDate");
		if (birthDate == null) {
			throw new Rejected("event.birth-date-required");
		}
		return new Subject(new FullName(text(subject, "lastName"), text(subject, "firstName"), text(subject, "middleName")),
				EventReader.date(birthDate), passport == null ? null : PassportNumber.parse(passport), inn == null ? null : new Inn(inn),
				snils == null ? null : new Snils(snils));
	}

	private static BigDecimal amount(JsonNode json) {
		JsonNode amount = json.path("amount");
		if (amount.isMissingNode() || amount.isNull()) {
			return null;
		}
		BigDecimal value;
		try {
			// An object or an array has no text (asString would throw): rejected as any other amount that is no number.
			value = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asString("").strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new Rejected("event.amount-invalid");
		}
		return EventReader.storable(value);
	}

	private static Integer integer(JsonNode json, String field) {
		JsonNode value = json.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		// Beyond an int, intValue() throws rather than reject; so would asString() on an object or an array.
		if (value.isIntegralNumber() && value.canConvertToInt()) {
			return value.intValue();
		}
		try {
			return Integer.valueOf(value.asString("").strip());
		}
		catch (NumberFormatException ex) {
			throw new Rejected("event.number-invalid", field);
		}
	}

	private static String text(JsonNode json, String field) {
		return text(json, field, null);
	}

	private static String text(JsonNode json, String field, String fallback) {
		JsonNode value = json.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return fallback;
		}
		String text = value.isString() ? value.asString() : value.toString();
		return text.isBlank() ? fallback : text;
	}
}
