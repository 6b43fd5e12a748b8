package ru.kredo.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalRaised;
import ru.kredo.webhooks.WebhookEndpointId;

/**
 * The JSON bodies Kredo sends, version 1 (documented in {@code docs/webhooks.md}): an envelope of {@code type},
 * {@code version}, {@code timestamp} and {@code data}. New fields may be added within a version; removing or
 * changing one makes version 2. Personal data is kept to the contact's name and ids.
 */
@Component
public class WebhookPayloads {

	public static final String SIGNAL_RAISED = "signal.raised";
	public static final String TEST = "webhook.test";
	public static final String CONVERSATION_MESSAGE_CREATED = "conversation.message_created";
	public static final String DISPUTE_OPENED = "dispute.opened";
	public static final String DISPUTE_RESOLVED = "dispute.resolved";
	/** Issue 12's document requests: named here so that the lead wires it with one listener method at merge. */
	public static final String DOCUMENT_REQUEST_CREATED = "document_request.created";
	/** Issue 13's restructuring plans: requested, signed, behind, broken, completed. */
	public static final String PLAN_REQUESTED = "plan.requested";
	public static final String PLAN_SIGNED = "plan.signed";
	public static final String PLAN_BEHIND = "plan.behind";
	public static final String PLAN_BROKEN = "plan.broken";
	public static final String PLAN_COMPLETED = "plan.completed";
	/** Issue 15: a signal raised earlier and still open folded more events (its count grew); the same data. */
	public static final String SIGNAL_FOLDED = "signal.folded";
	/** Issue 15: a manager recorded how working a signal ended. */
	public static final String SIGNAL_OUTCOME_RECORDED = "signal.outcome_recorded";
	/** Issue 15: an upload of a contact file into a list ended. */
	public static final String LIST_IMPORT_FINISHED = "list_import.finished";
	/** Issue 15: an agency's money arrived on a debt (through the provider or recorded as received outside). */
	public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
	/** Issue 15: a debtor signed a settlement (a debt's offer). */
	public static final String OFFER_SIGNED = "offer.signed";
	/** Issue 15: a debt closed: paid, settled (the rest forgiven) or written off. */
	public static final String DEBT_CLOSED = "debt.closed";
	static final int VERSION = 1;

	/**
	 * Every type an endpoint may choose to receive (its event filter, {@code docs/webhooks.md}); {@link #TEST} is not
	 * among them, as it is sent only when asked for. A new type is added here with its constant.
	 */
	public static final List<String> EVENT_TYPES = List.of(SIGNAL_RAISED, SIGNAL_FOLDED, SIGNAL_OUTCOME_RECORDED,
			LIST_IMPORT_FINISHED, CONVERSATION_MESSAGE_CREATED, DISPUTE_OPENED, DISPUTE_RESOLVED,
			DOCUMENT_REQUEST_CREATED, PLAN_REQUESTED, PLAN_SIGNED, PLAN_BEHIND, PLAN_BROKEN, PLAN_COMPLETED,
			PAYMENT_SUCCEEDED, OFFER_SIGNED, DEBT_CLOSED);

	private final JsonMapper json;

	WebhookPayloads(JsonMapper json) {
		this.json = json;
	}

	public String signalRaised(SignalRaised event, Instant now) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("signalId", event.signalId());
		data.put("watchId", event.watchId());
		data.put("contactId", event.contactId());
		data.put("contactName", event.contactName());
		// The person as the tenant's own system knows him (its row id), so that a CRM finds its record at once.
		data.put("externalId", event.externalId());
		data.put("segment", event.segment());
		data.put("eventType", event.eventType());
		data.put("priority", event.priority());
		// A bankruptcy's priority says how soon to heed it, never that someone should call: the CRM is told outright.
		data.put("stopContact", event.eventType() == Signal.STOP_CONTACT);
		data.put("title", event.title());
		data.put("count", event.count());
		data.put("occurredAt", String.valueOf(event.occurredAt()));
		data.put("listId", event.listId());
		data.put("listName", event.listName());
		return envelope(typeOf(event), now, data);
	}

	/**
	 * {@code signal.raised} for a signal raised now, {@code signal.folded} for one open before whose count a batch's
	 * events grew: the same data, so one handler reads both.
	 */
	public static String typeOf(SignalRaised event) {
		return event.folded() ? SIGNAL_FOLDED : SIGNAL_RAISED;
	}

	/**
	 * The body of an event of an agency's work ({@link AgencyEventsListener}): {@code data} is ids, codes and times
	 * only — never a message's text, a name or a phone, which leave Kredo only when the integrator asks with its key.
	 */
	public String event(String type, Instant now, Map<String, Object> data) {
		return envelope(type, now, data);
	}

	/** The same event is the same message however many times a listener sees it: {@code key} names the event. */
	public static String messageId(String type, String key) {
		return "msg_" + UUID.nameUUIDFromBytes((type + ":" + key).getBytes(StandardCharsets.UTF_8)).toString()
			.replace("-", "");
	}

	public String test(WebhookEndpointId endpoint, Instant now) {
		return envelope(TEST, now, Map.of("endpointId", endpoint.value()));
	}

	/**
	 * The same signal at the same count is the same message, whichever time the listener sees it; a signal that
	 * folded one more event is a new message ({@code signal.folded}).
	 */
	public static String messageId(SignalRaised event) {
		String key = typeOf(event) + ":" + event.signalId() + ":" + event.count();
		return "msg_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	public static String newMessageId() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	private String envelope(String type, Instant now, Map<String, Object> data) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("version", VERSION);
		body.put("timestamp", now.toString());
		body.put("data", data);
		return json.writeValueAsString(body);
	}
}
