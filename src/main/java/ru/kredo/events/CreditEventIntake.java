package ru.kredo.events;

import java.io.InputStream;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import ru.kredo.events.internal.EventTopic;
import ru.kredo.events.internal.FeedUploadRecords;
import ru.kredo.events.internal.FeedUploadRecords.Progress;

/**
 * Where the channels hand a batch of events (the REST feed, the operator's file, the command line). Without Kafka it
 * is stored at once by {@link CreditEventIngestion}. With {@code spring.kafka.bootstrap-servers} set, it is read and
 * checked here and its valid events are published to the events topic, one record each; every node consumes the topic
 * through the same pipeline, so every channel scales the same way (docs/credit-events.md, «Kafka»). Either way the
 * batch is one upload of its feed ({@link FeedUploads}) with its counts.
 */
@Service
public class CreditEventIntake {

	private final CreditEventIngestion ingestion;
	private final ObjectProvider<EventTopic> topic;
	private final FeedUploadRecords uploads;

	CreditEventIntake(CreditEventIngestion ingestion, ObjectProvider<EventTopic> topic, FeedUploadRecords uploads) {
		this.ingestion = ingestion;
		this.topic = topic;
		this.uploads = uploads;
	}

	/**
	 * Stores the body's events, recorded as an upload of {@code source} with its counts ({@link FeedUploads}), or
	 * publishes them when Kafka is configured: then the upload's row is written first, each record carries its id
	 * (header {@code kredo-upload-id}), and the nodes that consume the records add their counts to it as they store
	 * them.
	 *
	 * @throws EventQueueUnavailable when the broker did not acknowledge every event (sending again is safe)
	 */
	public IntakeReport take(InputStream body, UploadSource source) {
		EventTopic events = topic.getIfAvailable();
		return events == null ? ingestion.ingest(body, source) : publish(events, body, source);
	}

	private QueuedReport publish(EventTopic events, InputStream body, UploadSource source) {
		Progress progress = uploads.startQueued(source);
		UUID upload = progress.id();
		QueuedReport[] report = new QueuedReport[1];
		try {
			uploads.run(progress, () -> report[0] = events.publish(body, upload));
		}
		catch (RuntimeException | Error ex) {
			uploads.fail(progress);
			throw ex;
		}
		uploads.finishQueued(progress, report[0]);
		return report[0];
	}

	/** Whether batches go through Kafka. */
	public boolean queued() {
		return topic.getIfAvailable() != null;
	}
}
