package ru.kredo.collections;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.internal.DebtorPhones;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.tenancy.TenantId;

/**
 * Phones a bureau gives for an agency's debtor (issue 14, «the loop»): a {@code PERSONAL_DATA_CHANGED} event with a new
 * phone, raised on the agency's watch of him, adds it to his phones as one <em>from the bureau, not confirmed</em>. He
 * may sign in to the cabinet with it (ФИО and that phone): the code texted to it, typed back, confirms it. No
 * collection message goes to any of these phones: the contact gate writes to the contact's own phone only. Both steps
 * are audited, with ids only (the number is personal data).
 */
@Service
public class BureauPhones {

	/** Who records a bureau's phone: Kredo itself, on the agency's signal. */
	static final AuditActor SYSTEM = new AuditActor("system:collections", "Kredo");

	private final DebtorPhones phones;
	private final AuditLog audit;

	BureauPhones(DebtorPhones phones, AuditLog audit) {
		this.phones = phones;
		this.audit = audit;
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
