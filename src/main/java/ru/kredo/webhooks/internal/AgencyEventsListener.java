package ru.kredo.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.collections.DisputeOpened;
import ru.kredo.collections.DisputeResolved;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.MessagePosted;
import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.docrequests.DocumentRequested;
import ru.kredo.plans.PlanBroken;
import ru.kredo.plans.PlanCompleted;
import ru.kredo.plans.PlanFellBehind;
import ru.kredo.plans.PlanRequested;
import ru.kredo.plans.PlanSigned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookDeliveries.Message;

/**
 * Turns the past-tense events of a collection agency's work into webhook messages for its enabled endpoints
 * ({@code docs/webhooks.md}): a message in a conversation ({@code conversation.message_created}), a dispute opened
 * and resolved, a document requested ({@code document_request.created}), a restructuring plan requested, signed,
 * behind, broken and completed ({@code plan.*}). Each runs after its event's commit, through the event publication registry (a crash in between
 * loses nothing), and an event is one message whose id it names: a listener that runs twice queues nothing twice.
 * Payloads are thin — ids, codes, times, the debt's contract number — never text, names or phones.
 * <p>
 * Another event is one method: {@link #queue} with its type, the event's own key and its {@code data}, e.g. for a
 * document request ({@link WebhookPayloads#DOCUMENT_REQUEST_CREATED}), annotated {@code @ApplicationModuleListener}:
 *
 * <pre>{@code
 * void on(DocumentRequested requested) {
 *     queue(WebhookPayloads.DOCUMENT_REQUEST_CREATED, requested.tenantId(), requested.requestId().toString(),
 *             () -> Map.of("requestId", requested.requestId(), "contactId", requested.debtorId(),
 *                     "type", requested.type(), "createdAt", requested.createdAt().toString()));
 * }
 * }</pre>
 */
@Component
class AgencyEventsListener {

	private final WebhookDeliveries deliveries;
	private final WebhookPayloads payloads;
	private final Debts debts;
	private final Clock clock;
	private final ru.kredo.plans.Plans plans;
	private final ru.kredo.contacts.Contacts contacts;

	AgencyEventsListener(WebhookDeliveries deliveries, WebhookPayloads payloads, Debts debts, Clock clock,
			ru.kredo.plans.Plans plans, ru.kredo.contacts.Contacts contacts) {
		this.contacts = contacts;
		this.plans = plans;
		this.deliveries = deliveries;
		this.payloads = payloads;
		this.debts = debts;
		this.clock = clock;
	}

	/** A message from the debtor or the agency; an internal note never leaves Kredo. */
	@ApplicationModuleListener
	void on(MessagePosted posted) {
		if (posted.author() == Author.NOTE) {
			return;
		}
		queue(WebhookPayloads.CONVERSATION_MESSAGE_CREATED, posted.tenantId(),
				posted.conversationId().value() + ":" + posted.messageId(), () -> {
					Map<String, Object> data = new LinkedHashMap<>();
					data.put("conversationId", posted.conversationId().value());
					data.put("messageId", posted.messageId());
					data.put("contactId", posted.contactId().value());
					data.put("authorKind", posted.author() == Author.DEBTOR ? "DEBTOR" : "AGENCY");
					data.put("contractNumbers", debts.ofContact(posted.tenantId(), posted.contactId()).stream()
						.map(Debt::contractNumber).toList());
					data.put("createdAt", String.valueOf(posted.at()));
					return data;
				});
	}

	@ApplicationModuleListener
	void on(DisputeOpened opened) {
		queue(WebhookPayloads.DISPUTE_OPENED, opened.tenantId(), opened.disputeId().toString(), () -> {
			Map<String, Object> data = dispute(opened.disputeId(), opened.debtId().value(), opened.debtorId().value(),
					opened.contractNumber());
			data.put("reason", opened.reason());
			data.put("openedAt", opened.openedAt().toString());
			return data;
		});
	}

	@ApplicationModuleListener
	void on(DisputeResolved resolved) {
		queue(WebhookPayloads.DISPUTE_RESOLVED, resolved.tenantId(), resolved.disputeId().toString(), () -> {
			Map<String, Object> data = dispute(resolved.disputeId(), resolved.debtId().value(),
					resolved.debtorId().value(), resolved.contractNumber());
			data.put("outcome", resolved.outcome());
			data.put("resolvedAt", resolved.resolvedAt().toString());
			return data;
		});
	}

