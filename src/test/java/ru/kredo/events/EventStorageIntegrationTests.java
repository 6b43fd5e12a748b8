package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.kredo.IntegrationTest;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;

/** New events are written with COPY; what another batch stores at the same moment still counts once. */
@IntegrationTest
@RecordApplicationEvents
class EventStorageIntegrationTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	static final int FILLER = 200;
	static final Subject SUBJECT = new Subject(new FullName("Гончарова", "Вера", null), LocalDate.of(1979, 6, 2),
			PassportNumber.parse("4510 123456"), null, null);

	String source = "race-bureau-" + UUID.randomUUID();

	@Test
	void anEventAnotherBatchStoresAtTheSameMomentIsADuplicateNotAnError() throws Exception {
		try (Connection other = dataSource.getConnection()) {
			// Another batch has stored e2 but not committed yet: our look-up cannot see it, our COPY must wait for it.
			other.setAutoCommit(false);
			try (PreparedStatement insert = other.prepareStatement("""
					insert into credit_events (source, source_event_id, type, rutdf_code, occurred_at, received_at,
					    name_dob_index, subject) values (?, 'e2', 'APPLICATION', '1.1', now(), now(), ?, ?)""")) {
				insert.setString(1, source);
				insert.setBytes(2, new byte[32]);
				insert.setBytes(3, new byte[] { 1 });
				insert.executeUpdate();
			}
			CompletableFuture<IngestionReport> ours = CompletableFuture
				.supplyAsync(() -> ingest(event("e1"), event("e2"), event("e3")));
			await().atMost(Duration.ofSeconds(10)).until(this::someoneWaitsForALock);

			other.commit();

			IngestionReport report = ours.get();
			assertThat(report.accepted()).isEqualTo(FILLER + 2);
			assertThat(report.duplicates()).isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(*) from credit_events where source = ? and source_event_id in ('e1', 'e2', 'e3')")
			.param(source).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aChunkThatLosesADeadlockIsStoredAgain() throws Exception {
		try (Connection other = dataSource.getConnection()) {
			// Another batch has stored e2, not committed; our COPY (e1, e2, e3…) waits for it.
			other.setAutoCommit(false);
			storeElsewhere(other, "e2");
			CompletableFuture<IngestionReport> ours = CompletableFuture
				.supplyAsync(() -> ingest(event("e1"), event("e2"), event("e3")));
			await().atMost(Duration.ofSeconds(10)).until(this::someoneWaitsForALock);

			// Now the other batch stores e1, which our waiting COPY holds: each waits for the other. PostgreSQL cancels
			// the one that finds the circle, ours (it has waited longer); it is rolled back and stored again.
			storeElsewhere(other, "e1");
			other.commit();

			IngestionReport report = ours.get();
			assertThat(report.accepted()).isEqualTo(FILLER + 1);
			assertThat(report.duplicates()).isEqualTo(2);
		}
		assertThat(jdbc.sql("select count(*) from credit_events where source = ? and source_event_id in ('e1', 'e2', 'e3')")
			.param(source).query(Long.class).single()).isEqualTo(3);
	}

	private void storeElsewhere(Connection other, String eventId) throws java.sql.SQLException {
		try (PreparedStatement insert = other.prepareStatement("""
				insert into credit_events (source, source_event_id, type, rutdf_code, occurred_at, received_at)
				values (?, ?, 'APPLICATION', '1.1', now(), now())""")) {
			insert.setString(1, source);
			insert.setString(2, eventId);
			insert.executeUpdate();
		}
	}

	@Test
	void repeatsWithinOneBatchAreStoredOnceAsFirstSent() {
		IngestionReport report = ingest(event("e2"), event("e1", "100", 1, "2026-11-20T10:00:00Z"),
				event("e1", "200", 2, "2026-11-20T10:00:00Z"), event("e1", "300", 3, "2026-11-20T10:00:00Z"));

		assertThat(report.accepted()).isEqualTo(FILLER + 2);
		assertThat(report.duplicates()).isEqualTo(2);
		assertThat(jdbc.sql("select days_past_due from credit_events where source = ? and source_event_id = 'e1'")
			.param(source).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void textThatCopyWouldMisreadIsStoredAsSent() {
		String id = "tab\\there\\\\and\\nnewline";
		IngestionReport report = ingest(event(id));

		assertThat(report.accepted()).isEqualTo(FILLER + 1);
		assertThat(jdbc.sql("select source_event_id from credit_events where source = ? and source_event_id like 'tab%'")
			.param(source).query(String.class).single()).isEqualTo("tab\there\\and\nnewline");
	}

	@Test
	void copyStoresAmountsTimesAndTextExactly() {
		List<String> amounts = List.of("0", "0.01", "0.5", "1", "12.3", "9999.99", "10000", "10000.01", "20000000.07",
				"123456789.01", "100000000", "9999999999999999.99");
		List<String> lines = new ArrayList<>();
		for (int k = 0; k < amounts.size(); k++) {
			lines.add(event("amount-" + k, amounts.get(k), k * 7, "2026-11-20T10:00:0%d.123456+03:00".formatted(k % 10)));
		}
		lines.add(event("идентификатор-№1"));

		IngestionReport report = ingest(lines.toArray(String[]::new));

		assertThat(report.accepted()).isEqualTo(FILLER + amounts.size() + 1);
		for (int k = 0; k < amounts.size(); k++) {
			String id = "amount-" + k;
			assertThat(jdbc.sql("""
					select amount::text || ' ' || days_past_due || ' ' || to_char(occurred_at at time zone 'UTC',
					    'YYYY-MM-DD HH24:MI:SS.US') from credit_events where source = ? and source_event_id = ?""")
				.params(source, id).query(String.class).single())
				.as(id)
				.isEqualTo(new java.math.BigDecimal(amounts.get(k)).setScale(2).toPlainString() + " " + k * 7
						+ " 2026-11-20 07:00:0" + (k % 10) + ".123456");
		}
		assertThat(jdbc.sql("select count(*) from credit_events where source = ? and source_event_id = 'идентификатор-№1'")
			.param(source).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select amount is null and days_past_due is null from credit_events where source = ? and source_event_id = 'filler-1'")
			.param(source).query(Boolean.class).single()).isTrue();
	}

	@Test
	void eachRecordedIdNamesItsOwnRowThoughTheChunkIsWrittenInKeyOrder() {
		// Ids descending: COPY writes them the other way round, and numbers them from one block of the sequence.
		List<CreditEvent> batch = new ArrayList<>();
		for (int k = 0; k < 150; k++) {
			batch.add(new CreditEvent(source, "order-%03d".formatted(149 - k), CreditEventType.LOAN_DISBURSED,
					Instant.parse("2026-11-20T10:00:00Z").plusSeconds(k), SUBJECT, null, BigDecimal.valueOf(k), k));
		}

		ingestion.ingest(batch);

		List<RecordedEvent> recorded = events.stream(CreditEventsRecorded.class).flatMap(e -> e.events().stream()).toList();
		assertThat(recorded).hasSize(150);
		for (RecordedEvent event : recorded) {
			String eventId = "order-%03d".formatted(149 - event.daysPastDue());
			assertThat(jdbc.sql("select id from credit_events where source = ? and source_event_id = ?")
				.params(source, eventId).query(Long.class).single()).as(eventId).isEqualTo(event.id());
		}
		assertThat(recorded.stream().mapToLong(RecordedEvent::id).distinct().count()).isEqualTo(150);
		assertThat(recorded.stream().mapToLong(RecordedEvent::id).max().getAsLong()
				- recorded.stream().mapToLong(RecordedEvent::id).min().getAsLong()).isLessThan(10_000);
	}

	@Test
	void batchesNumberTheirEventsFromBlocksThatNeverOverlap() {
		// Only events kept with their subject have their id indexed: nothing but the numbering keeps ids apart.
		// One after another on this thread, so on one connection: its next block follows the last one directly. About
		// somebody nobody watches: a kept subject's id is indexed, and a clash there would send the chunk the insert way.
		Subject stranger = new Subject(new FullName("Незнакомцев", "Пётр", null), LocalDate.of(1961, 1, 1),
				PassportNumber.parse("46" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
						100_000_000L))), null, null);
		for (int batch = 0; batch < 3; batch++) {
			List<CreditEvent> events = new ArrayList<>();
			for (int i = 0; i < 150; i++) {
				events.add(new CreditEvent(source, "apart-" + batch + "-" + i, CreditEventType.APPLICATION,
						Instant.parse("2026-11-20T10:00:00Z"), stranger, null, null, null));
			}
			assertThat(ingestion.ingest(events).accepted()).isEqualTo(150);
		}

		assertThat(jdbc.sql("select count(*), count(distinct id) from credit_events where source = ?").param(source)
			.query((row, n) -> row.getLong(1) + "/" + row.getLong(2)).single()).isEqualTo("450/450");
	}

	private boolean someoneWaitsForALock() {
		return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'copy credit_events%'")
			.query(Long.class).single() > 0;
	}

	// Batches this small would skip COPY: each test's events travel with enough others to take the COPY path.
	private IngestionReport ingest(String... lines) {
		List<String> batch = new ArrayList<>(List.of(lines));
		for (int i = 0; i < FILLER; i++) {
			batch.add(event("filler-" + i));
		}
		return ingestion.ingest(new ByteArrayInputStream(String.join("\n", batch).getBytes(StandardCharsets.UTF_8)));
	}

	private String event(String id, String amount, int daysPastDue, String occurredAt) {
		return """
				{"source":"%s","eventId":"%s","type":"1.1","occurredAt":"%s","amount":%s,"daysPastDue":%d,
				 "subject":{"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02","passport":"4510 123456"}}"""
			.formatted(source, id, occurredAt, amount, daysPastDue).replace("\n", "");
	}

	private String event(String id) {
		return """
				{"source":"%s","eventId":"%s","type":"1.1","occurredAt":"2026-11-20T10:00:00+03:00",
				 "subject":{"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02","passport":"4510 123456"}}"""
			.formatted(source, id).replace("\n", "");
	}
}
