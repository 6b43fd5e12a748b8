package ru.kredo.cabinet.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.cabinet.Invitations;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.ContactId;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A sign of new money in a debtor's credit history — a loan issued to him ({@code LOAN_DISBURSED}) or an overdue he
 * cured on another loan ({@code OVERDUE_CURED}), raised on his watch as the agency's debtor — is the moment he may
 * pay: his offers are made again per the agency's rules (a lapsed one renewed, a new rule applied) and he is invited
 * to the cabinet through the contact gate (at most once in {@code Invitations.NEW_MONEY_QUIET}). After the signals'
 * transaction commits, in one of its own: nothing here can undo the ingestion.
 */
@Component
class NewMoneyInvitations {

	static final Set<CreditEventType> NEW_MONEY = Set.of(CreditEventType.LOAN_DISBURSED, CreditEventType.OVERDUE_CURED);

	private final Invitations invitations;
	private final Offers offers;
	private final Debts debts;
	private final TenantDirectory tenants;

	NewMoneyInvitations(Invitations invitations, Offers offers, Debts debts, TenantDirectory tenants) {
		this.invitations = invitations;
		this.offers = offers;
		this.debts = debts;
		this.tenants = tenants;
	}

	// Recorded only for a batch with a debtor's sign of new money (asked before the event registry stores a
	// publication, which is the whole batch's signals written, read back and deleted).
	@ApplicationModuleListener(condition = "@newMoneyInvitations.concerns(#root.args[0])")
	void on(SignalsRaised raised) {
		Set<Key> debtors = new LinkedHashSet<>();
		for (SignalRaised signal : raised.signals()) {
			if (newMoney(signal)) {
				debtors.add(new Key(signal.tenantId(), new ContactId(signal.contactId())));
			}
		}
		for (Key key : debtors) {
			if (tenants.get(key.tenant()).kind() != TenantKind.COLLECTOR) {
				continue;
			}
			List<DebtId> open = debts.ofContact(key.tenant(), key.debtor()).stream()
				.filter(d -> d.status() != DebtStatus.CLOSED)
				.map(Debt::id)
				.toList();
			if (open.isEmpty()) {
				continue;
			}
			offers.makeOffers(key.tenant(), open);
			invitations.inviteOnNewMoney(key.tenant(), key.debtor());
		}
	}

	/** Whether a signal of the batch is a debtor's sign of new money. */
	public boolean concerns(SignalsRaised raised) {
		return raised.signals().stream().anyMatch(NewMoneyInvitations::newMoney);
	}

	private static boolean newMoney(SignalRaised signal) {
		return signal.segment() == Segment.DEBTOR && NEW_MONEY.contains(signal.eventType());
	}

	private record Key(TenantId tenant, ContactId debtor) {
	}
}
