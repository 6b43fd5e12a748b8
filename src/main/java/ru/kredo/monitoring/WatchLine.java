package ru.kredo.monitoring;

/**
 * A line of the watch list: the watch, whose it is (with his id in the tenant's own system, {@code externalId}), and
 * the list it came from.
 */
public record WatchLine(Watch watch, String contactName, String listName, String externalId) {

	public WatchLine(Watch watch, String contactName, String listName) {
		this(watch, contactName, listName, null);
	}
}