	/** A debtor's request for a document: the type and who asked; his comment stays in Kredo (read it by the API). */
	@ApplicationModuleListener
	void on(DocumentRequested requested) {
		queue(WebhookPayloads.DOCUMENT_REQUEST_CREATED, requested.tenantId(), requested.requestId().toString(), () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("requestId", requested.requestId());
			data.put("contactId", requested.debtorId().value());
			data.put("type", requested.type().name());
			data.put("createdAt", requested.createdAt().toString());
			return data;
		});
	}

	/** A plan requested (by the debtor or on his behalf): where it went, in the inbox or awaiting his signature. */
	@ApplicationModuleListener
	void on(PlanRequested requested) {
		queue(WebhookPayloads.PLAN_REQUESTED, requested.tenantId(), requested.planId().toString(), () -> {
			Map<String, Object> data = plan(requested.tenantId(), requested.planId(), requested.debtId(),
					requested.debtorId());
			data.put("status", requested.status().name());
			data.put("requestedAt", requested.at().toString());
			return data;
		});
	}

	@ApplicationModuleListener
	void on(PlanSigned signed) {
		queue(WebhookPayloads.PLAN_SIGNED, signed.tenantId(), signed.planId().toString(), () -> {
			Map<String, Object> data = plan(signed.tenantId(), signed.planId(), signed.debtId(), signed.debtorId());
			data.put("signedAt", signed.at().toString());
			return data;
		});
	}

	/** A plan fell behind; it may do so again after catching up, each time since another day: one message each. */
	@ApplicationModuleListener
	void on(PlanFellBehind behind) {
		queue(WebhookPayloads.PLAN_BEHIND, behind.tenantId(), behind.planId() + ":" + behind.behindSince(), () -> {
			Map<String, Object> data = plan(behind.tenantId(), behind.planId(), behind.debtId(), behind.debtorId());
			data.put("behindSince", String.valueOf(behind.behindSince()));
			data.put("at", behind.at().toString());
			return data;
		});
	}

	/** A plan broken: why (MISSED, BY_AGENCY, DEBT_WRITTEN_OFF); the agency's reason stays in Kredo. */
	@ApplicationModuleListener
	void on(PlanBroken broken) {
		queue(WebhookPayloads.PLAN_BROKEN, broken.tenantId(), broken.planId().toString(), () -> {
			Map<String, Object> data = plan(broken.tenantId(), broken.planId(), broken.debtId(), broken.debtorId());
			data.put("ending", broken.ending() == null ? null : broken.ending().name());
			data.put("brokenAt", broken.at().toString());
			return data;
		});
	}

	@ApplicationModuleListener
	void on(PlanCompleted completed) {
		queue(WebhookPayloads.PLAN_COMPLETED, completed.tenantId(), completed.planId().toString(), () -> {
			Map<String, Object> data = plan(completed.tenantId(), completed.planId(), completed.debtId(),
					completed.debtorId());
			data.put("completedAt", completed.at().toString());
			return data;
		});
	}

	private Map<String, Object> plan(TenantId tenant, Object planId, DebtId debtId, ContactId debtorId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("planId", planId);
		data.put("debtId", debtId.value());
		data.put("contactId", debtorId == null ? null : debtorId.value());
		data.put("contractNumber", debts.get(tenant, debtId).contractNumber());
		// Added within version 1 (docs/webhooks.md): whether the plan is of a discounted sum, and what its completion
		// forgives ("0.00" for a plan of the whole balance). Fixed once it is signed.
		if (planId instanceof java.util.UUID id) {
			try {
				ru.kredo.plans.Plan plan = plans.get(tenant, id);
				data.put("discounted", plan.isDiscounted());
				data.put("forgivenOnCompletion", plan.forgiven().roubles().toPlainString());
			}
			catch (ru.kredo.platform.NotFound gone) {
				// Nothing to add about a plan no longer there.
			}
		}
		return data;
	}

	private static Map<String, Object> dispute(Object disputeId, Object debtId, Object contactId, String contractNumber) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("disputeId", disputeId);
		data.put("debtId", debtId);
		data.put("contactId", contactId);
		data.put("contractNumber", contractNumber);
		return data;
	}

	/**
	 * One message of {@code type} for each enabled endpoint of the tenant, its id made from {@code key} (the event's
	 * own id); the data is read only when someone listens.
	 */
	private void queue(String type, TenantId tenant, String key, java.util.function.Supplier<Map<String, Object>> data) {
		Set<TenantId> listening = deliveries.listening(type, List.of(tenant));
		if (listening.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		deliveries.enqueue(type, List.of(new Message(tenant, WebhookPayloads.messageId(type, key),
				payloads.event(type, now, withExternalId(tenant, data.get())))));
	}

	/**
	 * Every payload that names a person ({@code contactId}) names him as the tenant's own system does too:
	 * {@code externalId} right after {@code contactId}, {@code null} when the tenant gave none (issue 15).
	 */
	private Map<String, Object> withExternalId(TenantId tenant, Map<String, Object> data) {
		return withDebtExternalId(tenant, withContactExternalId(tenant, data));
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
		String externalId = null;
		if (debt != null) {
			externalId = debts.externalId(tenant, new DebtId(java.util.UUID.fromString(debt.toString())));
		}
		Map<String, Object> named = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : data.entrySet()) {
			named.put(entry.getKey(), entry.getValue());
			if (entry.getKey().equals("debtId")) {
				named.put("debtExternalId", externalId);
			}
		}
		return named;
	}

	private Map<String, Object> withContactExternalId(TenantId tenant, Map<String, Object> data) {
		if (!data.containsKey("contactId")) {
			return data;
		}
		Object contact = data.get("contactId");
		String externalId = null;
		if (contact != null) {
			try {
				externalId = contacts.externalId(tenant, new ContactId(java.util.UUID.fromString(contact.toString())));
			}
			catch (ru.kredo.platform.NotFound gone) {
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
}
