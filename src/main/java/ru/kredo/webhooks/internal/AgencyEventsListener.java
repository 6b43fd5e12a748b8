package ru.kredo.webhooks.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtClosed;
import ru.kredo.collections.OfferSigned;
import ru.kredo.money.Money;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.payments.Payments;
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

/**
 * Turns the past-tense events of a collection agency's work into webhook messages for its enabled endpoints
 * ({@code docs/webhooks.md}): a message in a conversation ({@code conversation.message_created}), a dispute opened
 * and resolved, a document requested ({@code document_request.created}), a restructuring plan requested, signed,
 * behind, broken and completed ({@code plan.*}), a payment that succeeded, a settlement signed and a debt closed
 * ({@code payment.succeeded}, {@code offer.signed}, {@code debt.closed}, issue 15). Each runs after its event's commit, through the event publication registry (a crash in between
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

	private final EventMessages messages;
	private final Debts debts;
	private final ru.kredo.plans.Plans plans;
	private final Payments payments;

	AgencyEventsListener(EventMessages messages, Debts debts, ru.kredo.plans.Plans plans, Payments payments) {
		this.messages = messages;
		this.plans = plans;
		this.debts = debts;
		this.payments = payments;
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

	/**
	 * Money arrived on a debt: through the provider (one message per debt a combined payment pays), or received by the
	 * agency outside Kredo and recorded ({@code method} {@code OUTSIDE}). The balance is the debt's as read right
	 * after the payment's commit.
	 */
	@ApplicationModuleListener
	void on(PaymentSucceeded paid) {
		queue(WebhookPayloads.PAYMENT_SUCCEEDED, paid.tenantId(), paid.paymentId().value() + ":" + paid.debtId(), () -> {
			Debt debt;
			try {
				debt = debts.get(paid.tenantId(), new DebtId(paid.debtId()));
			}
			catch (ru.kredo.platform.NotFound gone) {
				// Not the tenant's debt (collections logged it and did not apply the payment): nothing to tell.
				return null;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("paymentId", paid.paymentId().value());
			data.put("debtId", paid.debtId());
			data.put("contactId", debt.contactId() == null ? null : debt.contactId().value());
			data.put("contractNumber", debt.contractNumber());
			data.put("amount", money(paid.amount()));
			data.put("method", method(paid));
			data.put("paidAt", paid.succeededAt().toString());
			data.put("balanceAfter", money(debt.total()));
			data.put("debtStatus", debt.status().name());
			return data;
		});
	}

	/** A debtor signed a settlement: what he undertook to pay, in which parts by which dates, and what it forgives. */
	@ApplicationModuleListener
	void on(OfferSigned signed) {
		queue(WebhookPayloads.OFFER_SIGNED, signed.tenantId(), signed.offerId() + ":" + signed.signedAt(), () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("offerId", signed.offerId());
			data.put("debtId", signed.debtId().value());
			data.put("contactId", signed.debtorId() == null ? null : signed.debtorId().value());
			data.put("contractNumber", signed.contractNumber());
			data.put("discountPercent", signed.discountPercent());
			data.put("fullAmount", money(signed.fullAmount()));
			data.put("sum", money(signed.sum()));
			data.put("forgivenOnPayment", money(signed.fullAmount().minus(signed.sum())));
			data.put("parts", signed.schedule().stream().map(part -> {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("number", part.number());
				one.put("dueOn", part.dueOn().toString());
				one.put("amount", money(part.amount()));
				return one;
			}).toList());
			data.put("signedAt", signed.signedAt().toString());
			return data;
		});
	}

	/**
	 * A debt closed: how ({@code PAID}, {@code SETTLED} with the rest forgiven, {@code WRITTEN_OFF}), and what was
	 * paid, forgiven and written off, apart.
	 */
	@ApplicationModuleListener
	void on(DebtClosed closed) {
		queue(WebhookPayloads.DEBT_CLOSED, closed.tenantId(), closed.debtId().value() + ":" + closed.closedOn(), () -> {
			Debt debt = debts.get(closed.tenantId(), closed.debtId());
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("debtId", closed.debtId().value());
			data.put("contactId", closed.debtorId() == null ? null : closed.debtorId().value());
			data.put("contractNumber", debt.contractNumber());
			data.put("closedAs", closed.closedAs().name());
			data.put("closedOn", closed.closedOn().toString());
			data.put("originalTotal", money(debt.originalTotal()));
			data.put("paid", money(debt.repaid()));
			data.put("forgiven", money(debt.forgiven()));
			// Written off, the balance is not repaid but no longer claimed; a paid or settled debt has none left.
			data.put("writtenOff", money(closed.closedAs() == ClosedAs.WRITTEN_OFF ? debt.total() : Money.ZERO));
			return data;
		});
	}

	private String method(PaymentSucceeded paid) {
		if (paid.outside()) {
			return PaymentMethod.OUTSIDE.name();
		}
		try {
			return payments.get(paid.tenantId(), paid.paymentId()).method().name();
		}
		catch (ru.kredo.platform.NotFound gone) {
			return null;
		}
	}

	private static String money(Money amount) {
		return amount.roubles().toPlainString();
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

	private void queue(String type, TenantId tenant, String key, java.util.function.Supplier<Map<String, Object>> data) {
		messages.queue(type, tenant, key, data);
	}
}
