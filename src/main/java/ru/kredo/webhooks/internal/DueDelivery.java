package ru.kredo.webhooks.internal;

import java.util.UUID;

import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.WebhookEndpointId;
import ru.kredo.webhooks.WebhookSecret;

/** A delivery the dispatcher has claimed, with what it needs to send it. */
record DueDelivery(UUID id, TenantId tenantId, WebhookEndpointId endpointId, String url, WebhookSecret secret,
		String messageId, String payload, int roundAttempts) {
}
