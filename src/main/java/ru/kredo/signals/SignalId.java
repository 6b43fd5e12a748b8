package ru.kredo.signals;

import java.util.Objects;
import java.util.UUID;

/** Identifies a signal. */
public record SignalId(UUID value) {

	public SignalId {
		Objects.requireNonNull(value, "signal id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
