package ru.kredo.contacting.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.kredo.contacting.BarKind;
import ru.kredo.contacting.ContactBars;
import ru.kredo.contacts.ContactId;
import ru.kredo.events.CreditEventType;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantKind;

/**
 * A {@code BANKRUPTCY} credit event on a debtor a collection agency watches stops its contacts with him at once: a
 * {@link BarKind#BANKRUPTCY} bar (source {@code signal:<id>}, the signal that carries the event). Heard from the
 * signals, not from the raw events: a signal is raised exactly for the tenant whose active watch, with consent on the
 * event's day, matched the event's subject (by passport, or ФИО and birth date where passports do not contradict),
 * which is the matching the agency sees in its queue; doing it again here could only disagree with it. Heard in the
 * batch's transaction, so the bar stands when the signal does. A repeated event folds into the same signal and the
 * bar already standing is returned ({@link ContactBars#mark}): once marked, it stays until an operator lifts it.
 */
@Component
class BankruptcyBars {

	private final ContactBars bars;
	private final TenantDirectory tenants;

	BankruptcyBars(ContactBars bars, TenantDirectory tenants) {
		this.bars = bars;
		this.tenants = tenants;
	}

	@EventListener
	void on(SignalsRaised raised) {
		for (SignalRaised signal : raised.signals()) {
			if (signal.eventType() == CreditEventType.BANKRUPTCY
					&& tenants.get(signal.tenantId()).kind() == TenantKind.COLLECTOR) {
				bars.mark(signal.tenantId(), new ContactId(signal.contactId()), BarKind.BANKRUPTCY, null,
						"signal:" + signal.signalId(), null, DisputeBars.SYSTEM);
			}
		}
	}
}
