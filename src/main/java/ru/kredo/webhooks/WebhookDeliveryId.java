package ru.kredo.webhooks;

import java.util.Objects;
import java.util.UUID;

/** Identifies one delivery: one message to one endpoint. */
public record WebhookDeliveryId(UUID value) {

	public WebhookDeliveryId {
		Objects.requireNonNull(value, "webhook delivery id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
