package ru.kredo.conversations;

import java.util.Objects;
import java.util.UUID;

/** An attached file's id. */
public record AttachmentId(UUID value) {

	public AttachmentId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
