package ru.kredo.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import ru.kredo.webhooks.internal.SignalTopicOutbox.Outgoing;

/**
 * Publishes the outbox of «Сигналы в Kafka» every {@code kredo.webhooks.kafka.poll-interval}: claims a batch (row
 * claims with skip locked, so any number of nodes share it and each message goes once), sends each to its tenant's
 * topic keyed by its key (a signal's id) with the headers {@code kredo-event-type}, {@code kredo-event-id} and
 * {@code kredo-event-version}, and marks sent only what the broker acknowledged (idempotent producer,
 * {@code acks=all}). What it did not acknowledge — the broker is away — is due again after
 * {@code kredo.webhooks.kafka.retry-after}: published late, never lost. A node that dies between the broker's ack and
 * the mark publishes nothing more, but the next claim sends the message again: consumers de-duplicate by
 * {@code kredo-event-id}.
 */
@Component
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class SignalTopicPublisher implements SchedulingConfigurer, DisposableBean {

	public static final String TYPE = "kredo-event-type";
	public static final String ID = "kredo-event-id";
	public static final String VERSION = "kredo-event-version";

	private static final Logger log = LoggerFactory.getLogger(SignalTopicPublisher.class);

	private final SignalTopicOutbox outbox;
	private final Clock clock;
	private final DefaultKafkaProducerFactory<String, byte[]> producers;
	private final KafkaTemplate<String, byte[]> kafka;
	private final Duration pollInterval;
	private final Duration retryAfter;
	private final Duration keepSent;
	private final int batchSize;
	private Instant purgedAt = Instant.MIN;

	SignalTopicPublisher(SignalTopicOutbox outbox, Clock clock, KafkaProperties properties,
			@Value("${kredo.webhooks.kafka.poll-interval:1s}") Duration pollInterval,
			@Value("${kredo.webhooks.kafka.retry-after:5s}") Duration retryAfter,
			@Value("${kredo.webhooks.kafka.keep-sent:7d}") Duration keepSent,
			@Value("${kredo.webhooks.kafka.batch-size:500}") int batchSize) {
		this.outbox = outbox;
		this.clock = clock;
		this.pollInterval = pollInterval;
		this.retryAfter = retryAfter;
		this.keepSent = keepSent;
		this.batchSize = batchSize;
		Map<String, Object> settings = properties.buildProducerProperties();
		settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		// A broker that is away fails a batch within seconds, well inside the outbox's lease, and it is tried again
		// later; spring.kafka.producer.properties may set other values.
		settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "kredo-signals");
		this.producers = new DefaultKafkaProducerFactory<>(settings);
		this.kafka = new KafkaTemplate<>(producers);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::poll, pollInterval, pollInterval));
	}

	/** Publishes every due message, a batch at a time; a failure waits for the next poll. */
	public void poll() {
		try {
			while (publishDue(clock.instant()) == batchSize) {
				// a full batch: there may be more due
			}
			Instant now = clock.instant();
			if (purgedAt.isBefore(now.minus(Duration.ofHours(1)))) {
				purgedAt = now;
				outbox.purgeSent(now.minus(keepSent));
			}
		}
		catch (RuntimeException ex) {
			log.error("Publishing signals to Kafka failed; will try again at the next poll", ex);
		}
	}

	/** Publishes one batch of the messages due at {@code now}; returns how many were claimed. */
	int publishDue(Instant now) {
		List<Outgoing> batch = outbox.claim(now, batchSize);
		if (batch.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
		for (Outgoing message : batch) {
			CompletableFuture<SendResult<String, byte[]>> send = send(message);
			sends.add(send);
			if (send.isCompletedExceptionally()) {
				// The broker is away (its metadata did not come within max.block.ms): the rest would wait as long each.
				break;
			}
		}
		List<Long> sent = new ArrayList<>();
		List<Long> failed = new ArrayList<>();
		String error = null;
		for (int i = 0; i < batch.size(); i++) {
			long id = batch.get(i).id();
			if (i >= sends.size()) {
				failed.add(id);
				continue;
			}
			try {
				sends.get(i).get();
				sent.add(id);
			}
			catch (ExecutionException | CompletionException ex) {
				failed.add(id);
				error = String.valueOf(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed.add(id);
				error = "interrupted";
			}
		}
		Instant done = clock.instant();
		outbox.sent(sent, done);
		outbox.failed(failed, done.plus(retryAfter), error);
		if (!failed.isEmpty()) {
			log.warn("{} signal messages not acknowledged by Kafka, trying again in {}: {}", failed.size(), retryAfter,
					error);
		}
		return batch.size();
	}

	private CompletableFuture<SendResult<String, byte[]>> send(Outgoing message) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), null, message.key(),
				message.payload().getBytes(StandardCharsets.UTF_8));
		record.headers().add(new RecordHeader(TYPE, message.eventType().getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader(ID, message.messageId().getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader(VERSION,
				String.valueOf(WebhookPayloads.VERSION).getBytes(StandardCharsets.UTF_8)));
		try {
			return kafka.send(record);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public void destroy() {
		kafka.destroy();
		producers.destroy();
	}
}
