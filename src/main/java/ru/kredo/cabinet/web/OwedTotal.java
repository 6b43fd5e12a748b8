package ru.kredo.cabinet.web;

import java.util.List;

import ru.kredo.collections.Debt;
import ru.kredo.money.Money;

/**
 * What the debtor owes now over all his open debts (each debt's {@link DebtCard.Owed}), and their whole balance when
 * that is more: the home page's total when he has more than one open debt.
 *
 * @param openDebts how many of his debts are not repaid
 * @param now the sum of what each open debt asks now
 * @param balance the sum of their balances; {@code null} when it is the same as {@code now}
 */
record OwedTotal(int openDebts, String now, String balance) {

	static OwedTotal of(List<Debt> debts, List<DebtCard> cards) {
		Money now = Money.ZERO;
		Money balance = Money.ZERO;
		int open = 0;
		for (int i = 0; i < debts.size(); i++) {
			if (!debts.get(i).isClosed()) {
				open++;
				now = now.plus(cards.get(i).owed().amount());
				balance = balance.plus(debts.get(i).total());
			}
		}
		return new OwedTotal(open, DebtCard.roubles(now), balance.equals(now) ? null : DebtCard.roubles(balance));
	}
}
