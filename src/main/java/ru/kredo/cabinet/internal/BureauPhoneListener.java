package ru.kredo.cabinet.internal;

import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.collections.BureauPhones;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.events.CreditEventType;
import ru.kredo.events.EventPhones;
import ru.kredo.monitoring.Segment;
import ru.kredo.signals.SignalId;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.Signals;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantKind;

/**
 * A bureau's {@code PERSONAL_DATA_CHANGED} event with a phone, raised (or folded) on a collection agency's watch of its
 * debtor (segment {@code DEBTOR}), adds the phone to his phones as one from the bureau, not confirmed
 * ({@link BureauPhones}): he may then sign in to the cabinet with it, and signing in confirms it. The signal carries
 * no phone (signals are stored as JSON, {@code event_publication}: no personal data there): the events the signal has
 * folded are asked of {@code signals}, their phones of {@code events}, opened from the sealed subjects. A broker's
 * watch, or an agency's watch of someone not its debtor, records nothing. After the signals' transaction commits, in
 * one of its own: nothing here can undo the ingestion; a redelivery records nothing twice.
 */
@Component
class BureauPhoneListener {

	private final Signals signals;
	private final EventPhones eventPhones;
	private final BureauPhones phones;
	private final Contacts contacts;
	private final TenantDirectory tenants;

	BureauPhoneListener(Signals signals, EventPhones eventPhones, BureauPhones phones, Contacts contacts,
			TenantDirectory tenants) {
		this.signals = signals;
		this.eventPhones = eventPhones;
		this.phones = phones;
		this.contacts = contacts;
		this.tenants = tenants;
	}

	// Recorded only for a batch with a debtor's change of personal data (asked before the event registry stores a
	// publication, which is the whole batch's signals written, read back and deleted).
	@ApplicationModuleListener(condition = "@bureauPhoneListener.concerns(#root.args[0])")
	void on(SignalsRaised raised) {
		for (SignalRaised signal : raised.signals()) {
			if (!changedData(signal) || tenants.get(signal.tenantId()).kind() != TenantKind.COLLECTOR) {
				continue;
			}
			// Every event the signal has folded, not only this batch's: a phone already recorded is not recorded again.
			List<Long> events = signals.eventIds(signal.tenantId(), new SignalId(signal.signalId()));
			Map<Long, PhoneNumber> given = eventPhones.of(events);
			if (given.isEmpty()) {
				continue;
			}
			ContactId debtor = new ContactId(signal.contactId());
			PhoneNumber own = contacts.get(signal.tenantId(), debtor).phone();
			given.forEach((event, phone) -> {
				if (!phone.equals(own)) {
					phones.record(signal.tenantId(), debtor, phone, signal.signalId(), event);
				}
			});
		}
	}

	/** Whether a signal of the batch is a debtor's change of personal data. */
	public boolean concerns(SignalsRaised raised) {
		return raised.signals().stream().anyMatch(BureauPhoneListener::changedData);
	}

	private static boolean changedData(SignalRaised signal) {
		return signal.eventType() == CreditEventType.PERSONAL_DATA_CHANGED && signal.segment() == Segment.DEBTOR;
	}
}
