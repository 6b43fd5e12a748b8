package ru.kredo.collections;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.internal.DebtorPhones;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.tenancy.TenantId;

/**
 * Phones a bureau gives for an agency's debtor (issue 14, «the loop»): a {@code PERSONAL_DATA_CHANGED} event with a new
 * phone, raised on the agency's watch of him, adds it to his phones as one <em>from the bureau, not confirmed</em>. He
 * may sign in to the cabinet with it (ФИО and that phone): the code texted to it, typed back, confirms it. No
 * collection message goes to any of these phones: the contact gate writes to the contact's own phone only — until an
 * operator makes a confirmed one his own ({@link #makeOwn}). Each step is audited, with ids only (the number is
 * personal data).
 */
@Service
public class BureauPhones {

	/** Who records a bureau's phone: Kredo itself, on the agency's signal. */
	static final AuditActor SYSTEM = new AuditActor("system:collections", "Kredo");

	private final DebtorPhones phones;
	private final Contacts contacts;
	private final AuditLog audit;

	BureauPhones(DebtorPhones phones, Contacts contacts, AuditLog audit) {
		this.phones = phones;
		this.contacts = contacts;
		this.audit = audit;
	}

	/**
	 * An operator makes a bureau's phone of the debtor his own (issue 14): the contact's phone, where the agency's
	 * texts and calls go from now on; the number his contact had stays among his others (he still signs in with it).
	 * Only a phone the debtor <em>confirmed</em> by signing in with it: an unconfirmed one may be a stranger's, and a
	 * text about the debt to a stranger is interaction with a third party without the debtor's consent (ч. 5 ст. 4
	 * 230-ФЗ) and tells him of the debt ({@code docs/monitoring-debtors.md}). Audited
	 * ({@code DEBTOR_PHONE_MADE_OWN}, ids only). Already his own: nothing changes, nothing is audited.
	 *
	 * @param via where the operator did it, for the audit's detail ({@code page}, {@code api})
	 * @return whether his own phone changed
	 * @throws Rejected {@code debtor-phone.not-from-bureau} when no bureau gave this number for him,
	 *         {@code debtor-phone.not-confirmed} when he has not confirmed it
	 */
	@Transactional
	public boolean makeOwn(TenantId tenant, ContactId debtor, PhoneNumber phone, AuditActor actor, String via) {
		DebtorPhones.Listed listed = phones.fromBureau(tenant, debtor, phone)
			.orElseThrow(() -> new Rejected("debtor-phone.not-from-bureau"));
		if (listed.confirmedAt() == null) {
			throw new Rejected("debtor-phone.not-confirmed");
		}
		boolean changed = contacts.makePhoneOwn(tenant, debtor, phone);
		if (changed) {
			audit.record(tenant, actor, AuditAction.DEBTOR_PHONE_MADE_OWN, "contact", debtor.value(), via + ";bureau");
		}
		return changed;
	}

	/**
	 * Records a phone the bureau gave for the debtor in this event, which raised or folded into this signal; nothing
	 * (and false) when he has the number already, from a registry or the bureau, so an event delivered twice, or the
	 * same phone in another event, changes nothing.
	 */
	@Transactional
	public boolean record(TenantId tenant, ContactId debtor, PhoneNumber phone, UUID signalId, long eventId) {
		boolean added = phones.addFromBureau(tenant, debtor, phone, signalId, eventId);
		if (added) {
			audit.record(tenant, SYSTEM, AuditAction.DEBTOR_PHONE_ADDED, "contact", debtor.value(),
					"bureau;signal:" + signalId + ";event:" + eventId);
		}
		return added;
	}

	/** The bureau's phone of his he confirmed last (by signing in with it); none while he has confirmed none. */
	public Optional<PhoneNumber> lastConfirmed(TenantId tenant, ContactId debtor) {
		return phones.listed(tenant, debtor).stream()
			.filter(p -> p.fromBureau() && p.confirmedAt() != null)
			.max(Comparator.comparing(DebtorPhones.Listed::confirmedAt))
			.map(DebtorPhones.Listed::phone);
	}

	/**
	 * The debtor proved he holds the phone with this index (he typed the code texted to it): a bureau's phone of his
	 * that waited is confirmed. False when there was none to confirm (his own phone, a registry's, or confirmed
	 * before).
	 */
	@Transactional
	public boolean confirm(TenantId tenant, ContactId debtor, BlindIndex phoneIndex) {
		boolean confirmed = phones.confirm(tenant, debtor, phoneIndex);
		if (confirmed) {
			audit.record(tenant, new AuditActor("debtor:" + debtor.value(), null), AuditAction.DEBTOR_PHONE_CONFIRMED,
					"contact", debtor.value(), "bureau;sign-in-code");
		}
		return confirmed;
	}
}
