package ru.kredo.collections;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A debtor's debts as his page shows them, read together ({@link Debts#ofDebtor}): the debts by contract date, the
 * payments applied to each (newest first; every debt has a list, maybe empty), each debt's offer as it stands today
 * (a debt without one is not in the map), and which debts he has ever disputed (their disputes are read only then:
 * almost nobody disputes, and the page is read on every visit).
 */
public record DebtorsDebts(List<Debt> debts, Map<DebtId, List<DebtPayment>> payments, Map<DebtId, Offer> offers,
		Set<DebtId> everDisputed) {

	public DebtorsDebts {
		debts = List.copyOf(debts);
		payments = Map.copyOf(payments);
		offers = Map.copyOf(offers);
		everDisputed = Set.copyOf(everDisputed);
	}
}
