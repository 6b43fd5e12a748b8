package ru.kredo.conversations;

import java.util.Objects;
import java.util.UUID;

/** A conversation's id. */
public record ConversationId(UUID value) {

	public ConversationId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
