package ru.kredo.cabinet.web;

import java.util.List;

import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtStatus;
import ru.kredo.money.Money;

/**
 * What the debtor owes now over all the debts he can pay now (each debt's {@link DebtCard.Owed}: under a signed
 * settlement what it asks now, not the balance), and their whole balance when that is more: the home page's total,
 * with «Оплатить всё», when there are more than one. A repaid or written-off debt is not in it, nor one he disputes
 * (he is not asked to pay what he contests).
 *
 * @param openDebts how many debts are in it: not closed, not disputed
 * @param now the sum of what each of them asks now
 * @param balance the sum of their balances; {@code null} when it is the same as {@code now}
 */
record OwedTotal(int openDebts, String now, String balance) {

	static OwedTotal of(List<Debt> debts, List<DebtCard> cards) {
		Money now = Money.ZERO;
		Money balance = Money.ZERO;
		int open = 0;
		for (int i = 0; i < debts.size(); i++) {
			if (payableNow(debts.get(i))) {
				open++;
				now = now.plus(cards.get(i).owed().amount());
				balance = balance.plus(debts.get(i).total());
			}
		}
		return new OwedTotal(open, DebtCard.roubles(now), balance.equals(now) ? null : DebtCard.roubles(balance));
	}

	/** Whether the debt is in the total and in «Оплатить всё»: neither closed nor disputed. */
	static boolean payableNow(Debt debt) {
		return !debt.isClosed() && debt.status() != DebtStatus.DISPUTED;
	}
}
