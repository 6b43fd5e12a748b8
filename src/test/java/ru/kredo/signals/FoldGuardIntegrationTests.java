package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

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
import ru.kredo.events.IngestionReport;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Chunks of one batch are stored two at a time, and the trickle runs beside batches: a watch's repeats must still
 * fold into one open signal, never into two opened side by side.
 */
@IntegrationTest
class FoldGuardIntegrationTests {

	// What SignalRaising locks a watch by: its namespace, and the watch id's hash.
	static final int FOLD_LOCKS = 0x4b53;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	Provisioned broker;
	Watch watch;
	String source = "fold-bureau-" + UUID.randomUUID();
	String passport = "47" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
	LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 25_000));
	LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));

	@BeforeEach
	void aWatchedPerson() {
		broker = fixtures.tenant(TenantKind.BROKER);
		watch = watches.watch(broker.tenant().id(), new PersonDetails(new FullName("Кузнецова", "Анна", "Ильинична"), birth,
				PassportNumber.parse(passport), null, null, null, null),
				WatchTerms.of(Segment.PROSPECT, new Consent(today, "Подбор кредита", ConsentMethod.PAPER, null, null)));
	}

	@Test
	void aRepeatWaitsForTheTransactionThatOpenedTheSignalAndFoldsIntoIt() throws Exception {
		try (Connection other = dataSource.getConnection()) {
			// Another chunk has taken the watch and opened its signal, not committed yet.
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
				lock.setInt(1, FOLD_LOCKS);
				lock.setInt(2, watch.id().value().hashCode());
				lock.execute();
			}
			UUID opened = UUID.randomUUID();
			try (PreparedStatement insert = other.prepareStatement("""
					insert into signals (id, tenant_id, watch_id, contact_id, segment, event_type, priority, event_count,
					    first_event_at, last_event_at, status, created_at, updated_at)
					values (?, ?, ?, ?, 'PROSPECT', 'APPLICATION', 2, 1, ?, ?, 'OPEN', now(), now())""")) {
				Timestamp earlier = Timestamp.from(Instant.now().minusSeconds(600));
				insert.setObject(1, opened);
				insert.setObject(2, broker.tenant().id().value());
				insert.setObject(3, watch.id().value());
				insert.setObject(4, watch.contactId().value());
				insert.setTimestamp(5, earlier);
				insert.setTimestamp(6, earlier);
				insert.executeUpdate();
			}
			CompletableFuture<IngestionReport> repeat = CompletableFuture.supplyAsync(() -> ingest(List.of(event("repeat", 0))));
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !repeat.isDone());

			other.commit();

			assertThat(repeat.get().accepted()).isEqualTo(1);
			assertThat(openSignals()).containsExactly(opened + " 2");
		}
	}

	@Test
	void repeatsInChunksStoredAtOnceFoldIntoOneSignal() {
		List<String> lines = new ArrayList<>();
		// Six chunks of 2,500; the watched person applies once in every other one, the rest are strangers.
		for (int i = 0; i < 15_000; i++) {
			lines.add(i % 5_000 == 17 ? event("watched-" + i, i / 1000) : stranger(i));
		}

		IngestionReport report = ingest(lines);

		assertThat(report.accepted()).isEqualTo(15_000);
		assertThat(openSignals()).singleElement().asString().endsWith(" 3");
	}

	private List<String> openSignals() {
		return jdbc.sql("select id || ' ' || event_count from signals where watch_id = ? and status = 'OPEN'")
			.param(watch.id().value())
			.query(String.class)
			.list();
	}

	private IngestionReport ingest(List<String> lines) {
		return ingestion.ingest(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
	}

	private String event(String id, int minutes) {
		return """
				{"source":"%s","eventId":"%s","type":"1.1","occurredAt":"%sT10:%02d:00+03:00",
				 "subject":{"lastName":"Кузнецова","firstName":"Анна","middleName":"Ильинична","birthDate":"%s","passport":"%s"}}"""
			.formatted(source, id, today, minutes, birth, passport).replace("\n", "");
	}

	private String stranger(int i) {
		return """
				{"source":"%s","eventId":"s-%d","type":"1.1","occurredAt":"%sT09:00:00+03:00",
				 "subject":{"lastName":"Прохожий","firstName":"Иван","birthDate":"1961-03-%02d"}}"""
			.formatted(source, i, today, 1 + i % 28).replace("\n", "");
	}
}
