package ru.kredo.apikeys;

import java.util.Objects;
import java.util.UUID;

/** Identifies an API key (not the secret). */
public record ApiKeyId(UUID value) implements java.io.Serializable {

	public ApiKeyId {
		Objects.requireNonNull(value, "api key id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
