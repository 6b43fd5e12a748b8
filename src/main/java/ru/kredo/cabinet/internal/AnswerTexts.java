package ru.kredo.cabinet.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.DebtId;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.documents.Agency;
import ru.kredo.money.Amounts;
import ru.kredo.money.Money;
import ru.kredo.platform.PublicAddress;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * The chat's outbound port, by text: a debtor away from his cabinet when the agency answers gets a text with the link
 * to his chat, and one whose document request was answered or declined a text with the link to his «Документы», at his
 * phone on file (none, nothing is sent). A restructuring plan's reminders (an instalment falls due, the plan fell
 * behind) name the agency and its phone from its requisites, as 137-ФЗ asks of every message to a debtor (no phone on
 * the requisites, nothing is sent and the log says why), with the amount, the date and the link to the debt's page.
 * Issue 14's contact rules are to govern it here.
 */
@Component
class AnswerTexts implements DebtorNotices {

	private static final Logger log = LoggerFactory.getLogger(AnswerTexts.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final SmsGateway sms;
	private final Contacts contacts;
	private final TenantDirectory tenants;
	private final PublicAddress address;
	private final AgencyRequisites requisites;

	AnswerTexts(SmsGateway sms, Contacts contacts, TenantDirectory tenants, PublicAddress address,
			AgencyRequisites requisites) {
		this.sms = sms;
		this.contacts = contacts;
		this.tenants = tenants;
		this.address = address;
		this.requisites = requisites;
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

	@Override
	public void planInstalmentDue(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due) {
		planText(agency, debtor, debt, (name, phone, link) -> dueText(name, amount, due, link, phone));
	}

	@Override
	public void planBehind(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due) {
		planText(agency, debtor, debt, (name, phone, link) -> behindText(name, amount, due, link, phone));
	}

	private interface PlanText {
		String of(String agency, String phone, String link);
	}

	private void planText(TenantId agency, ContactId debtor, DebtId debt, PlanText text) {
		Contact contact = contacts.get(agency, debtor);
		if (contact.phone() == null) {
			return;
		}
		Optional<String> phone = requisites.of(agency).map(Agency::phone);
		if (phone.isEmpty()) {
			log.warn("No plan reminder to a debtor of tenant {}: the agency's requisites give no phone to name (137-ФЗ)",
					agency.value());
			return;
		}
		sms.send(agency, contact.phone(), text.of(tenants.get(agency).name(), phone.orElseThrow(),
				address.of("/cabinet/" + agency.value() + "/debts/" + debt.value()).toString()));
	}

	static String dueText(String agency, Money amount, LocalDate due, String link, String phone) {
		return "«" + agency + "»: платёж по плану " + Amounts.text(amount.roubles()) + " до " + DAY.format(due)
				+ ". Оплатить: " + link + " Тел. " + phone;
	}

	static String behindText(String agency, Money amount, LocalDate due, String link, String phone) {
		return "«" + agency + "»: платёж по плану " + Amounts.text(amount.roubles()) + " от " + DAY.format(due)
				+ " не поступил. Оплатите или измените график: " + link + " Тел. " + phone;
	}

	static String requestText(String agency, String link) {
		return "«" + agency + "» ответило на ваш запрос документа в личном кабинете: " + link;
	}

	static String text(String agency, String link) {
		return "«" + agency + "» ответило вам в личном кабинете: " + link;
	}
}
