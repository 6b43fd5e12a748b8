package ru.kredo.collections;

import java.util.Objects;
import java.util.UUID;

/** Identifies a debt. */
public record DebtId(UUID value) {

	public DebtId {
		Objects.requireNonNull(value, "debt id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
