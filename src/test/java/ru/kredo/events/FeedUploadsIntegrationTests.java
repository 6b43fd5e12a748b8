package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

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
}
