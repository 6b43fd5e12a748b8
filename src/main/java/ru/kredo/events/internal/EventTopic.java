package ru.kredo.events.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.EventQueueUnavailable;
import ru.kredo.events.IngestionReport.IgnoredField;
import ru.kredo.events.IngestionReport.RejectedEvent;
import ru.kredo.events.IntakeReport;
import ru.kredo.events.QueuedReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a batch's valid events to the events topic, one record each ({@link EventRecords}), through an idempotent
 * producer with {@code acks=all}: a batch is answered once the broker has every event of it. Rejections and ignored
 * fields are found here, as the stored path finds them, so the caller hears of them at once. Only with Kafka
 * configured ({@link KafkaEvents}).
 */
public class EventTopic {

	// Sends awaited at a time: a file of millions is not held in memory as futures.
	private static final int WINDOW = 10_000;

	private final KafkaTemplate<String, byte[]> kafka;
	private final String topic;
	private final EventRecords records;
	private final JsonMapper json;
	private final int maxLineLength;

	EventTopic(KafkaTemplate<String, byte[]> kafka, String topic, EventRecords records, JsonMapper json, int maxLineLength) {
		this.kafka = kafka;
		this.topic = topic;
		this.records = records;
		this.json = json;
		this.maxLineLength = maxLineLength;
	}

	/** The header that names the upload a record came from (its id), for the consuming node to count it there. */
	public static final String UPLOAD = "kredo-upload-id";

	/** Publishes the body's valid events, each record carrying {@code upload} (when given) in {@link #UPLOAD}. */
	public QueuedReport publish(InputStream body, UUID upload) {
		byte[] uploadHeader = upload == null ? null : upload.toString().getBytes(StandardCharsets.US_ASCII);
		EventStream stream = EventStream.of(body, json, maxLineLength);
		List<RejectedEvent> rejected = new ArrayList<>();
		List<IgnoredField> ignored = new ArrayList<>();
		List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
		int received = 0;
		int queued = 0;
		int rejectedTotal = 0;
		int ignoredTotal = 0;
		while (stream.hasNext()) {
			EventStream.Parsed parsed = stream.next();
			received++;
			if (parsed.rejected() != null) {
				if (rejected.size() < IntakeReport.LISTED) {
					rejected.add(parsed.rejected());
				}
				rejectedTotal++;
				continue;
			}
			for (IgnoredField field : parsed.ignored()) {
				if (ignored.size() < IntakeReport.LISTED) {
					ignored.add(field);
				}
				ignoredTotal++;
			}
			CreditEvent event = parsed.event();
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, records.key(event), records.value(event));
			if (uploadHeader != null) {
				record.headers().add(new RecordHeader(UPLOAD, uploadHeader));
			}
			sent.add(kafka.send(record));
			queued++;
			if (sent.size() == WINDOW) {
				acknowledged(sent);
			}
		}
		acknowledged(sent);
		return new QueuedReport(received, queued, rejected, ignored, rejectedTotal, ignoredTotal);
	}

	// Waits for the broker to take every record sent (the producer's delivery.timeout.ms bounds the wait).
	private static void acknowledged(List<CompletableFuture<SendResult<String, byte[]>>> sent) {
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			throw new EventQueueUnavailable("the Kafka broker did not acknowledge the events", ex.getCause());
		}
		finally {
			sent.clear();
		}
	}
}
