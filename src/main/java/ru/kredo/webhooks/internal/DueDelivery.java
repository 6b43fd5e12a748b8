package ru.kredo.webhooks.internal;

import java.util.UUID;

import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.WebhookEndpointId;
import ru.kredo.webhooks.WebhookSecret;

/**
 * A delivery the dispatcher has claimed, with what it needs to send it.
 *
 * @param previousSecret the secret before the last rotation while its overlap window lasts; {@code null} otherwise
 */
record DueDelivery(UUID id, TenantId tenantId, WebhookEndpointId endpointId, String url, WebhookSecret secret,
		WebhookSecret previousSecret, String messageId, String payload, int roundAttempts) {
}
