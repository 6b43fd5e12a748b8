package ru.kredo.audit;

import java.time.Instant;

/**
 * What the audit page and its export look for; every part optional. {@code actor} matches the actor's id
 * ({@code user:…}, {@code api-key:…}) exactly or a part of his name in any case; {@code subject} is the id of the
 * object acted on (a contact's, a watch's…) or of the person an entry is about: a contact's id finds the entries on
 * his conversation, requests, statements, plans, debts… too; {@code from} inclusive, {@code until} exclusive.
 */
public record AuditQuery(String actor, AuditAction action, Instant from, Instant until, String subject) {

	public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

	public AuditQuery {
		actor = actor == null || actor.isBlank() ? null : actor.strip();
		subject = subject == null || subject.isBlank() ? null : subject.strip();
	}
}
