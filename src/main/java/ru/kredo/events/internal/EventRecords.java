package ru.kredo.events.internal;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

import ru.kredo.contacts.PersonKeys;
import ru.kredo.events.CreditEvent;
import ru.kredo.events.Subject;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A credit event as a record of the events topic. Its key is the subject's blind index of ФИО + birth date (Base64),
 * which every event has: one person's events go to one partition and are read in the order they were sent. Its value
 * is the event's JSON in Kredo's own field names, as {@code /api/v1/events} takes it, with what Kredo read and
 * nothing it left out: the type by Kredo's name (an overdue's {@code 2.3} already told apart), the instant in UTC, the
 * amount as written. Reading the value back gives the same event ({@code EventRecordsTests}).
 */
public final class EventRecords {

	private static final Base64.Encoder KEY = Base64.getUrlEncoder().withoutPadding();

	private final JsonMapper json;
	private final PersonKeys keys;

	public EventRecords(JsonMapper json, PersonKeys keys) {
		this.json = json;
		this.keys = keys;
	}

	public String key(CreditEvent event) {
		return KEY.encodeToString(keys.nameAndBirthDate(event.subject().name(), event.subject().birthDate()).bytes());
	}

	public byte[] value(CreditEvent event) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(384);
		try (JsonGenerator g = json.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("source", event.source());
			g.writeStringProperty("eventId", event.eventId());
			g.writeStringProperty("type", event.type().name());
			g.writeStringProperty("occurredAt", event.occurredAt().toString());
			if (event.lenderKind() != null) {
				g.writeStringProperty("lenderKind", event.lenderKind().name());
			}
			if (event.amount() != null) {
				g.writeName("amount");
				// As written, with its scale, never in an exponent (1E+5).
				g.writeNumber(event.amount().toPlainString());
			}
			if (event.daysPastDue() != null) {
				g.writeNumberProperty("daysPastDue", event.daysPastDue());
			}
			g.writeName("subject");
			subject(g, event.subject());
			g.writeEndObject();
		}
		return out.toByteArray();
	}

	private static void subject(JsonGenerator g, Subject s) {
		g.writeStartObject();
		g.writeStringProperty("lastName", s.name().lastName());
		g.writeStringProperty("firstName", s.name().firstName());
		if (s.name().middleName() != null) {
			g.writeStringProperty("middleName", s.name().middleName());
		}
		g.writeStringProperty("birthDate", s.birthDate().toString());
		if (s.passport() != null) {
			g.writeStringProperty("passport", s.passport().series() + s.passport().number());
		}
		if (s.inn() != null) {
			g.writeStringProperty("inn", s.inn().value());
		}
		if (s.snils() != null) {
			g.writeStringProperty("snils", s.snils().value());
		}
		if (s.phone() != null) {
			g.writeStringProperty("phone", s.phone().e164());
		}
		g.writeEndObject();
	}
}
