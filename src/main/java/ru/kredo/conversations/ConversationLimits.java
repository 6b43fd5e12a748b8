package ru.kredo.conversations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a conversation's requests may make the server hold ({@code kredo.conversations.*}, {@code docs/conversations.md}).
 *
 * @param maxMessageLength the longest message, in characters
 * @param maxAttachmentSize the largest attached file; a chat form's whole body may be this and 64 KB more
 * @param messagesPerHour how many messages one debtor may write an hour (an operator is not limited)
 * @param maxStreamsPerSession how many live connections (server-sent events) one browser session may hold open
 * @param maxStreams how many live connections the whole node holds open
 * @param streamTimeout how long a live connection stays open before the browser is asked to reconnect
 * @param heartbeat how often an idle live connection is written to, so that a dead one is noticed and dropped
 */
@ConfigurationProperties("kredo.conversations")
public record ConversationLimits(
		@DefaultValue("4000") int maxMessageLength,
		@DefaultValue("10MB") DataSize maxAttachmentSize,
		@DefaultValue("60") int messagesPerHour,
		@DefaultValue("4") int maxStreamsPerSession,
		@DefaultValue("5000") int maxStreams,
		@DefaultValue("30m") Duration streamTimeout,
		@DefaultValue("25s") Duration heartbeat) {

	/** Whether the file limit is said in megabytes (a whole number of them), else in kilobytes. */
	public boolean attachmentLimitInMegabytes() {
		return maxAttachmentSize.toBytes() % (1024 * 1024) == 0;
	}

	/** The file limit as pages and refusals say it: in megabytes or kilobytes ({@link #attachmentLimitInMegabytes()}). */
	public long attachmentLimit() {
		return attachmentLimitInMegabytes() ? maxAttachmentSize.toMegabytes() : maxAttachmentSize.toKilobytes();
	}

	/** The refusal of a file over the limit, saying the limit. */
	public ru.kredo.platform.TooLarge attachmentTooLarge() {
		return new ru.kredo.platform.TooLarge(
				attachmentLimitInMegabytes() ? "chat.attachment-too-large" : "chat.attachment-too-large-kb", attachmentLimit());
	}

	/** The most a chat form's body may carry: a file at its limit, the text at its limit and the form around them. */
	public long maxFormBytes() {
		return maxAttachmentSize.toBytes() + 4L * maxMessageLength + 64 * 1024;
	}
}
