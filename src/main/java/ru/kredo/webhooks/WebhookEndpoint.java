package ru.kredo.webhooks;

import java.net.URI;
import java.time.Instant;

import ru.kredo.tenancy.TenantId;

/**
 * Where a tenant's CRM receives webhooks.
 *
 * @param disabledReason why it is disabled; {@code null} while enabled
 * @param failingSince the first failed attempt since the last success; {@code null} while it works
 * @param health how its deliveries' attempts went: the state the admin sees
 */
public record WebhookEndpoint(WebhookEndpointId id, TenantId tenantId, URI url, String description,
		WebhookSecret secret, boolean enabled, DisabledReason disabledReason, Instant disabledAt, Instant failingSince,
		Instant createdAt, EndpointHealth health) {

	public boolean disabledForFailing() {
		return !enabled && disabledReason == DisabledReason.FAILING;
	}
}
