package ru.kredo.cabinet.web;

import java.util.List;

import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtStatus;
import ru.kredo.money.Money;

/**
 * What the debtor owes now over all his open debts (each debt's {@link DebtCard.Owed}), and their whole balance when
 * that is more: the home page's total when he has more than one open debt. A debt he disputes is not in it.
 *
 * @param openDebts how many of his debts are not repaid nor disputed
 * @param now the sum of what each open debt asks now
 * @param balance the sum of their balances; {@code null} when it is the same as {@code now}
 */
record OwedTotal(int openDebts, String now, String balance) {

	static OwedTotal of(List<Debt> debts, List<DebtCard> cards) {
		Money now = Money.ZERO;
		Money balance = Money.ZERO;
		int open = 0;
		for (int i = 0; i < debts.size(); i++) {
			// A disputed debt is not asked to be paid until the agency answers (no pay form either): not in the total.
			if (!debts.get(i).isClosed() && debts.get(i).status() != DebtStatus.DISPUTED) {
				open++;
				now = now.plus(cards.get(i).owed().amount());
				balance = balance.plus(debts.get(i).total());
			}
		}
		return new OwedTotal(open, DebtCard.roubles(now), balance.equals(now) ? null : DebtCard.roubles(balance));
	}
}
