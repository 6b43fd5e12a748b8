package ru.kredo.collections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import ru.kredo.collections.DebtorPhone.Source;
import ru.kredo.collections.internal.DebtorPhones;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tenancy.TenantId;

/**
 * Every phone of a debtor, each once, with where it came from (issue 14): his own first (the contact's row), then the
 * others his contact's files gave, then the registries' and the bureaus' in the order they came. A number a bureau
 * gave keeps that source (and its confirmation) even once an operator made it his own
 * ({@link BureauPhones#makeOwn}), so where the number came from is never lost.
 */
@Service
public class DebtorPhoneBook {

	private final Contacts contacts;
	private final DebtorPhones phones;

	DebtorPhoneBook(Contacts contacts, DebtorPhones phones) {
		this.contacts = contacts;
		this.phones = phones;
	}

	/**
	 * The debtor's phones.
	 *
	 * @throws ru.kredo.platform.NotFound {@code contact.not-found} when he is not this tenant's
	 */
	public List<DebtorPhone> of(TenantId tenant, ContactId debtor) {
		Contact contact = contacts.get(tenant, debtor);
		Map<PhoneNumber, DebtorPhone> all = new LinkedHashMap<>();
		for (PhoneNumber phone : contacts.phones(tenant, debtor)) {
			all.put(phone, new DebtorPhone(phone, Source.CONTACT, null, phone.equals(contact.phone())));
		}
		for (DebtorPhones.Listed listed : phones.listed(tenant, debtor)) {
			boolean own = listed.phone().equals(contact.phone());
			if (listed.fromBureau()) {
				all.put(listed.phone(), new DebtorPhone(listed.phone(), Source.BUREAU, listed.confirmedAt(), own));
			}
			else {
				all.putIfAbsent(listed.phone(), new DebtorPhone(listed.phone(), Source.REGISTRY, null, own));
			}
		}
		return new ArrayList<>(all.values());
	}
}
