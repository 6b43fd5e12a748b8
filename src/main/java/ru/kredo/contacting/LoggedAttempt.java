package ru.kredo.contacting;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.privacy.Sealed;

/**
 * One row of a debtor's contact log ({@code contact_attempts}), whoever wrote it: the gate's messages and the
 * operators' calls alike. {@code state} is one of SENT, HELD, REFUSED, DROPPED, FAILED (message key
 * {@code contact.state.<state>}); the address and text stay sealed until someone who may see them opens them
 * ({@link ContactHistory#text}). {@code recipient} says whether it went to the debtor or to his representative.
 */
public record LoggedAttempt(UUID id, DebtId debt, Channel channel, Initiative initiative, String state, Reason reason,
		boolean counted, String purpose, Sealed address, Sealed body, Instant dueAt, Instant sentAt,
		CallOutcome outcome, String actor, Instant createdAt, Recipient recipient) {
}
