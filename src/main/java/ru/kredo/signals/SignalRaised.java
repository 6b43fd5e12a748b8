package ru.kredo.signals;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.tenancy.TenantId;

/**
 * A credit event raised a new signal for a tenant, or folded into an open one (then {@code count} has grown). Carries
 * what a CRM needs to act without calling back: who, why, how urgent, and what to do. Travels in
 * {@link SignalsRaised}, one per batch of events.
 *
 * @param priority 1 (act today) to 5 (for information)
 * @param title the signal's wording in Russian, with the action to take
 * @param count how many events the signal has folded so far
 * @param externalId the id of the person's row in the tenant's own system (his contact's), or {@code null}
 * @param folded the signal was open before this batch and its events folded into it ({@code count} grew); {@code false}
 *        for a signal this batch raised, even one that folded several of the batch's events at once
 */
public record SignalRaised(TenantId tenantId, UUID signalId, UUID watchId, UUID contactId, String contactName,
		Segment segment, CreditEventType eventType, int priority, String title, int count, Instant occurredAt,
		UUID listId, String listName, String externalId, boolean folded) {

	/** A signal raised now (not folded into one open before). */
	public SignalRaised(TenantId tenantId, UUID signalId, UUID watchId, UUID contactId, String contactName,
			Segment segment, CreditEventType eventType, int priority, String title, int count, Instant occurredAt,
			UUID listId, String listName, String externalId) {
		this(tenantId, signalId, watchId, contactId, contactName, segment, eventType, priority, title, count,
				occurredAt, listId, listName, externalId, false);
	}

	/** A signal of a person with no external id. */
	public SignalRaised(TenantId tenantId, UUID signalId, UUID watchId, UUID contactId, String contactName,
			Segment segment, CreditEventType eventType, int priority, String title, int count, Instant occurredAt,
			UUID listId, String listName) {
		this(tenantId, signalId, watchId, contactId, contactName, segment, eventType, priority, title, count,
				occurredAt, listId, listName, null);
	}
}
