package ru.kredo.cabinet.web;

import java.util.ArrayList;
import java.util.List;

import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.Offer;
import ru.kredo.payments.DebtComponent;
import ru.kredo.payments.Money;
import ru.kredo.platform.TimeDisplay;

/**
 * What the debtor's home page shows of one debt, worked out before the template runs: amounts in roubles as the page
 * writes them ({@code 27 500,50 ₽}), dates as the agency's time zone sees them, the offer's terms. Thymeleaf calls a
 * method with arguments through reflection and converts each argument and result anew; a page of two debts made some
 * four hundred such calls, about a third of its CPU under load, so the page reads these values instead.
 *
 * @param balance the components still owed, in the order a payment pays them
 * @param amountToPay what the payment form offers to pay: what is left of an accepted offer, or the whole balance
 * @param history the payments applied, newest first, each as one line
 */
record DebtCard(String id, String creditor, String contractNumber, String contractDate, String assignmentDate,
		String total, boolean closed, List<Line> balance, Terms offer, String amountToPay, List<String> history) {

	private static final String DATE = "dd.MM.yyyy";

	static DebtCard of(Debt debt, Offer offer, List<DebtPayment> payments, TimeDisplay time) {
		List<Line> balance = new ArrayList<>();
		for (DebtComponent component : DebtComponent.values()) {
			Money owed = debt.balance().of(component);
			if (!owed.isZero()) {
				balance.add(new Line("debt.component." + component.name(), roubles(owed)));
			}
		}
		Terms terms = offer == null ? null : new Terms(offer.status().name(), offer.discountPercent(),
				grouped(offer.offerAmount()), grouped(offer.fullAmount()), grouped(offer.saved()),
				grouped(offer.leftToPay()), time.format(offer.validUntil(), DATE), offer.ruleName());
		Money toPay = offer != null && offer.status() == Offer.Status.ACCEPTED ? offer.leftToPay() : debt.total();
		List<String> history = payments.stream()
			.map(p -> time.format(p.paidAt(), "dd.MM.yyyy HH:mm") + " — " + roubles(p.amount()))
			.toList();
		return new DebtCard(debt.id().value().toString(), debt.originalCreditor(), debt.contractNumber(),
				time.format(debt.contractDate(), DATE),
				debt.assignmentDate() == null ? null : time.format(debt.assignmentDate(), DATE), roubles(debt.total()),
				debt.isClosed(), balance, terms, plain(toPay), history);
	}

	/** {@code 1 234 567,89 ₽}. */
	static String roubles(Money money) {
		return grouped(money) + " ₽";
	}

	/** {@code 1 234 567,89}: thousands apart, a decimal comma, always two decimals. */
	static String grouped(Money money) {
		String whole = Long.toString(money.kopecks() / 100);
		StringBuilder text = new StringBuilder(whole.length() + 6);
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				text.append(' ');
			}
			text.append(whole.charAt(i));
		}
		return decimals(text, money);
	}

	/** {@code 1234567,89}: as a person types it into the amount field. */
	static String plain(Money money) {
		return decimals(new StringBuilder().append(money.kopecks() / 100), money);
	}

	private static String decimals(StringBuilder text, Money money) {
		long kopecks = money.kopecks() % 100;
		return text.append(kopecks < 10 ? ",0" : ",").append(kopecks).toString();
	}

	/** A line of the balance: the message key of its component and the amount. */
	record Line(String label, String amount) {
	}

	/** An offer as the card words it; {@code status} is the name of its {@link Offer.Status}. */
	record Terms(String status, int discountPercent, String offerAmount, String fullAmount, String saved,
			String leftToPay, String validUntil, String ruleName) {
	}
}
