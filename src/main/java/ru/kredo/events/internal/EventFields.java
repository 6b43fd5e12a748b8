package ru.kredo.events.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The fields of one event that Kredo reads, taken straight from the parser's tokens: building a tree of each event
 * and looking its fields up by name was a fifth of the preparing thread's time. A field holds its value as the tree's
 * node held it: null when missing or JSON null, a string (true and false as their text too), a number (an Integer,
 * Long or BigInteger as written, a fraction as an exact BigDecimal) or, rarely, an object or array as a
 * {@link JsonNode}. As in a tree, a field given twice keeps the last value, an object given twice the last object
 * whole. One instance is refilled for each event of a stream.
 */
final class EventFields {

	// An object or array where Kredo expects a value.
	private final ObjectReader values;

	Object source;
	Object eventId;
	Object type;
	Object occurredAt;
	Object lenderKind;
	Object amount;
	Object daysPastDue;
	Object previousDaysPastDue;
	// The subject is an object: an event has no subject in any other form.
	boolean subject;
	Object lastName;
	Object firstName;
	Object middleName;
	Object birthDate;
	Object passport;
	Object passportSeries;
	Object passportNumber;
	Object inn;
	Object snils;
	// A phone the bureau gives for the subject (optional; read only when present).
	Object phone;
	// The other shapes of a name and of identity documents (EventReader reads them): a name in one field, or as an
	// object; a document, or an array of them. Rare, so kept as the parser gives them (an object as a tree).
	Object fullName;
	Object nameValue;
	Object document;
	Object documents;
	// The lender's kind, if the lender is an object.
	Object kind;

	EventFields(ObjectReader values) {
		this.values = values;
	}

	/** Reads the object the parser stands at (its start) to its end. */
	void read(JsonParser json) {
		source = eventId = type = occurredAt = lenderKind = amount = daysPastDue = previousDaysPastDue = null;
		// None yet, as if given as null.
		subject(json, JsonToken.VALUE_NULL);
		lender(json, JsonToken.VALUE_NULL);
		for (String name = json.nextName(); name != null; name = json.nextName()) {
			JsonToken token = json.nextToken();
			switch (name) {
				case "source" -> source = value(json, token);
				case "eventId" -> eventId = value(json, token);
				case "type" -> type = value(json, token);
				case "occurredAt" -> occurredAt = value(json, token);
				case "subject" -> subject(json, token);
				case "lender" -> lender(json, token);
				case "lenderKind" -> lenderKind = value(json, token);
				case "amount" -> amount = value(json, token);
				case "daysPastDue" -> daysPastDue = value(json, token);
				case "previousDaysPastDue" -> previousDaysPastDue = value(json, token);
				default -> skip(json, token);
			}
		}
	}

	/** The event id a rejection reports: a string or another scalar as written, none for an object or array. */
	String rejectedId() {
		return eventId == null || eventId instanceof JsonNode ? null : eventId.toString();
	}

	private void subject(JsonParser json, JsonToken token) {
		lastName = firstName = middleName = birthDate = passport = passportSeries = passportNumber = inn = snils = phone = null;
		fullName = nameValue = document = documents = null;
		subject = token == JsonToken.START_OBJECT;
		if (!subject) {
			skip(json, token);
			return;
		}
		for (String name = json.nextName(); name != null; name = json.nextName()) {
			JsonToken value = json.nextToken();
			switch (name) {
				case "lastName" -> lastName = value(json, value);
				case "firstName" -> firstName = value(json, value);
				case "middleName" -> middleName = value(json, value);
				case "birthDate" -> birthDate = value(json, value);
				case "passport" -> passport = value(json, value);
				case "passportSeries" -> passportSeries = value(json, value);
				case "passportNumber" -> passportNumber = value(json, value);
				case "inn" -> inn = value(json, value);
				case "snils" -> snils = value(json, value);
				case "phone" -> phone = value(json, value);
				case "fullName" -> fullName = value(json, value);
				case "name" -> nameValue = value(json, value);
				case "document" -> document = value(json, value);
				case "documents" -> documents = value(json, value);
				default -> skip(json, value);
			}
		}
	}

	private void lender(JsonParser json, JsonToken token) {
		kind = null;
		if (token != JsonToken.START_OBJECT) {
			skip(json, token);
			return;
		}
		for (String name = json.nextName(); name != null; name = json.nextName()) {
			JsonToken value = json.nextToken();
			if (name.equals("kind")) {
				kind = value(json, value);
			}
			else {
				skip(json, value);
			}
		}
	}

	private Object value(JsonParser json, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> json.getString();
			case VALUE_NUMBER_INT -> json.getNumberValue();
			// Amounts are money: as written, never through a double (which turns 9999999999999999.99 into 1.0E16).
			case VALUE_NUMBER_FLOAT -> json.getDecimalValue();
			case VALUE_TRUE -> "true";
			case VALUE_FALSE -> "false";
			case VALUE_NULL -> null;
			default -> values.readValue(json);
		};
	}

	// Past a value Kredo does not read. Its strings and numbers are read all the same, as into a tree: a number no
	// BigDecimal holds (1e9999999999) makes the event unreadable wherever it stands.
	private void skip(JsonParser json, JsonToken token) {
		for (int depth = 0;; token = json.nextToken()) {
			if (token.isStructStart()) {
				depth++;
			}
			else if (token.isStructEnd()) {
				depth--;
			}
			else if (token != JsonToken.PROPERTY_NAME) {
				value(json, token);
			}
			if (depth == 0) {
				return;
			}
		}
	}
}
