package ru.kredo.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.springframework.stereotype.Component;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyProfile;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debts;
import ru.kredo.collections.OfferRules;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Agency;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/** The demo agency's portfolio: one debt per debtor, reproducible, from the creditors such portfolios come from. */
@Component
class DemoDebts {

	private static final List<String> CREDITORS = List.of("ПАО «Сбербанк»", "Банк ВТБ (ПАО)", "АО «Альфа-Банк»",
			"АО «Тинькофф Банк»", "ООО МФК «Быстроденьги»", "ООО МФК «Займер»", "ООО МКК «Деньги сразу»",
			"ПАО «Совкомбанк»");

	/** Where the demo's debtors live: a few regions across the zones, for the 230-ФЗ contact hours. */
	private static final List<Map.Entry<String, ZoneId>> REGIONS = List.of(Map.entry("Москва", BusinessCalendar.MOSCOW),
			Map.entry("Московская область", BusinessCalendar.MOSCOW),
			Map.entry("Республика Татарстан", BusinessCalendar.MOSCOW),
			Map.entry("Свердловская область", ZoneId.of("Asia/Yekaterinburg")),
			Map.entry("Новосибирская область", ZoneId.of("Asia/Novosibirsk")),
			Map.entry("Приморский край", ZoneId.of("Asia/Vladivostok")));

	private final Debts debts;
	private final Contacts contacts;
	private final AgencyRequisites requisites;
	private final Offers offers;
	private final OfferRules rules;

	DemoDebts(Debts debts, Contacts contacts, AgencyRequisites requisites, Offers offers, OfferRules rules) {
		this.debts = debts;
		this.contacts = contacts;
		this.requisites = requisites;
		this.offers = offers;
		this.rules = rules;
	}

	/** Gives every contact of the agency a debt, once; returns a debtor with a phone to try the cabinet with. */
	Optional<Contact> startOnce(TenantId collector) {
		if (requisites.of(collector).isEmpty()) {
			Agency legal = new Agency("Общество с ограниченной ответственностью Профессиональная коллекторская "
					+ "организация «Возврат» (демо)", "7700000009", "1000000000000", "123000, г. Москва, ул. Примерная, д. 1",
					"+7 800 000-00-00");
			// What the cabinet shows of the agency besides (its footer, «Контакты»); the texts are the defaults.
			requisites.save(collector, new AgencyProfile(legal, "пн–пт 9:00–20:00, сб 10:00–16:00 (мск)",
					"info@vozvrat.demo", "0/00/00000-КЛ (демо)", null, null), legal.fullName());
		}
		if (rules.all(collector).isEmpty()) {
			offers.addRule(collector, "Долги старше полугода", 180, Money.ofKopecks(1_000_000), 15, 30, PartPolicy.IN_FULL);
			offers.addRule(collector, "Долги старше года", 365, Money.ZERO, 10, 30,
					new PartPolicy(3, PartInterval.MONTH, 3));
		}
		List<Contact> debtors = contacts.all(collector);
		Random random = new Random(230);
		for (Contact debtor : debts.count(collector) > 0 ? List.<Contact>of() : debtors) {
			String creditor = CREDITORS.get(random.nextInt(CREDITORS.size()));
			Map.Entry<String, ZoneId> region = REGIONS.get(Math.floorMod(debtor.id().value().hashCode(), REGIONS.size()));
			boolean mfo = creditor.contains("МФК") || creditor.contains("МКК");
			long principal = mfo ? 5_000 + random.nextInt(45_000) : 40_000 + random.nextInt(460_000);
			LocalDate signed = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(1_500));
			debts.add(collector, debtor.id(), creditor, (mfo ? "З-" : "КД-") + (100_000 + random.nextInt(900_000)) + "/"
					+ signed.getYear(), signed, signed.plusMonths(18 + random.nextInt(18)),
					DebtComponents.of(roubles(mfo ? 0 : random.nextInt(4_000)), roubles(random.nextInt(1_500)),
							roubles(principal * (10 + random.nextInt(60)) / 100), roubles(principal),
							roubles(principal * random.nextInt(25) / 100)),
					200 + random.nextInt(900), region.getKey(), region.getValue());
		}
		return debtors.stream().filter(debtor -> debtor.phone() != null).findFirst();
	}

	private static Money roubles(long roubles) {
		return Money.ofKopecks(roubles * 100);
	}
}
