package ru.kredo.events;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.tabular.ImportStatus;

/**
 * One delivery of credit events and what became of it: who sent it ({@link UploadSource}), when, and its counts —
 * received, accepted (new), duplicates, rejected, the accepted events that matched a watched person and the new signals
 * they raised. While it runs, its counts are those of the chunks stored so far (written with its heartbeat);
 * {@code received} and {@code rejected} are known at its end.
 */
public record FeedUpload(UUID id, UploadSource.Channel channel, UUID apiKeyId, UUID userId, String senderName,
		String fileName, ImportStatus status, Instant startedAt, Instant finishedAt, long received, long accepted,
		long duplicates, long rejected, long matched, long signalsRaised) {

	public boolean isRunning() {
		return status == ImportStatus.RUNNING;
	}
}
