package ru.kredo.webhooks;

import java.net.URI;
import java.time.Instant;

import ru.kredo.tenancy.TenantId;

/**
 * Where a tenant's CRM receives webhooks.
 *
 * @param disabledReason why it is disabled; {@code null} while enabled
 * @param failingSince the first failed attempt since the last success; {@code null} while it works
 */
public record WebhookEndpoint(WebhookEndpointId id, TenantId tenantId, URI url, String description,
		WebhookSecret secret, boolean enabled, DisabledReason disabledReason, Instant disabledAt, Instant failingSince,
		Instant createdAt) {

	public boolean disabledForFailing() {
		return !enabled && disabledReason == DisabledReason.FAILING;
	}
}
