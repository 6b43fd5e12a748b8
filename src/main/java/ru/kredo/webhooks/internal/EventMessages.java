package ru.kredo.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookDeliveries.Message;

/**
 * Queues one event's message for the tenant's endpoints that receive its type: the listeners of single events
 * ({@link AgencyEventsListener}, {@link TenantEventsListener}) share it. The data is built only when someone listens,
 * and a payload that names a person ({@code contactId}) also names him as the tenant's own system does
 * ({@code externalId}), and one that names a debt ({@code debtId}) names it as the registry did ({@code debtExternalId}).
 */
@Component
class EventMessages {

	private final WebhookDeliveries deliveries;
	private final WebhookPayloads payloads;
	private final Contacts contacts;
	private final Debts debts;
	private final Clock clock;

	EventMessages(WebhookDeliveries deliveries, WebhookPayloads payloads, Contacts contacts, Debts debts, Clock clock) {
		this.deliveries = deliveries;
		this.payloads = payloads;
		this.contacts = contacts;
		this.debts = debts;
		this.clock = clock;
	}

	/**
	 * One message of {@code type} for each enabled endpoint of the tenant that receives it, its id made from
	 * {@code key} (the event's own id); the data is read only when someone listens, and {@code null} data (what the
	 * event names is gone) queues nothing.
	 */
	void queue(String type, TenantId tenant, String key, Supplier<Map<String, Object>> data) {
		Set<TenantId> listening = deliveries.listening(type, List.of(tenant));
		if (listening.isEmpty()) {
			return;
		}
		Map<String, Object> read = data.get();
		if (read == null) {
			return;
		}
		Instant now = clock.instant();
		deliveries.enqueue(type, List.of(new Message(tenant, WebhookPayloads.messageId(type, key),
				payloads.event(type, now, withDebtExternalId(tenant, withExternalId(tenant, read))), recordKey(read, key))));
	}

	/**
	 * The key of the message's record on the tenant's signals topic (docs/webhooks.md, «Kafka»): the signal's id for a
	 * signal's events, so that they stay in order with its {@code signal.raised}; else the person's, else the event's.
	 */
	private static String recordKey(Map<String, Object> data, String key) {
		for (String field : List.of("signalId", "contactId")) {
			if (data.get(field) != null) {
				return data.get(field).toString();
			}
		}
		return key;
	}

	/**
	 * Every payload that names a person ({@code contactId}) names him as the tenant's own system does too:
	 * {@code externalId} right after {@code contactId}, {@code null} when the tenant gave none (issue 15). One query
	 * per message, as each of these events is one message; a batch of signals carries the id in its events already.
	 */
	private Map<String, Object> withExternalId(TenantId tenant, Map<String, Object> data) {
		if (!data.containsKey("contactId")) {
			return data;
		}
		Object contact = data.get("contactId");
		String externalId = null;
		if (contact != null) {
			try {
				externalId = contacts.externalId(tenant, new ContactId(UUID.fromString(contact.toString())));
			}
			catch (NotFound gone) {
				externalId = null;
			}
		}
		Map<String, Object> named = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : data.entrySet()) {
			named.put(entry.getKey(), entry.getValue());
			if (entry.getKey().equals("contactId")) {
				named.put("externalId", externalId);
			}
		}
		return named;
	}

	/**
	 * Every payload that names a debt ({@code debtId}) names it as the registry did too: {@code debtExternalId} right
	 * after {@code debtId}, {@code null} when the registry gave none (issue 15). Not {@code externalId}, which is the
	 * person's in the same payload.
	 */
	private Map<String, Object> withDebtExternalId(TenantId tenant, Map<String, Object> data) {
		if (!data.containsKey("debtId")) {
			return data;
		}
		Object debt = data.get("debtId");
		String externalId = debt == null ? null : debts.externalId(tenant, new DebtId(UUID.fromString(debt.toString())));
		Map<String, Object> named = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : data.entrySet()) {
			named.put(entry.getKey(), entry.getValue());
			if (entry.getKey().equals("debtId")) {
				named.put("debtExternalId", externalId);
			}
		}
		return named;
	}
}
