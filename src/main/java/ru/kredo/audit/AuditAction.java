package ru.kredo.audit;

/** What the audit log records. */
public enum AuditAction {
	SIGNED_IN,
	PERSONAL_DATA_VIEWED,
	EXPORTED,
	USER_CREATED,
	USER_CHANGED,
	API_KEY_ISSUED,
	API_KEY_REVOKED,
	TENANT_CREATED,
	WATCH_ADDED,
	WATCH_STOPPED,
	SIGNAL_CLOSED,
	SIGNAL_PRIORITY_CHANGED,
	WEBHOOK_ENDPOINT_ADDED,
	WEBHOOK_ENDPOINT_CHANGED,
	WEBHOOK_ENDPOINT_DISABLED,
	WEBHOOK_REDELIVERED,
	WEBHOOK_ENDPOINT_DELETED,
	LIST_IMPORTED,
	PORTFOLIO_IMPORTED,
	DISPUTE_OPENED,
	DISPUTE_RESOLVED,
	DOCUMENT_REQUESTED,
	DOCUMENT_REQUEST_ANSWERED,
	DOCUMENT_REQUEST_DECLINED,
	DOCUMENT_SENT,
	OFFER_MADE,
	PLAN_POLICY_CHANGED,
	PLAN_POLICY_REMOVED,
	PLAN_REQUESTED,
	PLAN_APPROVED,
	PLAN_PROPOSED,
	PLAN_DECLINED,
	PLAN_PROPOSAL_ACCEPTED,
	PLAN_SIGNED,
	PLAN_FELL_BEHIND,
	PLAN_CAUGHT_UP,
	PLAN_REPAIRED,
	PLAN_PAUSED,
	PLAN_RESUMED,
	PLAN_BROKEN,
	PLAN_COMPLETED,
	TEST_CLOCK_MOVED,
	CONTACT_BAR_MARKED,
	CONTACT_BAR_LIFTED,
	/** A registry lowered the balance of a debt under a plan: its last instalments were cut to what is owed. */
	PLAN_RESHAPED,
	CONTACT_STATEMENT_MADE,
	CONTACT_STATEMENT_CONFIRMED,
	CONTACT_STATEMENT_DECLINED,
	CONTACT_STATEMENT_WITHDRAWN,
	INVITATIONS_SENT,
	/** An operator's call's outcome recorded (issue 14, the card). */
	CONTACT_CALL_RECORDED,
	/** An agency's text to debtors saved in its own wording on «Тексты должникам» (the template named, not its text). */
	CONTACT_TEMPLATE_SAVED,
	/** An agency's text to debtors put back to Kredo's default wording. */
	CONTACT_TEMPLATE_RESET,
	/** The agency's registered SMS sender name set, changed or removed. */
	CONTACT_SENDER_CHANGED,
	/** A bureau's event gave a new phone for an agency's debtor, kept not confirmed (issue 14, the loop). */
	DEBTOR_PHONE_ADDED,
	/** The debtor confirmed a bureau's phone by signing in to the cabinet with it. */
	DEBTOR_PHONE_CONFIRMED,
	/** An operator made a bureau's phone the debtor confirmed his own: the agency's texts and calls go to it. */
	DEBTOR_PHONE_MADE_OWN,
	/** A payment the agency received outside Kredo (bank transfer, cash) recorded on a debt (issue 15, the API). */
	PAYMENT_RECORDED,
	/** The agency's requisites (legal details, e-mail, hours, texts) saved, on the page or by the API (issue 15). */
	REQUISITES_CHANGED,
	/** A discount rule added, on the «Правила скидок» page or by the API (issue 15). */
	OFFER_RULE_ADDED,
	/** A discount rule's terms changed. */
	OFFER_RULE_CHANGED,
	/** A discount rule switched on or off (the detail says which). */
	OFFER_RULE_SWITCHED,
	/** A discount rule that had made no offer deleted. */
	OFFER_RULE_DELETED,
	/** A broker's amoCRM integration keys saved (the subdomain; whether the secret was replaced, never the secret). */
	AMOCRM_KEYS_SAVED,
	/** amoCRM connected (the callback's tokens taken), with whether the outcomes webhook was subscribed. */
	AMOCRM_CONNECTED,
	/** amoCRM disconnected: tokens deleted, the outcomes webhook unsubscribed. */
	AMOCRM_DISCONNECTED,
	/** What a signal becomes in amoCRM chosen (task, note, lead with its pipeline and status). */
	AMOCRM_ACTION_CHOSEN,
	/** A broker's Bitrix24 application keys saved (the portal; whether the secret was replaced, never the secret). */
	BITRIX24_KEYS_SAVED,
	/** Bitrix24 connected (the callback's tokens taken), with whether the outcomes' events were bound. */
	BITRIX24_CONNECTED,
	/** Bitrix24 disconnected: tokens deleted, the outcomes' event handler unbound. */
	BITRIX24_DISCONNECTED,
	/** What a signal becomes in Bitrix24 chosen (task, timeline comment, deal with its pipeline and stage). */
	BITRIX24_ACTION_CHOSEN,
	/** The outcomes' events bound again («Подписаться заново»), with whether Bitrix24 took them. */
	BITRIX24_EVENTS_SUBSCRIBED,
	/** «Сигналы в Kafka» switched on or off (the detail says which), on the «Вебхуки» page or by the API (issue 16). */
	SIGNAL_TOPIC_SWITCHED
}
