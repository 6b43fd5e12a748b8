package ru.kredo.docrequests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What document requests and the documents sent to a debtor may hold ({@code kredo.document-requests.*},
 * {@code docs/conversations.md}).
 *
 * @param maxOpenPerDebtor how many requests one debtor may have open at once with one agency
 * @param maxCommentLength the longest comment a debtor writes, and the longest reason an operator declines with
 * @param maxTitleLength the longest title of a document an operator sends
 * @param maxFileSize the largest PDF an operator answers or sends with; a form's whole body may be this and 64 KB more
 */
@ConfigurationProperties("kredo.document-requests")
public record DocumentRequestLimits(
		@DefaultValue("5") int maxOpenPerDebtor,
		@DefaultValue("1000") int maxCommentLength,
		@DefaultValue("200") int maxTitleLength,
		@DefaultValue("10MB") DataSize maxFileSize) {

	public DocumentRequestLimits {
		if (maxOpenPerDebtor < 1 || maxCommentLength < 1 || maxTitleLength < 1 || maxFileSize.toBytes() < 1) {
			throw new IllegalArgumentException("kredo.document-requests.* are more than zero");
		}
	}

	/** The file limit in whole megabytes as refusals say it (at least 1). */
	public long maxFileMegabytes() {
		return Math.max(1, maxFileSize.toMegabytes());
	}

	/** The most a form carrying a file may send: the file at its limit and 64 KB for the rest. */
	public long maxFormBytes() {
		return maxFileSize.toBytes() + 4L * Math.max(maxCommentLength, maxTitleLength) + 64 * 1024;
	}
}
