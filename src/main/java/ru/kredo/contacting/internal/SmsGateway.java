package ru.kredo.contacting.internal;

import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tenancy.TenantId;

/**
 * Sends a text message to a phone. Chosen by {@code kredo.sms.provider}: {@code outbox} (default) or {@code sms-ru}.
 * Only the gate ({@code contacting.Contacting}) calls it: nothing reaches a debtor around the contact rules
 * ({@code OutboundDependenciesTests}).
 */
public interface SmsGateway {

	/**
	 * Sends {@code text} to {@code phone} from {@code sender}, the agency's registered sender name ({@code null}: the
	 * provider's default); throws when the provider refuses it.
	 */
	void send(TenantId tenant, PhoneNumber phone, String text, String sender);

	/** Whether sent texts stay inside Kredo (the development outbox), so a demo may show them on screen. */
	boolean isOutbox();
}
