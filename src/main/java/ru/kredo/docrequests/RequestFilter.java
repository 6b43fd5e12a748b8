package ru.kredo.docrequests;

/** Which document requests a list shows. */
public enum RequestFilter {
	/** Waiting for an answer, the longest waiting first. */
	OPEN,
	/** Waiting past the first-reply target ({@link ru.kredo.conversations.FirstReply}), the longest waiting first. */
	OVERDUE,
	ANSWERED,
	DECLINED,
	/** Every request: the open ones first (the longest waiting first), then the latest closed. */
	ALL
}
