package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.CreditEventType;
import ru.kredo.events.IngestionReport;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** From a bureau's batch to a manager's queue, on PostgreSQL. */
@IntegrationTest
class SignalsIntegrationTests {

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
	String passport;
	String source;

	@BeforeEach
	void aWatchedProspect() {
		broker = fixtures.tenant(TenantKind.BROKER);
		passport = "45" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
		source = "test-bureau-" + UUID.randomUUID();
		watches.watch(broker.tenant().id(), person("Иванов", passport), WatchTerms.of(Segment.PROSPECT, consentToday()));
	}

	@Test
	void aProspectsApplicationsBecomeOneUrgentSignalWithACount() {
		IngestionReport report = ingest(event("e1", "1.1", "Иванов", passport), event("e2", "APPLICATION", "ИВАНОВ", passport),
				event("e3", "1.1", "Петров", "4599000001"));

		assertThat(report.accepted()).isEqualTo(3);
		List<QueueLine> queue = signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10);
		assertThat(queue).singleElement().satisfies(line -> {
			assertThat(line.signal().eventType()).isEqualTo(CreditEventType.APPLICATION);
			assertThat(line.signal().priority()).isEqualTo(1);
			assertThat(line.signal().count()).isEqualTo(2);
			assertThat(line.contactName()).isEqualTo("Иванов Иван Иванович");
		});
		assertThat(signals.timeline(broker.tenant().id(), queue.getFirst().signal().contactId())).hasSize(2);
	}

	@Test
	void aBatchsPublicationIsGoneOnceItsListenersAreDone() {
		Timestamp before = jdbc.sql("select now() - interval '1 second'").query(Timestamp.class).single();

		ingest(event("e1", "1.1", "Иванов", passport));

		// completion-mode: delete; a completed publication kept would grow the table by every batch's signals.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from event_publication where publication_date >= ? and event_type like '%SignalsRaised'""")
			.param(before).query(Long.class).single()).isZero());
		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10)).hasSize(1);
	}

	@Test
	void aSignalsRowAndItsLinkHoldWhatTheEventAndTheWatchSaid() {
		ListId list = new ListId(UUID.randomUUID());
		jdbc.sql("insert into monitoring_lists (id, tenant_id, name, created_at) values (?, ?, ?, now())")
			.params(list.value(), broker.tenant().id().value(), "Список " + list.value())
			.update();
		User manager = fixtures.manager(broker);
		String debtorsPassport = "46" + passport.substring(2);
		Watch watch = watches.watchAll(broker.tenant().id(), list, List.of(person("Сидоров", debtorsPassport)),
				List.of(new WatchTerms(Segment.DEBTOR, 6, Set.of(), manager.id(), null, consentToday(), Set.of())))
			.getFirst();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));

		ingest(event("e1", "LOAN_DISBURSED", "Сидоров", debtorsPassport)
			.replace("\"amount\":150000", "\"amount\":150000.55")
			.replace("\"occurredAt\":\"" + today + "\"", "\"occurredAt\":\"" + today + "T00:00:01.123456+03:00\""));

		Instant occurred = today.atTime(0, 0, 1, 123_456_000).atZone(ZoneId.of("Europe/Moscow")).toInstant();
		assertThat(jdbc.sql("""
				select tenant_id, contact_id, list_id, segment, event_type, priority, event_count, first_event_at,
				    last_event_at, amount, status, assignee_id, created_at is not null and updated_at is not null as stamped
				from signals where watch_id = ?""")
			.param(watch.id().value())
			.query((row, n) -> List.of(row.getObject("tenant_id"), row.getObject("contact_id"), row.getObject("list_id"),
					row.getString("segment"), row.getString("event_type"), row.getInt("priority"), row.getInt("event_count"),
					row.getTimestamp("first_event_at").toInstant(), row.getTimestamp("last_event_at").toInstant(),
					row.getBigDecimal("amount"), row.getString("status"), row.getObject("assignee_id"), row.getBoolean("stamped")))
			.single())
			.containsExactly(broker.tenant().id().value(), watch.contactId().value(), list.value(), "DEBTOR", "LOAN_DISBURSED",
					SignalRanking.defaultPriority(Segment.DEBTOR, CreditEventType.LOAN_DISBURSED), 1, occurred, occurred,
					new BigDecimal("150000.55"), "OPEN", manager.id().value(), true);
		assertThat(jdbc.sql("""
				select l.tenant_id, l.event_id = e.id from signal_events l join signals s on s.id = l.signal_id
				join credit_events e on e.source = ? and e.source_event_id = 'e1' where l.watch_id = ?""")
			.params(source, watch.id().value())
			.query((row, n) -> List.of(row.getObject(1), row.getBoolean(2)))
			.single())
			.containsExactly(broker.tenant().id().value(), true);
	}

	@Test
	void aResentBatchCreatesNothingNew() {
		String batch = event("e1", "2.2", "Иванов", passport) + "\n" + event("e2", "1.1", "Иванов", passport);
		ingest(batch);

		IngestionReport again = ingest(batch);

		assertThat(again.accepted()).isZero();
		assertThat(again.duplicates()).isEqualTo(2);
		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10))
			.extracting(line -> line.signal().count()).containsExactly(1, 1);
	}

	@Test
	void aBatchOfSeveralChunksIsStoredWholeOnceWithItsRejectsAtTheirLines() {
		String[] lines = new String[4_502];
		for (int i = 0; i < lines.length; i++) {
			lines[i] = event("m" + i, "1.1", "Петров", "46" + String.format("%08d", 1_000_001 + i));
		}
		lines[0] = event("m0", "1.1", "Иванов", passport);
		lines[2_500] = "{not json";
		lines[3_000] = event("m3000", "1.1", "Иванов", passport);
		lines[4_501] = event("m4501", "1.1", "Иванов", passport);

		IngestionReport report = ingest(lines);
		IngestionReport again = ingest(lines);

		assertThat(report.accepted()).isEqualTo(4_501);
		assertThat(report.rejected()).extracting(r -> r.line() + ":" + r.code()).containsExactly("2501:event.json-invalid");
		assertThat(again.accepted()).isZero();
		assertThat(again.duplicates()).isEqualTo(4_501);
		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10))
			.extracting(line -> line.signal().count()).containsExactly(3);
	}

	@Test
	void malformedEventsAreRejectedWithTheirLineWhileTheRestAreAcceptedAnUnreadablePassportLeftOut() {
		IngestionReport report = ingest(event("e1", "1.1", "Иванов", passport), "{not json",
				event("e3", "9.9", "Иванов", passport), event("e4", "2.2", "Иванов", "45AB123456"));

		assertThat(report.accepted()).isEqualTo(2);
		assertThat(report.rejected()).extracting(r -> r.line() + ":" + r.code())
			.containsExactly("2:event.json-invalid", "3:event.type-unknown");
		assertThat(report.ignored()).extracting(i -> i.line() + ":" + i.field() + ":" + i.code())
			.containsExactly("4:subject.passport:contact.passport-invalid");
	}

	@Test
	void everyTenantWatchingThePersonGetsItsOwnSignal() {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		watches.watch(collector.tenant().id(), person("Иванов", passport), WatchTerms.of(Segment.DEBTOR, consentToday()));

		ingest(event("e1", "2.2", "Иванов", passport));

		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10)).singleElement()
			.satisfies(line -> assertThat(line.signal().priority()).isEqualTo(3));
		assertThat(signals.queue(collector.tenant().id(), SignalFilter.open(), 0, 10)).singleElement()
			.satisfies(line -> assertThat(line.signal().priority()).isEqualTo(1));
	}

	@Test
	void aWatchWithoutConsentIsNotActiveAndRaisesNothing() {
		Provisioned other = fixtures.tenant(TenantKind.BROKER);
		Watch waiting = watches.watch(other.tenant().id(), person("Иванов", passport),
				new WatchTerms(Segment.PROSPECT, 6, null, null, null, null, null));

		ingest(event("e1", "1.1", "Иванов", passport));

		assertThat(waiting.status()).isEqualTo(WatchStatus.AWAITING_CONSENT);
		assertThat(signals.queue(other.tenant().id(), SignalFilter.open(), 0, 10)).isEmpty();
	}

	@Test
	void aNameAndBirthDateFindThePersonUnlessThePassportsDiffer() {
		ingest(event("e1", "1.1", "Иванов", null), event("e2", "1.3", "Иванов", "4500999999"));

		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10))
			.extracting(line -> line.signal().eventType()).containsExactly(CreditEventType.APPLICATION);
	}

	@Test
	void aClosedSignalLetsTheNextEventOpenANewOne() {
		ingest(event("e1", "1.1", "Иванов", passport));
		Signal first = signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 1).getFirst().signal();
		signals.close(broker.tenant().id(), first.id(), Outcome.REACHED, broker.admin().id());

		ingest(event("e2", "1.1", "Иванов", passport));

		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 10)).singleElement()
			.satisfies(line -> assertThat(line.signal().id()).isNotEqualTo(first.id()));
	}

	@Test
	void oneBatchTicksOffBothOfAPreparingClientsRecommendations() {
		Provisioned other = fixtures.tenant(TenantKind.BROKER);
		Watch preparing = watches.watch(other.tenant().id(), person("Иванов", passport), new WatchTerms(Segment.PREPARING, 6,
				null, null, null, consentToday(), Set.of(Recommendation.CLOSE_EXTRA_ACCOUNTS, Recommendation.CURE_OVERDUE)));

		ingest(event("e1", "LOAN_CLOSED", "Иванов", passport), event("e2", "OVERDUE_CURED", "Иванов", passport),
				event("e3", "LOAN_CLOSED", "Иванов", passport));

		assertThat(watches.get(other.tenant().id(), preparing.id()).recommendationsMet())
			.containsExactlyInAnyOrder(Recommendation.CLOSE_EXTRA_ACCOUNTS, Recommendation.CURE_OVERDUE);
	}

	private IngestionReport ingest(String... lines) {
		return ingestion.ingest(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
	}

	private String event(String id, String type, String lastName, String passportNumber) {
		return """
				{"source":"%s","eventId":"%s","type":"%s","occurredAt":"%s","lender":{"kind":"BANK"},"amount":150000,
				 "subject":{"lastName":"%s","firstName":"Иван","middleName":"Иванович","birthDate":"14.03.1985"%s}}"""
			.formatted(source, id, type, LocalDate.now(ZoneId.of("Europe/Moscow")), lastName,
					passportNumber == null ? "" : ",\"passport\":\"" + passportNumber + "\"")
			.replace("\n", "");
	}

	private static PersonDetails person(String lastName, String passport) {
		return new PersonDetails(new FullName(lastName, "Иван", "Иванович"), LocalDate.of(1985, 3, 14),
				PassportNumber.parse(passport), null, null, PhoneNumber.parse("+79161234567"), null);
	}

	private static Consent consentToday() {
		return new Consent(LocalDate.now(ZoneId.of("Europe/Moscow")), "Подбор кредита", ConsentMethod.PAPER, null, null);
	}
}
