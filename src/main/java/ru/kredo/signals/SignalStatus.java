package ru.kredo.signals;

/** A signal is open until a manager records its outcome. */
public enum SignalStatus {
	OPEN,
	CLOSED
}
