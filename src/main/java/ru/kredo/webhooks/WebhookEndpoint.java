package ru.kredo.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import ru.kredo.tenancy.TenantId;

/**
 * Where a tenant's CRM receives webhooks.
 *
 * @param disabledReason why it is disabled; {@code null} while enabled
 * @param failingSince the first failed attempt since the last success; {@code null} while it works
 * @param health how its deliveries' attempts went: the state the admin sees
 * @param eventTypes the event types it receives; empty: every type, including types added later
 * @param previousSecretUntil until when requests are signed with the secret before the last rotation too;
 *        {@code null} when there is no such overlap
 */
public record WebhookEndpoint(WebhookEndpointId id, TenantId tenantId, URI url, String description,
		WebhookSecret secret, boolean enabled, DisabledReason disabledReason, Instant disabledAt, Instant failingSince,
		Instant createdAt, EndpointHealth health, List<String> eventTypes, Instant previousSecretUntil) {

	public WebhookEndpoint {
		eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
	}

	public boolean disabledForFailing() {
		return !enabled && disabledReason == DisabledReason.FAILING;
	}

	/** Whether a message of this type is queued for it (while it is enabled). */
	public boolean receives(String eventType) {
		return eventTypes.isEmpty() || eventTypes.contains(eventType);
	}

	/** Whether the secret before the last rotation still signs requests at {@code now}. */
	public boolean inSecretOverlap(Instant now) {
		return previousSecretUntil != null && previousSecretUntil.isAfter(now);
	}
}
