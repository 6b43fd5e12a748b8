package ru.kredo.contacting;

/**
 * To whom a message went ({@code contact_attempts.recipient}; message key {@code contact.recipient.<name>}): the debtor
 * himself, or — while a confirmed representative's statement stands (ст. 8 230-ФЗ) — his representative, at the
 * address the statement gives. docs/contact-rules.md «The representative».
 */
public enum Recipient {
	DEBTOR,
	REPRESENTATIVE
}
