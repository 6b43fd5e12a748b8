package ru.kredo.monitoring;

/**
 * What the watch list shows; {@code null} fields do not filter.
 *
 * @param externalId only the watches of the contact with this id in the tenant's own system
 */
public record WatchFilter(Segment segment, WatchStatus status, ListId listId, String lastNamePrefix, String externalId) {

	public WatchFilter {
		externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
	}

	public WatchFilter(Segment segment, WatchStatus status, ListId listId, String lastNamePrefix) {
		this(segment, status, listId, lastNamePrefix, null);
	}

	public static WatchFilter all() {
		return new WatchFilter(null, null, null, null);
	}
}
