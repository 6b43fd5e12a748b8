package ru.kredo.cabinet.internal;

import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tenancy.TenantId;

/** Sends a text message to a phone. Chosen by {@code kredo.sms.provider}: {@code outbox} (default) or {@code sms-ru}. */
public interface SmsGateway {

	void send(TenantId tenant, PhoneNumber phone, String text);

	/** Whether sent texts stay inside Kredo (the development outbox), so a demo may show them on screen. */
	boolean isOutbox();
}
