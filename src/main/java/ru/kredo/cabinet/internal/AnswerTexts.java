package ru.kredo.cabinet.internal;

import org.springframework.stereotype.Component;

import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.platform.PublicAddress;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * The chat's outbound port, by text: a debtor away from his cabinet when the agency answers gets a text with the link
 * to his chat, and one whose document request was answered or declined a text with the link to his «Документы», at his
 * phone on file (none, nothing is sent). Issue 14's contact rules are to govern it here.
 */
@Component
class AnswerTexts implements DebtorNotices {

	private final SmsGateway sms;
	private final Contacts contacts;
	private final TenantDirectory tenants;
	private final PublicAddress address;

	AnswerTexts(SmsGateway sms, Contacts contacts, TenantDirectory tenants, PublicAddress address) {
		this.sms = sms;
		this.contacts = contacts;
		this.tenants = tenants;
		this.address = address;
	}

	@Override
	public void agencyAnswered(TenantId agency, ContactId debtor) {
		Contact contact = contacts.get(agency, debtor);
		if (contact.phone() == null) {
			return;
		}
		sms.send(agency, contact.phone(), text(tenants.get(agency).name(),
				address.of("/cabinet/" + agency.value() + "/chat").toString()));
	}

	@Override
	public void documentRequestAnswered(TenantId agency, ContactId debtor) {
		Contact contact = contacts.get(agency, debtor);
		if (contact.phone() == null) {
			return;
		}
		sms.send(agency, contact.phone(), requestText(tenants.get(agency).name(),
				address.of("/cabinet/" + agency.value() + "/documents").toString()));
	}

	static String requestText(String agency, String link) {
		return "«" + agency + "» ответило на ваш запрос документа в личном кабинете: " + link;
	}

	static String text(String agency, String link) {
		return "«" + agency + "» ответило вам в личном кабинете: " + link;
	}
}
