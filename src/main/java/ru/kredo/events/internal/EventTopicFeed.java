package ru.kredo.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.IngestionReport;
import ru.kredo.events.IngestionReport.RejectedEvent;

/**
 * Consumes the events topic: each batch of records the consumer polls goes through the same chunked pipeline as a
 * REST body ({@link CreditEventIngestion#ingestValues}), and its offsets are committed only after that returns, that
 * is after every chunk of it has committed. A node that dies before leaves the batch uncommitted: whoever takes its
 * partitions reads it again, and (source, event id) makes what was stored a duplicate, so each event is stored, and
 * raises its signals, once. A record that is no event is rejected as a bad line is: published to the rejected topic
 * with its reason in headers, and the partition goes on. A record published by Kredo names its upload (header
 * {@code kredo-upload-id}): each chunk adds its counts to that upload's row as it commits (docs/credit-events.md,
 * «Feeds»).
 */
public class EventTopicFeed implements BatchAcknowledgingMessageListener<String, byte[]> {

	/** Headers of a rejected record: the stable code, the reason in Russian, and where the record was. */
	public static final String CODE = "kredo-rejection-code";
	public static final String REASON = "kredo-rejection-reason";
	public static final String ORIGIN = "kredo-original-record";

	private static final Logger log = LoggerFactory.getLogger(EventTopicFeed.class);
	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final CreditEventIngestion ingestion;
	private final KafkaTemplate<String, byte[]> kafka;
	private final String rejectedTopic;
	private final MessageSource messages;
	private final Counter accepted;
	private final Counter duplicates;
	private final Counter rejected;

	EventTopicFeed(CreditEventIngestion ingestion, KafkaTemplate<String, byte[]> kafka, String rejectedTopic,
			MessageSource messages, MeterRegistry meters) {
		this.ingestion = ingestion;
		this.kafka = kafka;
		this.rejectedTopic = rejectedTopic;
		this.messages = messages;
		this.accepted = meters.counter("kredo.events.kafka.records", "outcome", "accepted");
		this.duplicates = meters.counter("kredo.events.kafka.records", "outcome", "duplicate");
		this.rejected = meters.counter("kredo.events.kafka.records", "outcome", "rejected");
	}

	@Override
	public void onMessage(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		// The batch's records by the upload they came from (header kredo-upload-id; none from a bureau producing
		// itself), each upload's through the pipeline in turn, so that its chunks add their counts to its row.
		Map<UUID, List<ConsumerRecord<String, byte[]>>> byUpload = new LinkedHashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			byUpload.computeIfAbsent(uploadOf(record), upload -> new ArrayList<>()).add(record);
		}
		long stored = 0;
		long repeated = 0;
		long refused = 0;
		for (Map.Entry<UUID, List<ConsumerRecord<String, byte[]>>> upload : byUpload.entrySet()) {
			List<ConsumerRecord<String, byte[]>> ofUpload = upload.getValue();
			List<byte[]> values = new ArrayList<>(ofUpload.size());
			for (ConsumerRecord<String, byte[]> record : ofUpload) {
				values.add(record.value());
			}
			IngestionReport report = ingestion.ingestValues(values, upload.getKey());
			reject(ofUpload, report.rejected());
			accepted.increment(report.accepted());
			duplicates.increment(report.duplicates());
			rejected.increment(report.rejected().size());
			stored += report.accepted();
			repeated += report.duplicates();
			refused += report.rejected().size();
		}
		// Only now: every chunk of the batch has committed, and every rejection is with the broker.
		acknowledgment.acknowledge();
		if (log.isDebugEnabled()) {
			// "records up to" is what SecondNode (KafkaEventsIntegrationTests) waits for in the log.
			log.debug("{} records up to {}: {} new, {} duplicates, {} rejected, of {} uploads", records.size(),
					records.getLast().topic() + "-" + records.getLast().partition() + "@" + records.getLast().offset(),
					stored, repeated, refused, byUpload.size());
		}
	}

	// The upload named by the record's header; a header that is no id is as none (the record is stored uncounted).
	private static UUID uploadOf(ConsumerRecord<String, byte[]> record) {
		Header header = record.headers().lastHeader(EventTopic.UPLOAD);
		if (header == null || header.value() == null) {
			return null;
		}
		try {
			return UUID.fromString(new String(header.value(), StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// Each rejected record to the rejected topic, as it came, with why; waits for the broker to have them all.
	private void reject(List<ConsumerRecord<String, byte[]>> records, List<RejectedEvent> rejections) {
		if (rejections.isEmpty()) {
			return;
		}
		List<CompletableFuture<?>> sent = new ArrayList<>();
		for (RejectedEvent rejection : rejections) {
			ConsumerRecord<String, byte[]> record = records.get((int) rejection.line() - 1);
			String reason = messages.getMessage("error." + rejection.code(), rejection.arguments(), rejection.code(),
					RUSSIAN);
			log.warn("rejected record {}-{}@{}: {} {}", record.topic(), record.partition(), record.offset(),
					rejection.code(), reason);
			ProducerRecord<String, byte[]> dead = new ProducerRecord<>(rejectedTopic, null, record.key(), record.value());
			dead.headers().add(new RecordHeader(CODE, rejection.code().getBytes(StandardCharsets.UTF_8)));
			dead.headers().add(new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8)));
			dead.headers().add(new RecordHeader(ORIGIN, (record.topic() + "-" + record.partition() + "@" + record.offset())
				.getBytes(StandardCharsets.UTF_8)));
			sent.add(kafka.send(dead));
		}
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			// Not acknowledged: the batch is read again (a duplicate of what was stored), and its rejections sent again.
			throw new IllegalStateException("could not publish rejected credit events to " + rejectedTopic, ex.getCause());
		}
	}
}
