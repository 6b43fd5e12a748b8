package ru.kredo.events;

import java.util.Objects;
import java.util.UUID;

/**
 * Who delivered a batch of credit events, recorded with the batch as a feed upload ({@link FeedUploads}): a feed's
 * push with its platform API key, a file the operator uploaded on his page, or a file the command line imported.
 *
 * @param apiKeyId the feed's key (channel {@code API} only)
 * @param userId the operator who uploaded the file (channel {@code FILE} only)
 * @param senderName the key's or the operator's name as it is now, kept with the upload
 * @param fileName the file's name as given, or {@code null} for a push
 */
public record UploadSource(Channel channel, UUID apiKeyId, UUID userId, String senderName, String fileName) {

	/** How a batch came in. */
	public enum Channel {
		/** {@code POST /api/v1/events} with a platform API key. */
		API,
		/** The operator's page «События бюро». */
		FILE,
		/** {@code events import FILE}. */
		COMMAND_LINE
	}

	private static final int MAX_NAME = 200;

	public UploadSource {
		Objects.requireNonNull(channel, "channel");
		if ((channel == Channel.API) != (apiKeyId != null)) {
			throw new IllegalArgumentException("a feed's key goes with a push, and only with it");
		}
		senderName = shortened(senderName == null || senderName.isBlank() ? channel.name() : senderName.strip());
		fileName = fileName == null || fileName.isBlank() ? null : shortened(fileName.strip());
	}

	public static UploadSource feed(UUID apiKeyId, String keyName) {
		return new UploadSource(Channel.API, Objects.requireNonNull(apiKeyId, "apiKeyId"), null, keyName, null);
	}

	public static UploadSource operatorFile(UUID userId, String operatorName, String fileName) {
		return new UploadSource(Channel.FILE, null, userId, operatorName, fileName);
	}

	public static UploadSource commandLine(String fileName) {
		return new UploadSource(Channel.COMMAND_LINE, null, null, "command line", fileName);
	}

	private static String shortened(String text) {
		return text.length() > MAX_NAME ? text.substring(0, MAX_NAME) : text;
	}
}
