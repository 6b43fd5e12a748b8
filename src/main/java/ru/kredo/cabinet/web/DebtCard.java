package ru.kredo.cabinet.web;

import java.util.ArrayList;
import java.util.List;

import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.Offer;
import ru.kredo.collections.DebtComponent;
import ru.kredo.money.Money;
import ru.kredo.money.Amounts;
import ru.kredo.platform.web.TimeDisplay;

/**
 * What the debtor's home page shows of one debt, worked out before the template runs: amounts in roubles as the page
 * writes them ({@code 27 500,50 ₽}), dates as the agency's time zone sees them, the offer's terms. Thymeleaf calls a
 * method with arguments through reflection and converts each argument and result anew; a page of two debts made some
 * four hundred such calls, about a third of its CPU under load, so the page reads these values instead.
 *
 * @param total the whole balance under the contract
 * @param balance the components still owed, in the order a payment pays them
 * @param owed what he owes now, the card's headline: see {@link Owed}
 * @param amountToPay what the payment form offers to pay: the same as {@code owed}, as a person types it
 * @param history the payments applied, newest first, each as one line
 */
record DebtCard(String id, String creditor, String contractNumber, String contractDate, String assignmentDate,
		String total, boolean closed, List<Line> balance, Terms offer, Owed owed, String amountToPay,
		List<Paid> history, DisputeNote dispute) {

	/**
	 * A payment in the card's history: its line, whether the agency received it outside Kredo, and what it brought
	 * beyond what was owed when it arrived ({@code 500,00}), which he is told is to be returned to him; {@code null}
	 * when nothing. {@code returned}: what the agency has returned of that payment through the provider
	 * ({@code 500,00}), said instead; {@code null} when nothing yet.
	 */
	record Paid(String text, boolean outside, String overpaid, String returned) {
	}

	private static final String DATE = "dd.MM.yyyy";

	static DebtCard of(Debt debt, Offer offer, List<DebtPayment> payments, boolean documents, TimeDisplay time) {
		return of(debt, offer, payments, documents, time, null);
	}

	/**
	 * The card with the debt's latest dispute ({@code null}: none): while it is open the card says so and shows no
	 * offer; once resolved, how and (rejected) why.
	 */
	static DebtCard of(Debt debt, Offer offer, List<DebtPayment> payments, boolean documents, TimeDisplay time,
			Dispute dispute) {
		return of(debt, offer, payments, documents, time, dispute, java.util.Set.of());
	}

	/** The card whose history marks the payments received outside Kredo ({@code outside}, by payment id). */
	static DebtCard of(Debt debt, Offer offer, List<DebtPayment> payments, boolean documents, TimeDisplay time,
			Dispute dispute, java.util.Set<java.util.UUID> outside) {
		return of(debt, offer, payments, documents, time, dispute, outside, java.util.Map.of());
	}

	/** The card whose history says what was returned of a payment that brought more than was owed ({@code returned}). */
	static DebtCard of(Debt debt, Offer offer, List<DebtPayment> payments, boolean documents, TimeDisplay time,
			Dispute dispute, java.util.Set<java.util.UUID> outside, java.util.Map<java.util.UUID, Money> returned) {
		if (debt.status() == DebtStatus.DISPUTED && offer != null && offer.status() == Offer.Status.OFFERED) {
			offer = null;
		}
		List<Line> balance = new ArrayList<>();
		for (DebtComponent component : DebtComponent.values()) {
			Money owed = debt.balance().of(component);
			if (!owed.isZero()) {
				balance.add(new Line("debt.component." + component.name(), roubles(owed)));
			}
		}
		Terms terms = offer == null ? null : Terms.of(offer, documents, time);
		Owed owed = Owed.of(debt, offer, time);
		Money toPay = owed.amount();
		List<Paid> history = payments.stream()
			.map(p -> new Paid(time.format(p.paidAt(), "dd.MM.yyyy HH:mm") + " — " + roubles(p.amount()),
					outside.contains(p.paymentId()),
					p.amount().exceeds(p.split().total()) ? grouped(p.amount().minus(p.split().total())) : null,
					returned.containsKey(p.paymentId()) ? grouped(returned.get(p.paymentId())) : null))
			.toList();
		return new DebtCard(debt.id().value().toString(), debt.originalCreditor(), debt.contractNumber(),
				time.format(debt.contractDate(), DATE),
				debt.assignmentDate() == null ? null : time.format(debt.assignmentDate(), DATE), roubles(debt.total()),
				debt.isClosed(), balance, terms, owed, plain(toPay), history,
				new DisputeNote(debt.status() == DebtStatus.DISPUTED, !debt.isClosed() && debt.status() != DebtStatus.DISPUTED,
						dispute == null || dispute.isOpen() ? null : dispute.outcome().name(),
						dispute == null || dispute.isOpen() ? null : dispute.resolutionReason(),
						debt.closedAs() == ClosedAs.WRITTEN_OFF));
	}

	/**
	 * What the card says of a dispute: whether the debt is disputed now, whether he may dispute it (open and not
	 * disputed), the outcome ({@code UPHELD}, {@code REJECTED}) and reason of the latest one resolved, and whether
	 * the debt was written off (closed with nothing repaid: no certificate of repayment).
	 */
	record DisputeNote(boolean open, boolean possible, String outcome, String reason, boolean writtenOff) {
	}

	/** {@code 1 234 567,89 ₽}, the one way amounts are written ({@link Amounts}). */
	static String roubles(Money money) {
		return Amounts.text(money.roubles());
	}

	/** {@code 1 234 567,89}: thousands apart by a no-break space, a decimal comma, always two decimals. */
	static String grouped(Money money) {
		return Amounts.digits(money.roubles());
	}

	/** {@code 1234567,89}: as a person types it into the amount field. */
	static String plain(Money money) {
		return decimals(new StringBuilder().append(money.kopecks() / 100), money);
	}

	private static String decimals(StringBuilder text, Money money) {
		long kopecks = money.kopecks() % 100;
		return text.append(kopecks < 10 ? ",0" : ",").append(kopecks).toString();
	}

	/**
	 * What the debtor owes now, the headline of his debt, and how it stands to the whole balance: under a signed
	 * settlement, the next part due while parts remain after it ({@code INSTALMENT}), else what is left of the
	 * settlement ({@code AGREEMENT}) — the rest of the balance to be forgiven once it is paid; otherwise the balance
	 * ({@code BALANCE}). Never more than the balance.
	 *
	 * @param text the amount as the headline shows it (on a line of its own, kept whole by the page)
	 * @param kind {@code BALANCE}, {@code AGREEMENT} or {@code INSTALMENT}
	 * @param dueOn the instalment's date, for {@code INSTALMENT}
	 * @param leftUnderAgreement what is left of the settlement, for {@code INSTALMENT} and {@code AGREEMENT}; with
	 *        no-break spaces, as it stands in a sentence
	 */
	record Owed(Money amount, String text, String kind, String dueOn, String leftUnderAgreement) {

		static Owed of(Debt debt, Offer offer, TimeDisplay time) {
			if (debt.isClosed() || offer == null || offer.status() != Offer.Status.ACCEPTED) {
				return new Owed(debt.total(), roubles(debt.total()), "BALANCE", null, null);
			}
			Money left = offer.leftToPay().min(debt.total());
			Money next = offer.dueNext().min(debt.total());
			if (offer.nextPart().isPresent() && left.exceeds(next)) {
				return new Owed(next, roubles(next), "INSTALMENT", time.format(offer.nextPart().get().dueOn(), DATE),
						roubles(left));
			}
			return new Owed(left, roubles(left), "AGREEMENT", null, roubles(left));
		}

		public boolean isBalance() {
			return "BALANCE".equals(kind);
		}
	}

	/** A line of the balance: the message key of its component and the amount. */
	record Line(String label, String amount) {
	}

	/**
	 * An offer as the card words it; {@code status} is the name of its {@link Offer.Status}, {@code interval} of its
	 * parts' {@code PartInterval}.
	 *
	 * @param partOptions the numbers of parts the debtor may choose from, {@code 1} to the policy's most
	 * @param next the first part not yet fully paid, if any
	 * @param lastPart whether what the next part needs is all that is left of the offer
	 * @param schedule the parts agreed on acceptance; empty before
	 * @param schedulePdf whether to link the schedule's PDF (signed, and the agency has requisites to print)
	 */
	record Terms(String status, int discountPercent, String offerAmount, String fullAmount, String saved,
			String leftToPay, String validUntil, int maxParts, String interval, List<Integer> partOptions,
			boolean wasAccepted, String paidSinceAccepted, NextPart next, boolean lastPart, List<Part> schedule,
			boolean schedulePdf) {

		static Terms of(Offer offer, boolean documents, TimeDisplay time) {
			int maxParts = offer.policy().maxParts();
			List<Integer> options = new ArrayList<>(maxParts);
			for (int n = 1; n <= maxParts; n++) {
				options.add(n);
			}
			NextPart next = offer.nextPart()
				.map(part -> new NextPart(part.number(), grouped(offer.dueNext()), time.format(part.dueOn(), DATE),
						time.format(offer.deadline(part), DATE)))
				.orElse(null);
			List<Part> schedule = offer.schedule().stream().map(part -> {
				Money paid = offer.paidTowards(part);
				boolean inFull = paid.equals(part.amount());
				return new Part(part.number(), time.format(part.dueOn(), DATE), roubles(part.amount()), inFull,
						inFull || paid.isZero() ? null : roubles(paid));
			}).toList();
			return new Terms(offer.status().name(), offer.discountPercent(), grouped(offer.offerAmount()),
					grouped(offer.fullAmount()), grouped(offer.saved()), grouped(offer.leftToPay()),
					time.format(offer.validUntil(), DATE), maxParts, offer.policy().interval().name(),
					List.copyOf(options), offer.wasAccepted(), grouped(offer.paidSinceAccepted()), next,
					offer.dueNext().equals(offer.leftToPay()), schedule, offer.wasAccepted() && documents);
		}
	}

	/** The next part to pay: its number, what it still needs, its date, and the last day before the offer lapses. */
	record NextPart(int number, String dueNext, String dueOn, String deadline) {
	}

	/**
	 * A line of the schedule.
	 *
	 * @param paidInFull whether the payments so far cover it
	 * @param paid how much of it they cover, when some but not all; {@code null} otherwise
	 */
	record Part(int number, String dueOn, String amount, boolean paidInFull, String paid) {
	}
}
