package ru.kredo.contacting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import ru.kredo.tenancy.TenantId;

/**
 * The agency's wording for one batch of messages (a run of the held messages' queue, a round of invitations, a run of
 * plan reminders): the name and phone its texts must give (137-ФЗ), its registered SMS sender and its templates,
 * each read at most once a tenant for the whole batch, when first needed, instead of once a message. Made by
 * {@link Contacting#batch()} and dropped with the batch: nothing is kept across batches, so a change of the agency's
 * texts or requisites shows in the next batch on any node (docs/contact-rules.md «Statements a message»). One batch,
 * one thread.
 */
public final class AgencyWordings {

	private final ContactTemplates templates;
	private final Map<TenantId, String> names = new HashMap<>();
	private final Map<TenantId, Optional<String>> phones = new HashMap<>();
	private final Map<TenantId, Optional<String>> senders = new HashMap<>();
	private final Map<TenantId, Map<MessageTemplate, String>> texts = new HashMap<>();

	AgencyWordings(ContactTemplates templates) {
		this.templates = templates;
	}

	/** The name the agency's texts name it by ({@link ContactTemplates#agencyName}). */
	public String name(TenantId tenant) {
		return names.computeIfAbsent(tenant, templates::agencyName);
	}

	/** The phone the agency's texts give ({@link ContactTemplates#phone}). */
	public Optional<String> phone(TenantId tenant) {
		return phones.computeIfAbsent(tenant, templates::phone);
	}

	/** The agency's registered SMS sender name ({@link ContactTemplates#sender}). */
	public Optional<String> sender(TenantId tenant) {
		return senders.computeIfAbsent(tenant, templates::sender);
	}

	/** One of the agency's templates as it reads now (its own, else the default); all of them read in one statement. */
	public String text(TenantId tenant, MessageTemplate template) {
		return texts.computeIfAbsent(tenant, templates::all).get(template);
	}
}
