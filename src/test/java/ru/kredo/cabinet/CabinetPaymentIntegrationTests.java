package ru.kredo.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.OperatorOffer;
import ru.kredo.platform.InvalidFields;
import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.OfferPart;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.documents.Agency;
import ru.kredo.documents.Certificates;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponent;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantKind;

/** A debtor signs in, sees his debt, pays part and then the rest through the sandbox provider; the debt closes. */
@IntegrationTest
class CabinetPaymentIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	Funnel funnel;

	@Autowired
	CabinetActivity activity;

	/** The first-party cookie the debtor's browser keeps; MockMvc sends it only when told. */
	final Cookie visitor = new Cookie("kredo-visitor", UUID.randomUUID().toString());

	@Test
	void aDebtorPaysPartThenTheRestAndTheDebtCloses() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-77/2021", LocalDate.of(2021, 4, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ofRoubles("1000.00"), Money.ZERO, Money.ofRoubles("5000.00"),
						Money.ofRoubles("20000.00"), Money.ofRoubles("1500.50")), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);

		String home = mvc.perform(get(door + "/debts/" + debt.id()).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("ПАО «Банк»", "Договор № КД-77/2021 от 01.04.2021", "27\u00a0500,50\u00a0₽", "Госпошлина", "Неустойка");

		pay(session, door, debt, "6500");
		// The provider's page names the contract and the agency, and sends the payer back to Kredo's own address.
		assertThat(lastSandboxPage).contains("Оплата по договору № КД-77/2021 от 01.04.2021, " + agency.tenant().name());
		assertThat(jdbc.sql("select return_url from payments where debt_id = ?").param(debt.id().value())
			.query(String.class).single()).isEqualTo("http://localhost:8080" + door + "/debts/" + debt.id() + "/paid");
		Debt afterFirst = debts.get(agency.tenant().id(), debt.id());
		assertThat(afterFirst.balance().of(DebtComponent.STATE_DUTY)).isEqualTo(Money.ZERO);
		assertThat(afterFirst.balance().of(DebtComponent.INTEREST)).isEqualTo(Money.ZERO);
		assertThat(afterFirst.balance().of(DebtComponent.PRINCIPAL)).isEqualTo(Money.ofRoubles("19500.00"));
		assertThat(afterFirst.balance().of(DebtComponent.PENALTIES)).isEqualTo(Money.ofRoubles("1500.50"));

		pay(session, door, debt, "21000,50");
		Debt repaid = debts.get(agency.tenant().id(), debt.id());
		assertThat(repaid.total()).isEqualTo(Money.ZERO);
		assertThat(repaid.isClosed()).isTrue();
		assertThat(debts.payments(agency.tenant().id(), debt.id())).hasSize(2);
		assertThat(mvc.perform(get(door + "/debts/" + debt.id()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("Погашен", "Скачать справку о погашении");

		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		byte[] pdf = mvc.perform(get(door + "/debts/" + debt.id() + "/certificate.pdf").session(session))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
				.contains("Сумма задолженности 27\u00a0500,50\u00a0руб.", "Всего уплачено 27\u00a0500,50\u00a0руб.",
						"Прощено (ст. 415 ГК РФ) 0,00\u00a0руб.", "погашена уплатой 27\u00a0500,50\u00a0руб., долг не прощался",
						"исполнены в полном объёме")
				.doesNotContain("Основание прощения");
		}
		String code = certificates.find(agency.tenant().id(), debt.id().value()).orElseThrow().verificationCode().value();
		assertThat(mvc.perform(get("/verify").param("code", code)).andReturn().getResponse().getContentAsString())
			.contains("Справка действительна", "ООО ПКО «Тест»");
	}

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Certificates certificates;

	@Test
	void aDebtorTakesThePreApprovedDiscountSignsItWithACodePaysAndTheRestIsForgiven() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Старые долги", 100, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-9/2020", LocalDate.of(2020, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ofRoubles("2000.00"), Money.ofRoubles("8000.00"), Money.ZERO), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);

		assertThat(mvc.perform(get(door + "/debts/" + debt.id()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("Для вас предодобрена скидка 10%", "Заплатите 9\u00a0000,00\u00a0₽ вместо 10\u00a0000,00\u00a0₽")
			.doesNotContain("Старые долги"); // the agency's rule names are its own, never shown to the debtor
		String terms = terms(session, door, debt, mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").session(session).with(csrf())));
		assertThat(terms).contains("ст. 415 ГК РФ");
		String signingCode = latestCode(agency, 2);
		// A real agency's texts are never on screen, the signing code no more than the sign-in code.
		assertThat(terms).doesNotContain("demo-code").doesNotContain(signingCode);
		mvc.perform(post(door + "/debts/" + debt.id() + "/offer/accept")
			.param("code", signingCode).session(session).with(csrf()));
		assertThat(mvc.perform(get(door + "/debts/" + debt.id()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("осталось заплатить 9\u00a0000,00\u00a0₽");

		pay(session, door, debt, "9000");

		assertThat(debts.get(agency.tenant().id(), debt.id()).isClosed()).isTrue();
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.PAID);
		assertThat(mvc.perform(get(door + "/debts/" + debt.id()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("прощено 1\u00a0000,00\u00a0₽");
	}

	@Test
	void anOfferNotTakenInTimeLapsesVisibly() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 15, 7, PartPolicy.IN_FULL);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "МФО", "З-3", LocalDate.of(2023, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 30);
		assertThat(offers.find(agency.tenant().id(), debt.id())).get().extracting(Offer::offerAmount)
			.isEqualTo(Money.ofRoubles("850.00"));
		jdbc.sql("update offers set valid_until = current_date - 1 where debt_id = ?").param(debt.id().value()).update();

		assertThat(offers.find(agency.tenant().id(), debt.id())).get().extracting(Offer::status).isEqualTo(Offer.Status.LAPSED);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> offers.accept(agency.tenant().id(), debt.id(), UUID.randomUUID(), 1,
				Money.ofRoubles("850.00"), "Условия")).hasMessage("offer.expired");
	}

	@Autowired
	Offers offers;

	@Test
	void aDebtorCannotPayMoreThanTheBalanceNorAnotherDebtorsDebt() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Contact other = fixtures.contact(agency);
		Debt own = debts.add(agency.tenant().id(), debtor.id(), "МФО", "З-1", LocalDate.of(2023, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("3000.00"), Money.ZERO), 90);
		Debt theirs = debts.add(agency.tenant().id(), other.id(), "МФО", "З-2", LocalDate.of(2023, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("3000.00"), Money.ZERO), 90);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);

		mvc.perform(post(door + "/debts/" + own.id() + "/pay").param("amount", "3000,01").param("key", "k1")
			.session(session).with(csrf()));
		assertThat(mvc.perform(get(door + "/debts/" + own.id()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("Сумма больше остатка долга (3\u00a0000,00\u00a0₽).", "3\u00a0000,00\u00a0₽");
		assertThat(mvc.perform(post(door + "/debts/" + theirs.id() + "/pay").param("amount", "10").param("key", "k2")
			.session(session).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(debts.get(agency.tenant().id(), own.id()).total()).isEqualTo(Money.ofRoubles("3000.00"));

		// The whole balance, then again from a second tab while the first payment page is still open.
		assertThat(mvc.perform(post(door + "/debts/" + own.id() + "/pay").param("amount", "3000").param("key", "tab-1")
			.session(session).with(csrf())).andReturn().getResponse().getRedirectedUrl()).startsWith("/payments/sandbox/");
		assertThat(mvc.perform(post(door + "/debts/" + own.id() + "/pay").param("amount", "100").param("key", "tab-2")
			.session(session).with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo(door + "/debts/" + own.id());
		assertThat(mvc.perform(get(door + "/debts/" + own.id()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("Уже начат платёж на 3\u00a0000,00\u00a0₽");
	}

	@Test
	void anAmountCopiedAsThePageWritesItIsPaidAndAWrongOneIsRefusedWithWhatHeTypedKept() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "МФО", "З-3", LocalDate.of(2023, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("31019.00"), Money.ZERO), 90);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);
		// The page writes amounts «1 000,00 ₽», thousands apart by a no-break space; a phone's keyboard or a copy from
		// a bank's app may give a narrow one. Pasted back as they are, they are what they say.
		assertThat(debtPage(session, door, debt)).contains("31\u00a0019,00\u00a0₽");
		pay(session, door, debt, "1\u00a0000,00\u00a0₽");
		pay(session, door, debt, "1\u202f000,00");
		assertThat(debts.get(agency.tenant().id(), debt.id()).total()).isEqualTo(Money.ofRoubles("29019.00"));

		// A third decimal is refused, said why, and stays in the field as he typed it.
		assertThat(mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", "1 000,005").param("key", "k-wrong")
			.session(session).cookie(visitor).with(csrf())).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo(door + "/debts/" + debt.id());
		assertThat(debtPage(session, door, debt)).contains("value=\"1 000,005\"").containsPattern("alert-danger[^>]*>[^<]*[Сс]умм");
		assertThat(debts.get(agency.tenant().id(), debt.id()).total()).isEqualTo(Money.ofRoubles("29019.00"));
	}

	@Test
	void aPaymentBeyondTheDebtIsToBeReturnedUntilTheAgencyRefundsItAndThenItSaysItWasReturned() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "МФО", "З-4", LocalDate.of(2023, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("3000.00"), Money.ZERO), 90);
		// Two payments the provider took (two phones of his, a page left open): both are paid, the second after the debt
		// was repaid, all of it beyond the debt.
		ru.kredo.payments.Payment whole = payments.start(agency.tenant().id(), new ru.kredo.payments.PayableRef(debt.id().value()),
				Money.ofRoubles("3000.00"), ru.kredo.payments.PaymentMethod.SBP, "https://kredo.example/back", "phone-1");
		ru.kredo.payments.Payment again = payments.start(agency.tenant().id(), new ru.kredo.payments.PayableRef(debt.id().value()),
				Money.ofRoubles("1000.00"), ru.kredo.payments.PaymentMethod.SBP, "https://kredo.example/back", "phone-2");
		mvc.perform(post(whole.confirmationUrl() + "/pay").with(csrf()));
		mvc.perform(post(again.confirmationUrl() + "/pay").with(csrf()));
		assertThat(debts.get(agency.tenant().id(), debt.id()).isClosed()).isTrue();
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);
		assertThat(debtPage(session, door, debt)).contains("Из них 1\u00a0000,00", "подлежат возврату вам");

		// The agency refunds it in ЮKassa's cabinet (YooKassaNotificationsIntegrationTests records it from ЮKassa).
		jdbc.sql("update payments set refunded = 100000 where id = ?").param(again.id().value()).update();

		assertThat(debtPage(session, door, debt)).contains("Агентство вернуло вам по этому платежу 1\u00a0000,00")
			.doesNotContain("подлежат возврату вам");
		byte[] pdf = mvc.perform(get(door + "/debts/" + debt.id() + "/statement.pdf").session(session))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
				.contains("Всего уплачено 3\u00a0000,00\u00a0руб.", "возвращено плательщику 1\u00a0000,00")
				.doesNotContain("ещё не возвращено");
		}
	}

	@Test
	void aDebtorPaysTheDiscountInTwoPartsByTheScheduleAndOnlyTheLastPartForgivesTheRest() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Частями", 100, Money.ZERO, 10, 14, new PartPolicy(3, PartInterval.MONTH, 0));
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		// 10 000,03 ₽ less 10% (1 000,00 ₽, rounded down) is 9 000,03 ₽: two parts of 4 500,02 and 4 500,01 ₽.
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-12/2020", LocalDate.of(2020, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ofRoubles("2000.03"), Money.ofRoubles("8000.00"), Money.ZERO), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);
		// What he looks at is kept on his card only with his consent (docs/privacy.md).
		ru.kredo.cabinet.web.CabinetConsent.give(mvc, session, door);

		assertThat(debtPage(session, door, debt)).contains("Можно заплатить частями — до 3 платежей, раз в месяц", "В 2 платежа",
				"Сразу всю сумму");
		LocalDate validUntil = offers.find(agency.tenant().id(), debt.id()).orElseThrow().validUntil();
		String firstDue = validUntil.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		String secondDue = validUntil.plusMonths(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		String terms = terms(session, door, debt, mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").param("parts", "2").session(session)
			.cookie(visitor).with(csrf())));
		assertThat(terms).contains("ст. 415 ГК РФ", "Платёж 1: 4\u00a0500,02\u00a0₽ до " + firstDue, "Платёж 2: 4\u00a0500,01\u00a0₽ до " + secondDue,
				"соглашение утратит силу");
		accept(agency, session, door, debt, terms);

		Offer accepted = offers.find(agency.tenant().id(), debt.id()).orElseThrow();
		assertThat(accepted.status()).isEqualTo(Offer.Status.ACCEPTED);
		assertThat(accepted.schedule()).extracting(OfferPart::amount)
			.containsExactly(Money.ofRoubles("4500.02"), Money.ofRoubles("4500.01"));
		assertThat(accepted.signedTerms()).contains("Платёж 1: 4\u00a0500,02\u00a0₽ до " + firstDue, "ст. 415 ГК РФ");
		assertThat(debtPage(session, door, debt)).contains("Следующий платёж № 1 — 4\u00a0500,02\u00a0₽ до " + firstDue, "value=\"4500,02\"",
				"График платежей (PDF)");

		mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", "1000").param("key", "too-little")
			.session(session).cookie(visitor).with(csrf()));
		assertThat(debtPage(session, door, debt)).contains("Очередной платёж по соглашению — не меньше 4\u00a0500,02\u00a0₽.");
		mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", "9000.04").param("key", "too-much")
			.session(session).cookie(visitor).with(csrf()));
		assertThat(debtPage(session, door, debt)).contains("По соглашению осталось заплатить 9\u00a0000,03\u00a0₽");

		pay(session, door, debt, "4500,02");
		Debt afterFirst = debts.get(agency.tenant().id(), debt.id());
		assertThat(afterFirst.isClosed()).isFalse();
		assertThat(afterFirst.total()).isEqualTo(Money.ofRoubles("5500.01"));
		assertThat(debtPage(session, door, debt)).contains("осталось заплатить 4\u00a0500,01\u00a0₽", "Следующий платёж № 2 — 4\u00a0500,01\u00a0₽ до " + secondDue,
				"Оплачен");
		byte[] pdf = mvc.perform(get(door + "/debts/" + debt.id() + "/offer/schedule.pdf").session(session))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
				.contains("ГРАФИК ПЛАТЕЖЕЙ", firstDue, secondDue, "4\u00a0500,02\u00a0руб.", "4\u00a0500,01\u00a0руб.", "Итого 9\u00a0000,03\u00a0руб.",
						"ст. 415 ГК РФ", "остаток 1\u00a0000,00\u00a0руб. прощается");
		}

		pay(session, door, debt, "4500,01");
		assertThat(debts.get(agency.tenant().id(), debt.id()).isClosed()).isTrue();
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.PAID);
		assertThat(debtPage(session, door, debt)).contains("прощено 1\u00a0000,00\u00a0₽");

		// Both payments reached the funnel's last step for this visitor, and the debtor's activity shows all he did.
		org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(activity.of(agency.tenant().id(), debtor.id(), 50))
			.filteredOn(e -> e.step() == FunnelStep.PAYMENT_SUCCEEDED).hasSize(2));
		assertThat(funnel.of(agency.tenant().id())).filteredOn(row -> row.step() == FunnelStep.PAYMENT_SUCCEEDED)
			.singleElement().satisfies(row -> {
				assertThat(row.visitors()).isEqualTo(1);
				assertThat(row.leftHere()).isEqualTo(1);
			});
		assertThat(activity.of(agency.tenant().id(), debtor.id(), 50)).extracting(CabinetActivity.Entry::step)
			.contains(FunnelStep.CODE_CONFIRMED, FunnelStep.DEBT_VIEWED, FunnelStep.OFFER_VIEWED, FunnelStep.OFFER_ACCEPTED,
					FunnelStep.PAYMENT_STARTED);
	}

	@Test
	void aPartNotPaidByItsDateMakesTheOfferLapseVisiblyAndWhatWasPaidStaysOnTheDebt() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Частями", 100, Money.ZERO, 10, 14, new PartPolicy(2, PartInterval.WEEK, 2));
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-13/2020", LocalDate.of(2020, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);
		debtPage(session, door, debt);
		String terms = terms(session, door, debt, mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").param("parts", "2").session(session)
			.cookie(visitor).with(csrf())));
		assertThat(terms).contains("в течение 2 дн. после своей даты");
		accept(agency, session, door, debt, terms);
		pay(session, door, debt, "4500");

		// The second part fell due three days ago: past its two days of grace, yesterday was the last day.
		jdbc.sql("update offer_parts set due_on = current_date - 3 where offer_id = ? and number = 2")
			.param(offers.find(agency.tenant().id(), debt.id()).orElseThrow().id()).update();
		jdbc.sql("update offer_parts set due_on = current_date - 10 where offer_id = ? and number = 1")
			.param(offers.find(agency.tenant().id(), debt.id()).orElseThrow().id()).update();

		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.LAPSED);
		String lapsed = debtPage(session, door, debt);
		assertThat(lapsed).contains("Платёж № 2 не поступил до", "соглашение утратило силу", "Уплаченные по нему 4\u00a0500,00\u00a0₽",
				"5\u00a0500,00\u00a0₽");
		// The daily renewal records the lapse in the debt's state: open again (a plan or a dispute may follow), once.
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.UNDER_SETTLEMENT);
		assertThat(offers.tenantsWithSettlements()).contains(agency.tenant().id());
		assertThat(offers.reopenLapsedSettlements(agency.tenant().id())).isEqualTo(1);
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		assertThat(offers.reopenLapsedSettlements(agency.tenant().id())).isZero();
		// An operator cannot replace the lapsed agreement, and is told why (not that it is "already signed").
		assertThatThrownBy(() -> offers.offerFromConversation(agency.tenant().id(), debtor.id(), debt.id(),
				new OperatorOffer(5, null, 10), UUID.randomUUID(), "Оператор"))
			.isInstanceOfSatisfying(InvalidFields.class,
					ex -> assertThat(ex.errors().get("debt").code()).isEqualTo("offer.settlement-lapsed"));
		pay(session, door, debt, "4500");
		Debt after = debts.get(agency.tenant().id(), debt.id());
		assertThat(after.isClosed()).as("a lapsed offer forgives nothing").isFalse();
		assertThat(after.total()).isEqualTo(Money.ofRoubles("1000.00"));
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().paidSinceAccepted())
			.isEqualTo(Money.ofRoubles("4500.00"));
	}

	@Autowired
	ru.kredo.payments.Payments payments;

	@Test
	void aRepaidDebtOffersNoSettlementRefusesSigningItAndTakesNoSecondPayment() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 15, 14, PartPolicy.IN_FULL);
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-21/2020", LocalDate.of(2020, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ofRoubles("20878.10"), Money.ofRoubles("500000.00"), Money.ZERO), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);
		assertThat(debtPage(session, door, debt)).contains("Для вас предодобрена скидка 15%", "Заплатите 442\u00a0746,39\u00a0₽ вместо 520\u00a0878,10\u00a0₽");
		// The terms are opened in one tab, and the whole balance is paid in another.
		String terms = terms(session, door, debt, mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").session(session).cookie(visitor)
			.with(csrf())));
		assertThat(terms).contains("ст. 415 ГК РФ");
		pay(session, door, debt, "520878,10");
		assertThat(debts.get(agency.tenant().id(), debt.id()).isClosed()).isTrue();

		String repaid = debtPage(session, door, debt);
		assertThat(repaid).contains("Погашен").doesNotContain("Для вас предодобрена скидка", "Принять предложение");
		accept(agency, session, door, debt, terms);
		assertThat(debtPage(session, door, debt)).contains("Этот долг уже погашен — подписывать соглашение и платить по нему больше не нужно.");
		mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").session(session).cookie(visitor).with(csrf()));
		assertThat(debtPage(session, door, debt)).contains("Этот долг уже погашен — подписывать соглашение");
		assertThat(offers.find(agency.tenant().id(), debt.id())).as("no offer stands on a repaid debt").isEmpty();

		// The settlement's sum, paid again: refused by the cabinet, and by the payments' own cap.
		assertThat(mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", "442746,39")
			.param("key", UUID.randomUUID().toString()).session(session).cookie(visitor).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo(door + "/debts/" + debt.id());
		assertThat(debtPage(session, door, debt)).contains("Этот долг уже погашен — платить по нему больше не нужно.");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> payments.startWithin(
				() -> offers.owed(agency.tenant().id(), debts.get(agency.tenant().id(), debt.id())), agency.tenant().id(),
				new ru.kredo.payments.PayableRef(debt.id().value()), Money.ofRoubles("442746.39"),
				ru.kredo.payments.PaymentMethod.SBP, "/back", UUID.randomUUID().toString(),
				ru.kredo.payments.PaymentDetails.UNKNOWN_PAYER))
			.hasMessage("payment.exceeds-balance");
		assertThat(payments.ofPayable(agency.tenant().id(), new ru.kredo.payments.PayableRef(debt.id().value()))).hasSize(1);
		assertThat(debts.payments(agency.tenant().id(), debt.id())).singleElement()
			.satisfies(p -> assertThat(p.split().total()).isEqualTo(p.amount()));
	}

	@Test
	void aPartPaidBeforeSigningLowersTheSettlementWhichCapsWhatIsLeftAndTheCertificateShowsPaidAndForgiven() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 14, new PartPolicy(2, PartInterval.MONTH, 0));
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-22/2020", LocalDate.of(2020, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ofRoubles("2000.00"), Money.ofRoubles("8000.00"), Money.ZERO), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);
		assertThat(debtPage(session, door, debt)).contains("Заплатите 9\u00a0000,00\u00a0₽ вместо 10\u00a0000,00\u00a0₽");

		pay(session, door, debt, "4000");
		// The discount is on what is owed now: 10% off the 6 000,00 ₽ left.
		assertThat(debtPage(session, door, debt)).contains("Заплатите 5\u00a0400,00\u00a0₽ вместо 6\u00a0000,00\u00a0₽");
		String terms = terms(session, door, debt, mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").param("parts", "2").session(session)
			.cookie(visitor).with(csrf())));
		assertThat(terms).contains("5\u00a0400,00", "Платёж 1: 2\u00a0700,00\u00a0₽");
		accept(agency, session, door, debt, terms);
		assertThat(debtPage(session, door, debt)).contains("Соглашение подписано", "осталось заплатить 5\u00a0400,00\u00a0₽");
		Offer signed = offers.find(agency.tenant().id(), debt.id()).orElseThrow();
		assertThat(signed.status()).isEqualTo(Offer.Status.ACCEPTED);
		assertThat(signed.fullAmount()).isEqualTo(Money.ofRoubles("6000.00"));
		assertThat(signed.offerAmount()).isEqualTo(Money.ofRoubles("5400.00"));
		assertThat(offers.owed(agency.tenant().id(), debts.get(agency.tenant().id(), debt.id())))
			.isEqualTo(Money.ofRoubles("5400.00"));

		mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", "5400.01").param("key", "too-much")
			.session(session).cookie(visitor).with(csrf()));
		assertThat(debtPage(session, door, debt)).contains("По соглашению осталось заплатить 5\u00a0400,00\u00a0₽");
		pay(session, door, debt, "2700");
		pay(session, door, debt, "2700");
		Debt closed = debts.get(agency.tenant().id(), debt.id());
		assertThat(closed.isClosed()).isTrue();
		assertThat(closed.repaid()).isEqualTo(Money.ofRoubles("9400.00"));
		assertThat(closed.forgiven()).isEqualTo(Money.ofRoubles("600.00"));
		assertThat(debtPage(session, door, debt)).contains("прощено 600,00\u00a0₽").doesNotContain("Принять предложение");

		byte[] pdf = mvc.perform(get(door + "/debts/" + debt.id() + "/certificate.pdf").session(session))
			.andReturn().getResponse().getContentAsByteArray();
		String text;
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			// A long agreement number may wrap after a hyphen: «8fd7b0be-» at a line's end, «275d-…» on the next.
			// A justified line widens its no-break spaces too, and the extraction then adds a space after one.
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("-\\s+", "-")
				.replaceAll("\\s+", " ").replace("\u00a0 ", "\u00a0");
		}
		String signedOn = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
			.format(signed.acceptedAt().atZone(java.time.ZoneId.of("Europe/Moscow")));
		assertThat(text).contains("Сумма задолженности 10\u00a0000,00\u00a0руб.", "Всего уплачено 9\u00a0400,00\u00a0руб.",
				"Прощено (ст. 415 ГК РФ) 600,00\u00a0руб.", "Соглашение о прощении долга № " + signed.id() + " от " + signedOn,
				"простой электронной подписью (код из SMS)", "уплачено 9\u00a0400,00\u00a0руб., остаток 600,00\u00a0руб. прощён")
			.doesNotContain("Всего уплачено 10\u00a0000,00\u00a0руб.");
		assertThat(text.indexOf("Прощено (ст. 415 ГК РФ)")).as("the figures come before the obligations are called fulfilled")
			.isLessThan(text.indexOf("исполнены в полном объёме"));

		// The agency sees paid and forgiven apart, in the list and on the debtor's card.
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(fixtures.admin(agency));
		assertThat(mvc.perform(get("/debtors").with(admin)).andReturn().getResponse().getContentAsString())
			.contains("Уплачено", "Прощено", "<td class=\"text-end paid\">9\u00a0400,00\u00a0₽</td>",
					"<td class=\"text-end forgiven\">600,00\u00a0₽</td>");
		assertThat(mvc.perform(get("/debtors/{id}", debtor.id().value()).with(admin)).andReturn().getResponse()
			.getContentAsString()).contains("Прощено по соглашению", "<dd class=\"col-sm-8 paid\">9\u00a0400,00\u00a0₽</dd>",
					"<dd class=\"col-sm-8 forgiven\">600,00\u00a0₽</dd>");
	}

	@Test
	void termsReadBeforeAPaymentWentThroughOrWhileOneIsUnderWayAreNotSigned() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-23/2020", LocalDate.of(2020, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);
		debtPage(session, door, debt);

		String terms = terms(session, door, debt, mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").session(session).cookie(visitor)
			.with(csrf())));
		assertThat(terms).contains("9\u00a0000,00");
		pay(session, door, debt, "4000");
		accept(agency, session, door, debt, terms);
		assertThat(debtPage(session, door, debt)).contains("Остаток долга изменился, пока вы подписывали");
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.OFFERED);

		// A payment page left open: the balance may still change, so nothing is signed until it is through.
		assertThat(mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", "1000").param("key", "open-page")
			.session(session).cookie(visitor).with(csrf())).andReturn().getResponse().getRedirectedUrl())
			.startsWith("/payments/sandbox/");
		mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").session(session).cookie(visitor).with(csrf()));
		assertThat(debtPage(session, door, debt)).contains("Начат платёж на 1\u00a0000,00\u00a0₽, он ещё не завершён.");
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.OFFERED);
	}

	@Test
	void aPaymentLeftOnTheProvidersPageIsOfferedAgainOnTheDebtThatStartedItOnly() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String phone = phone();
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt first = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-1/2021", LocalDate.of(2021, 4, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("3000.00"),
						Money.ZERO), 400);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-2/2021", LocalDate.of(2021, 5, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("4000.00"),
						Money.ZERO), 400);
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signIn(agency, door, phone);

		String providersPage = mvc.perform(post(door + "/debts/" + first.id() + "/pay").param("amount", "1000,00")
			.param("method", "SBP").param("key", UUID.randomUUID().toString()).session(session).cookie(visitor).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();

		String home = home(session, door);
		assertThat(home).contains("continue-payment", "href=\"" + providersPage + "\"");
		assertThat(home.split("continue-payment", -1)).as("one debt's payment, offered once").hasSize(2);
	}

	/** One debt's page: its offer, schedule, pay form and payments (the home page has a line per debt). */
	private String debtPage(MockHttpSession session, String door, Debt debt) throws Exception {
		return mvc.perform(get(door + "/debts/" + debt.id()).session(session).cookie(visitor)).andReturn().getResponse()
			.getContentAsString();
	}

	private String home(MockHttpSession session, String door) throws Exception {
		return mvc.perform(get(door + "/home").session(session).cookie(visitor)).andReturn().getResponse().getContentAsString();
	}

	private void accept(Provisioned agency, MockHttpSession session, String door, Debt debt, String terms) throws Exception {
		assertThat(terms).as("the signing step").contains("name=\"code\"");
		mvc.perform(post(door + "/debts/" + debt.id() + "/offer/accept")
			.param("code", latestCode(agency, 2)).session(session).cookie(visitor).with(csrf()));
	}

	/** The signing step «Принять предложение» leads to: a page of its own, the terms waiting in the session. */
	private String terms(MockHttpSession session, String door, Debt debt, org.springframework.test.web.servlet.ResultActions sign)
			throws Exception {
		assertThat(sign.andReturn().getResponse().getRedirectedUrl()).isEqualTo(door + "/debts/" + debt.id() + "/offer/sign");
		return mvc.perform(get(door + "/debts/" + debt.id() + "/offer/sign").session(session).cookie(visitor))
			.andReturn().getResponse().getContentAsString();
	}

	private static String phone() {
		return "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
	}

	private String lastSandboxPage;

	private void pay(MockHttpSession session, String door, Debt debt, String amount) throws Exception {
		String sandbox = mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", amount)
			.param("method", "SBP").param("key", UUID.randomUUID().toString()).session(session).cookie(visitor).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(sandbox).startsWith("/payments/sandbox/");
		lastSandboxPage = mvc.perform(get(sandbox)).andReturn().getResponse().getContentAsString();
		String back = mvc.perform(post(sandbox + "/pay").with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(back).isEqualTo(door + "/debts/" + debt.id() + "/paid");
		assertThat(mvc.perform(get(back).session(session).cookie(visitor)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo(door + "/debts/" + debt.id());
		// The browser follows on to the debt's page, which says how the payment went (once).
		debtPage(session, door, debt);
	}

	private MockHttpSession signIn(Provisioned agency, String door, String phone) throws Exception {
		MockHttpSession session = new MockHttpSession();
		assertThat(mvc.perform(post(door + "/sign-in").param("fullName", "Громов Илья Ильич").param("phone", phone)
			.session(session).cookie(visitor).with(csrf())).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo(door + "/code");
		String refused = mvc.perform(post(door + "/code")
			.param("code", latestCode(agency, 1)).session(session).cookie(visitor).with(csrf()))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).as("the code page answered instead of the cabinet").isEmpty();
		return session;
	}

	/** The code of the {@code nth} text the agency sent, as the debtor's phone got it (the development outbox). */
	private String latestCode(Provisioned agency, int nth) {
		org.awaitility.Awaitility.await().until(() -> jdbc.sql("select count(*) from sms_outbox where tenant_id = ?")
			.param(agency.tenant().id().value()).query(Long.class).single() >= nth);
		byte[] text = jdbc.sql("select text from sms_outbox where tenant_id = ? order by id desc limit 1")
			.param(agency.tenant().id().value()).query(byte[].class).single();
		Matcher code = Pattern.compile("»: (\\d{6})").matcher(personalData.open("sms_outbox.text", new Sealed(text)));
		assertThat(code.find()).isTrue();
		return code.group(1);
	}
}
