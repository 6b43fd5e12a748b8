package ru.kredo.webhooks;

import java.time.Instant;
import java.util.List;

import ru.kredo.tenancy.TenantId;

/**
 * One message to one endpoint, with its attempts (oldest first). The {@code messageId} is the {@code webhook-id}
 * header: the same on every retry and re-delivery, so the receiver can drop duplicates.
 */
public record WebhookDelivery(WebhookDeliveryId id, TenantId tenantId, WebhookEndpointId endpointId,
		String messageId, String eventType, String payload, DeliveryStatus status, Instant nextAttemptAt,
		Instant createdAt, Instant deliveredAt, List<WebhookAttempt> attempts) {

	public WebhookDelivery {
		attempts = List.copyOf(attempts);
	}

	/** Tried and failed, to be tried again at {@code nextAttemptAt}: failing, not merely queued. */
	public boolean retrying() {
		return status == DeliveryStatus.PENDING && !attempts.isEmpty() && !lastAttempt().succeeded();
	}

	/** What the delivery log says: {@code PENDING}, {@code RETRYING}, {@code DELIVERED} or {@code FAILED}. */
	public String shownStatus() {
		return retrying() ? "RETRYING" : status.name();
	}

	public WebhookAttempt lastAttempt() {
		return attempts.isEmpty() ? null : attempts.getLast();
	}
}
