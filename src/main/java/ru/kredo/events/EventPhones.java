package ru.kredo.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.contacts.PhoneNumber;
import ru.kredo.events.internal.EventChunk;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;

/**
 * The phones bureaus gave in recorded events ({@code subject.phone}, e.g. a new one in {@code PERSONAL_DATA_CHANGED}),
 * opened from their sealed subjects. Only an event about a person of interest keeps its subject, so only such an event
 * can have one here. The phone never travels in an event object (they are stored as JSON, {@code event_publication}):
 * whoever needs it asks here, with the event's id.
 */
@Service
public class EventPhones {

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	EventPhones(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** The phone of each of these events that gave one, by the event's id; the others are absent. */
	public Map<Long, PhoneNumber> of(Collection<Long> eventIds) {
		Map<Long, PhoneNumber> phones = new LinkedHashMap<>();
		if (eventIds.isEmpty()) {
			return phones;
		}
		jdbc.sql("select id, subject from credit_events where id = any(?) and subject is not null order by id")
			.param(eventIds.toArray(Long[]::new))
			.query(row -> {
				long id = row.getLong("id");
				EventChunk.phone(personalData.open(EventChunk.SEALED_AS, new Sealed(row.getBytes("subject"))))
					.ifPresent(phone -> phones.put(id, phone));
			});
		return phones;
	}
}
