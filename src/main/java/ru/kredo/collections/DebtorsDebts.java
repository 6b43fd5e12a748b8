package ru.kredo.collections;

import java.util.List;
import java.util.Map;

/**
 * A debtor's debts as his page shows them, read together ({@link Debts#ofDebtor}): the debts by contract date, the
 * payments applied to each (newest first; every debt has a list, maybe empty) and each debt's offer as it stands
 * today (a debt without one is not in the map).
 */
public record DebtorsDebts(List<Debt> debts, Map<DebtId, List<DebtPayment>> payments, Map<DebtId, Offer> offers) {

	public DebtorsDebts {
		debts = List.copyOf(debts);
		payments = Map.copyOf(payments);
		offers = Map.copyOf(offers);
	}
}
