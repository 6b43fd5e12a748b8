package ru.kredo.audit;

import ru.kredo.tenancy.Actor;

/**
 * Who did it, for the log: a stable id ({@code user:<id>}, {@code api-key:<id>}, {@code cli}) and the name people
 * read. Neither is personal data of the people Kredo watches.
 */
public record AuditActor(String id, String name) {

	public static final AuditActor COMMAND_LINE = new AuditActor("cli", "Командная строка");

	public static AuditActor of(Actor actor) {
		return new AuditActor(actor.auditName(), actor.displayName());
	}
}
