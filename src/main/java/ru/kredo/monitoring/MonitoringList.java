package ru.kredo.monitoring;

/** An uploaded list of people to watch, by name. */
public record MonitoringList(ListId id, String name) {
}
