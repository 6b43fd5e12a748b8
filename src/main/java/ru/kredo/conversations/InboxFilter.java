package ru.kredo.conversations;

/** Which conversations the inbox lists. */
public enum InboxFilter {
	/** Assigned to the operator looking. */
	MINE,
	/** Assigned to no one. */
	UNASSIGNED,
	ALL
}
