package ru.kredo.events;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.tabular.ImportStatus;

/**
 * One delivery of credit events and what became of it: who sent it ({@link UploadSource}), when, and its counts —
 * received, accepted (new), duplicates, rejected, the accepted events that matched a watched person and the new signals
 * they raised. While it runs, its counts are those of the chunks stored so far (written with its heartbeat);
 * {@code received} and {@code rejected} are known at its end. A push published to the events topic (Kafka) has
 * {@code queued}, the valid events the broker took; its accepted, duplicates, matched and signals raised grow as the
 * consuming nodes store them (null {@code queued}: stored at once).
 */
public record FeedUpload(UUID id, UploadSource.Channel channel, UUID apiKeyId, UUID userId, String senderName,
		String fileName, ImportStatus status, Instant startedAt, Instant finishedAt, long received, long accepted,
		long duplicates, long rejected, long matched, long signalsRaised, Long queued) {

	public boolean isRunning() {
		return status == ImportStatus.RUNNING;
	}
}
