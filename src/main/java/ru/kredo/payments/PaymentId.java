package ru.kredo.payments;

import java.util.Objects;
import java.util.UUID;

/** Identifies a payment; also the idempotence key Kredo gives the provider for it. */
public record PaymentId(UUID value) {

	public PaymentId {
		Objects.requireNonNull(value, "payment id");
	}

	public static PaymentId random() {
		return new PaymentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
