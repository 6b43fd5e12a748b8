package ru.kredo.contacting;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;

/**
 * An operator's call as the log keeps it: to whom, about which debt ({@code null}: the debtor as a whole), the number
 * dialled, who called and when, and its outcome once recorded (with its note, opened). {@code recipient}: the debtor,
 * or his representative in force, whose phone was dialled instead (ст. 8 230-ФЗ).
 */
public record Call(UUID id, ContactId debtor, DebtId debt, PhoneNumber phone, String actor, Instant at,
		CallOutcome outcome, Instant outcomeAt, String note, Recipient recipient) {

	public boolean hasOutcome() {
		return outcome != null;
	}
}
