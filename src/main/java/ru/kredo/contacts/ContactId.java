package ru.kredo.contacts;

import java.util.Objects;
import java.util.UUID;

/** Identifies a contact. */
public record ContactId(UUID value) implements java.io.Serializable {

	public ContactId {
		Objects.requireNonNull(value, "contact id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
