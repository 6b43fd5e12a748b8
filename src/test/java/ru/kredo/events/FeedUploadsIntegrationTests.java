package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.IntegrationTest;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tenancy.TenantId;

/** A feed upload's row tells how the upload ended: done with its counts, stopped by an error, or by its process. */
@IntegrationTest
class FeedUploadsIntegrationTests {

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	FeedUploads uploads;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUploadWhoseBodyBreaksOffIsRecordedAsFailed() {
		String name = "broken-" + UUID.randomUUID() + ".jsonl";
		String line = """
				{"source":"broken","eventId":"%s","type":"2.2","occurredAt":"2026-11-20","subject":{"lastName":"Обрывов",\
				"firstName":"Иван","birthDate":"01.01.1970"}}
				""".formatted(UUID.randomUUID());
		InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
				new InputStream() {
					@Override
					public int read() throws IOException {
						throw new IOException("connection reset");
					}
				});

		assertThatThrownBy(() -> ingestion.ingest(breaking, UploadSource.commandLine(name)))
			.isInstanceOf(RuntimeException.class);

		FeedUpload failed = uploads.after(new FeedUploads.Filter(null, UploadSource.Channel.COMMAND_LINE), null, 100)
			.stream().filter(upload -> name.equals(upload.fileName())).findFirst().orElseThrow();
		assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(failed.finishedAt()).isNotNull();
	}

	@Test
	void aRunningUploadWhoseHeartbeatStoppedReadsInterrupted() {
		UUID id = UUID.randomUUID();
		Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
		jdbc.sql("""
				insert into feed_uploads (id, tenant_id, channel, sender_name, file_name, status, started_at, updated_at,
				    accepted)
				values (?, ?, 'COMMAND_LINE', 'command line', 'stopped.jsonl', 'RUNNING', ?, ?, 2500)""")
			.params(id, TenantId.PLATFORM.value(), Timestamp.from(longAgo), Timestamp.from(longAgo))
			.update();

		FeedUpload stopped = uploads.get(id);
		assertThat(stopped.status()).isEqualTo(ImportStatus.INTERRUPTED);
		assertThat(stopped.accepted()).as("what its chunks stored is still counted").isEqualTo(2500);
	}

	/**
	 * A process killed mid-upload leaves the row as it is at that moment (the restarted process then only marks it
	 * INTERRUPTED), so the row must say, while it runs, what the committed chunks stored. Until 2026-12-13 the counts
	 * reached the row only with each heartbeat: kill -9 during a 300,000-event file left it at 172,500 accepted with
	 * 290,000 stored. The upload here waits twice on its body: once its first heartbeat has written the row, and once
	 * three more chunks have committed — when the row is read as a crash would leave it.
	 */
	@Test
	void aRunningUploadsRowSaysWhatItsCommittedChunksStoredAsAKillWouldLeaveIt() throws Exception {
		String source = "gated-" + UUID.randomUUID();
		String name = source + ".jsonl";
		int first = CreditEventIngestion.CHUNK * 2;
		int then = CreditEventIngestion.CHUNK * 3;
		CountDownLatch rowWritten = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		InputStream body = new SequenceInputStream(Collections.enumeration(List.of(lines(source, 0, first),
				gate(rowWritten), lines(source, first, first + then), gate(release),
				lines(source, first + then, first + then + 1))));
		CompletableFuture<IngestionReport> upload = CompletableFuture
			.supplyAsync(() -> ingestion.ingest(body, UploadSource.commandLine(name)));
		try {
			LongSupplier stored = () -> jdbc.sql("select count(*) from credit_events where source = ?").param(source)
				.query(Long.class).single();
			LongSupplier inRow = () -> jdbc.sql("select coalesce(max(accepted), -1) from feed_uploads where file_name = ?")
				.param(name).query(Long.class).single();
			// A file's row is written as it starts, and each chunk counts in it.
			await().atMost(Duration.ofSeconds(30)).until(() -> stored.getAsLong() == first);
			assertThat(inRow.getAsLong()).as("the row before any heartbeat").isEqualTo(first);
			rowWritten.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> stored.getAsLong() == first + then);

			assertThat(inRow.getAsLong()).as("the row, as a kill now would leave it").isEqualTo(first + then);
		}
		finally {
			rowWritten.countDown();
			release.countDown();
		}
		IngestionReport report = upload.get(60, TimeUnit.SECONDS);
		assertThat(report.accepted()).isEqualTo(first + then + 1);
		assertThat(jdbc.sql("select accepted from feed_uploads where file_name = ?").param(name).query(Long.class)
			.single()).as("counted once").isEqualTo(first + then + 1);
	}

	private static InputStream lines(String source, int from, int to) {
		StringBuilder lines = new StringBuilder();
		for (int i = from; i < to; i++) {
			lines.append("""
					{"source":"%s","eventId":"e-%d","type":"2.2","occurredAt":"2026-11-20T10:15:00+03:00",\
					"subject":{"lastName":"Шлюзов","firstName":"Иван","birthDate":"01.01.1970"}}
					""".formatted(source, i));
		}
		return new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A part of the body that ends only once the latch is down: the upload waits there, its chunks before stored. */
	private static InputStream gate(CountDownLatch latch) {
		return new InputStream() {
			@Override
			public int read() throws IOException {
				try {
					latch.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return -1;
			}
		};
	}
}
