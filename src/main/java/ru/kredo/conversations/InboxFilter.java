package ru.kredo.conversations;

/** Which conversations the inbox lists. */
public enum InboxFilter {
	/** Assigned to the operator looking. */
	MINE,
	/** Assigned to no one. */
	UNASSIGNED,
	ALL,
	/** Waiting past the first-reply target ({@link FirstReply}), the longest waiting first. */
	OVERDUE
}
