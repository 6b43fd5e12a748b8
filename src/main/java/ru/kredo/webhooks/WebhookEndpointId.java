package ru.kredo.webhooks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a webhook endpoint. */
public record WebhookEndpointId(UUID value) {

	public WebhookEndpointId {
		Objects.requireNonNull(value, "webhook endpoint id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
