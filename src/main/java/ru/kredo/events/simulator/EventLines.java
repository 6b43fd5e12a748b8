package ru.kredo.events.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.Subject;
import tools.jackson.databind.json.JsonMapper;

/** Writes credit events as JSON Lines in the format ingestion reads: one event per line, Kredo's field names. */
public final class EventLines {

	private final JsonMapper json;

	public EventLines(JsonMapper json) {
		this.json = json;
	}

	public void write(CreditEvent event, Writer out) {
		try {
			out.write(line(event));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String line(CreditEvent event) {
		Subject s = event.subject();
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("lastName", s.name().lastName());
		subject.put("firstName", s.name().firstName());
		putIfPresent(subject, "middleName", s.name().middleName());
		subject.put("birthDate", s.birthDate().toString());
		putIfPresent(subject, "passport", s.passport() == null ? null : s.passport().series() + s.passport().number());
		putIfPresent(subject, "inn", s.inn() == null ? null : s.inn().value());
		putIfPresent(subject, "snils", s.snils() == null ? null : s.snils().value());
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("source", event.source());
		line.put("eventId", event.eventId());
		line.put("type", event.type().name());
		line.put("occurredAt", event.occurredAt().toString());
		line.put("subject", subject);
		putIfPresent(line, "lenderKind", event.lenderKind() == null ? null : event.lenderKind().name());
		putIfPresent(line, "amount", event.amount());
		putIfPresent(line, "daysPastDue", event.daysPastDue());
		return json.writeValueAsString(line);
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}
}
