package ru.kredo.monitoring;

import java.util.Objects;
import java.util.UUID;

/** Identifies a watch. */
public record WatchId(UUID value) {

	public WatchId {
		Objects.requireNonNull(value, "watch id");
	}

	public static WatchId random() {
		return new WatchId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
