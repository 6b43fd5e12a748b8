package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Events of people nobody watches skip the database thanks to an in-memory set of watched people's keys; whoever
 * becomes watched after the set was loaded must still be found.
 */
@IntegrationTest
class WatchedKeysIntegrationTests {


	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	Signals signals;

	@Autowired
	JdbcClient jdbc;

	Provisioned broker;
	String source = "keys-bureau-" + UUID.randomUUID();
	String passport = "46" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
	String surname = List.of("Сорокина", "Белова", "Тихонова", "Ершова", "Лукина", "Гусева", "Фомина", "Мельникова")
		.get(Math.floorMod(UUID.randomUUID().hashCode(), 8));
	// The test database outlives a run: a birth date of its own keeps this person unknown to every earlier run.
	LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 25_000));

	@BeforeEach
	void theSetIsLoadedBeforeThePersonIsWatched() {
		broker = fixtures.tenant(TenantKind.BROKER);
		ingest(event("before", surname, passport));
		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10)).isEmpty();
	}

	@Test
	void aPersonWatchedAfterTheSetWasLoadedIsFound() {
		watches.watch(broker.tenant().id(), person(surname, passport), terms());

		ingest(event("after", surname, passport));

		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10))
			.extracting(line -> line.signal().eventType()).containsExactly(CreditEventType.APPLICATION);
	}

	@Test
	void aPassportLearntAfterTheWatchStartedFindsThePersonUnderANewName() {
		watches.watch(broker.tenant().id(), person(surname, null), terms());
		ingest(event("unrelated", "Незнакомцев", null));
		// The same person again, now with her passport: the contact is found by name and birth date and completed.
		watches.watch(broker.tenant().id(), person(surname, passport), terms());

		// She married: the bureau knows her by her passport and a new surname.
		ingest(event("married", "Зайцева", passport));

		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10))
			.extracting(line -> line.signal().eventType()).containsExactly(CreditEventType.APPLICATION);
	}

	@Test
	void onlyEventsAboutWatchedPeopleKeepTheirIdentity() {
		watches.watch(broker.tenant().id(), person(surname, passport), terms());
		List<String> batch = new ArrayList<>();
		batch.add(event("watched", surname, passport));
		// Enough strangers for the batch to take the COPY path.
		for (int i = 0; i < 150; i++) {
			batch.add(event("stranger-" + i, "Незнакомцева", null));
		}

		ingest(String.join("\n", batch));

		assertThat(identityKept("watched")).containsExactly(true, true, true);
		assertThat(identityKept("stranger-7")).containsExactly(false, false, false);
		// The single event of the set-up went the other way (fewer than COPY takes), and she was not watched yet.
		assertThat(identityKept("before")).containsExactly(false, false, false);
		assertThat(jdbc.sql("select count(*) from credit_events where source = ?").param(source).query(Long.class).single())
			.isEqualTo(152);
	}

	private List<Boolean> identityKept(String eventId) {
		return jdbc.sql("""
				select passport_index is not null as p, name_dob_index is not null as n, subject is not null as s
				from credit_events where source = ? and source_event_id = ?""")
			.params(source, eventId)
			.query((row, n) -> List.of(row.getBoolean("p"), row.getBoolean("n"), row.getBoolean("s")))
			.single();
	}

	private void ingest(String line) {
		ingestion.ingest(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
	}

	private String event(String id, String lastName, String passportNumber) {
		return """
				{"source":"%s","eventId":"%s","type":"1.1","occurredAt":"%s",
				 "subject":{"lastName":"%s","firstName":"Ольга","middleName":"Петровна","birthDate":"%s"%s}}"""
			.formatted(source, id, LocalDate.now(ZoneId.of("Europe/Moscow")), lastName, birth,
					passportNumber == null ? "" : ",\"passport\":\"" + passportNumber + "\"")
			.replace("\n", "");
	}

	private PersonDetails person(String lastName, String passport) {
		return new PersonDetails(new FullName(lastName, "Ольга", "Петровна"), birth,
				passport == null ? null : PassportNumber.parse(passport), null, null, null, null);
	}

	private static WatchTerms terms() {
		return WatchTerms.of(Segment.PROSPECT, new Consent(LocalDate.now(ZoneId.of("Europe/Moscow")), "Подбор кредита",
				ConsentMethod.PAPER, null, null));
	}
}
