package ru.kredo.monitoring;

import java.util.Objects;
import java.util.UUID;

/** Identifies an uploaded monitoring list. */
public record ListId(UUID value) {

	public ListId {
		Objects.requireNonNull(value, "list id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
