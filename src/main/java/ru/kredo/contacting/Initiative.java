package ru.kredo.contacting;

/**
 * Whose initiative a contact is. ст. 7 230-ФЗ limits interaction «по инициативе кредитора»; what the debtor asked for
 * himself is not a collection contact. docs/contact-rules.md says exactly what is exempt and why.
 */
public enum Initiative {

	/** The agency's own contact about the debt (a reminder, an invitation, an operator's call): every rule applies. */
	COLLECTION,
	/**
	 * A code the debtor himself requested at that moment (to sign in, to sign an agreement): sent at once, whatever the
	 * hour, the limits or a bar, and not counted; logged as exempt. He is at his screen waiting for it.
	 */
	REQUESTED_CODE,
	/**
	 * Telling the debtor that the agency answered in a conversation he started (his chat message, his document
	 * request): not counted against the limits and not stopped by a bar (he asked), but held to his local hours —
	 * nobody needs a text at three in the morning.
	 */
	REPLY
}
