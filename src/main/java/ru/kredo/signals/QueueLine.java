package ru.kredo.signals;

/** A line of the queue: the signal, whose it is, and the list he came from. */
public record QueueLine(Signal signal, String contactName, String listName) {
}
