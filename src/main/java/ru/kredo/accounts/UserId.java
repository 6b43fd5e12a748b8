package ru.kredo.accounts;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user. Serializable: it is part of a signed-in session's principal, kept in the session store. */
public record UserId(UUID value) implements java.io.Serializable {

	public UserId {
		Objects.requireNonNull(value, "user id");
	}

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
