package ru.kredo.monitoring.internal;

import java.time.Instant;

import ru.kredo.monitoring.ListId;

/**
 * A line of the lists page: a list, how many of its people are watched and waiting, and its latest upload.
 *
 * @param watches every watch of the list, whatever its state: {@code active + awaitingConsent + stopped()}
 * @param active the list's people on monitoring («на мониторинге»)
 */
public record ListOverview(ListId id, String name, Instant createdAt, long watches, long active, long awaitingConsent,
		ListImport latestImport) {

	/** The list's people taken off monitoring (by hand, or their consent or period ended). */
	public long stopped() {
		return watches - active - awaitingConsent;
	}
}
