package ru.kredo.cabinet.web;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import ru.kredo.collections.Debt;
import ru.kredo.collections.Offer;
import ru.kredo.collections.OfferPart;
import ru.kredo.money.Money;
import ru.kredo.money.Amounts;
import ru.kredo.tenancy.Tenant;

/**
 * The settlement as the debtor reads it before signing — the title, the forgiveness (ст. 415 ГК РФ), each part of the
 * schedule with its date, what a late part does, and what entering the code means (a simple electronic signature) —
 * worded once, so that the page shows and the offer keeps the same text (the copy of the agreement prints it).
 */
record SettlementTerms(String title, String settlement, List<String> schedule, String lapse, String signing)
		implements Serializable {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	static SettlementTerms of(MessageSource messages, Locale locale, Tenant agency, Debt debt, Offer offer,
			List<OfferPart> parts) {
		String settlement = messages.getMessage("cabinet.offer-settlement", new Object[] { agency.name(),
				debt.contractNumber(), debt.originalCreditor(), roubles(offer.saved()), roubles(offer.offerAmount()) }, locale);
		List<String> schedule = parts.stream()
			.map(part -> messages.getMessage("cabinet.offer-settlement-part",
					new Object[] { part.number(), roubles(part.amount()), DATE.format(part.dueOn()) }, locale))
			.toList();
		int grace = offer.policy().graceDays();
		String lapse = grace == 0 ? messages.getMessage("cabinet.offer-settlement-lapse", null, locale)
				: messages.getMessage("cabinet.offer-settlement-lapse-grace", new Object[] { grace }, locale);
		return new SettlementTerms(messages.getMessage("cabinet.offer-sign-title", null, locale), settlement, schedule,
				lapse, messages.getMessage("cabinet.offer-sign-help", null, locale));
	}

	/** The terms as one text, a line each as the page shows them, kept with the accepted offer. */
	String text() {
		List<String> lines = new java.util.ArrayList<>();
		// A session written before the title and the signing line were part of the terms has none: what it showed.
		if (title != null) {
			lines.add(title);
		}
		lines.add(settlement);
		lines.addAll(schedule);
		lines.add(lapse);
		if (signing != null) {
			lines.add(signing);
		}
		return String.join("\n", lines);
	}

	/** «9 000,00», as the pages print money ({@link Amounts}). */
	static String roubles(Money money) {
		return Amounts.digits(money.roubles());
	}
}
