package ru.kredo.monitoring;

/** A line of the watch list: the watch, whose it is, and the list it came from. */
public record WatchLine(Watch watch, String contactName, String listName) {
}
