package ru.kredo.events;

import java.io.InputStream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import ru.kredo.events.internal.EventTopic;

/**
 * Where the channels hand a batch of events (the REST feed, the operator's file, the command line). Without Kafka it
 * is stored at once by {@link CreditEventIngestion}. With {@code spring.kafka.bootstrap-servers} set, it is read and
 * checked here and its valid events are published to the events topic, one record each; every node consumes the topic
 * through the same pipeline, so every channel scales the same way (docs/credit-events.md, «Kafka»).
 */
@Service
public class CreditEventIntake {

	private final CreditEventIngestion ingestion;
	private final ObjectProvider<EventTopic> topic;

	CreditEventIntake(CreditEventIngestion ingestion, ObjectProvider<EventTopic> topic) {
		this.ingestion = ingestion;
		this.topic = topic;
	}

	/**
	 * Stores the body's events, recorded as an upload of {@code source} with its counts ({@link FeedUploads}), or
	 * publishes them when Kafka is configured (then the nodes that consume them count nothing per upload: not yet).
	 *
	 * @throws EventQueueUnavailable when the broker did not acknowledge every event (sending again is safe)
	 */
	public IntakeReport take(InputStream body, UploadSource source) {
		EventTopic events = topic.getIfAvailable();
		return events == null ? ingestion.ingest(body, source) : events.publish(body);
	}

	/** Whether batches go through Kafka. */
	public boolean queued() {
		return topic.getIfAvailable() != null;
	}
}
