package ru.kredo.monitoring.internal;

import java.time.Instant;

import ru.kredo.monitoring.ListId;

/** A line of the lists page: a list, how many of its people are watched and waiting, and its latest upload. */
public record ListOverview(ListId id, String name, Instant createdAt, long watches, long active, long awaitingConsent,
		ListImport latestImport) {
}
