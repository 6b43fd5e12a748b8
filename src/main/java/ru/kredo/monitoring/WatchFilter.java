package ru.kredo.monitoring;

/** What the watch list shows; {@code null} fields do not filter. */
public record WatchFilter(Segment segment, WatchStatus status, ListId listId, String lastNamePrefix) {

	public static WatchFilter all() {
		return new WatchFilter(null, null, null, null);
	}
}
