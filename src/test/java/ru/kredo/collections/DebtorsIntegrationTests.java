package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.cabinet.CabinetActivity;
import ru.kredo.cabinet.FunnelStep;
import ru.kredo.contacts.Contact;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.money.Money;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.Payments;
import ru.kredo.payments.internal.SandboxCheckout;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class DebtorsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	AuditLog audit;

	@Test
	void theAgencySeesItsDebtsAndADebtorsCardWithTheBalanceByComponent() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		debts.add(agency.tenant().id(), debtor.id(), "АО «Альфа-Банк»", "КД-1/2020", LocalDate.of(2020, 5, 5), null,
				DebtComponents.of(Money.ofRoubles("2000.00"), Money.ZERO, Money.ofRoubles("10000.00"),
						Money.ofRoubles("90000.00"), Money.ZERO), 700, "Новосибирская область", ZoneId.of("Asia/Novosibirsk"));

		String list = mvc.perform(get("/debtors").with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Семёнова Анна Петровна", "АО «Альфа-Банк»", "102\u00a0000,00\u00a0₽", "Новосибирская область",
				"/debtors/portfolios");

		String card = mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(card).contains("Госпошлина", "2\u00a0000,00\u00a0₽", "Основной долг", "90\u00a0000,00\u00a0₽", "4510 987654",
				"Новосибирск (UTC+7)");
		assertThat(audit.latest(agency.tenant().id(), 3)).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.PERSONAL_DATA_VIEWED));
	}

	@Test
	void aDebtorsCardShowsHisOfferWithItsRuleAndSchedulePaymentsAndCabinetActivityInMoscowTime() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Частями", 100, Money.ZERO, 10, 14, new PartPolicy(3, PartInterval.MONTH, 2));
		Contact debtor = fixtures.contact(agency);
		Debt debt = debts.add(tenant, debtor.id(), "АО «Альфа-Банк»", "КД-7/2020", LocalDate.of(2020, 5, 5), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 700);
		offers.find(tenant, debt.id());
		offers.accept(tenant, debt.id(), UUID.randomUUID(), 2, Money.ofRoubles("9000.00"),
				"Условия соглашения\nПлатёж 1: 4\u00a0500,00\u00a0₽");
		UUID visitor = UUID.randomUUID();
		activity.signedIn(tenant, visitor, debtor.id());
		Payment paid = payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles("4500"), PaymentMethod.SBP,
				"/back", UUID.randomUUID().toString());
		activity.paymentStarted(tenant, visitor, debtor.id(), paid);
		sandbox.pay(paid.providerPaymentId());
		Payment dropped = payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles("4500"),
				PaymentMethod.BANK_CARD, "/back", UUID.randomUUID().toString());
		sandbox.cancel(dropped.providerPaymentId());
		Awaitility.await().untilAsserted(() -> assertThat(activity.of(tenant, debtor.id(), 10))
			.extracting(CabinetActivity.Entry::step).contains(FunnelStep.PAYMENT_SUCCEEDED));

		String card = mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(card).contains("Скидка 10% по правилу «Частями»", "Соглашение подписано", "частей до 3, раз в месяц",
				"отсрочка 2 дн.", "уплачено 4\u00a0500,00\u00a0₽, осталось 4\u00a0500,00\u00a0₽", "Подписанные условия", "Платёж 1: 4\u00a0500,00\u00a0₽",
				"Оплачен", "Отменён", "Основной долг: 4\u00a0500,00\u00a0₽", "/debtors/" + debtor.id().value() + "/cabinet-activity");

		String activityHtml = mvc.perform(get("/debtors/{id}/cabinet-activity", debtor.id().value())
			.with(user(fixtures.admin(agency)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(activityHtml).contains("Вошёл в кабинет", "Начал оплату", "Оплатил", "КД-7/2020", "4\u00a0500,00\u00a0₽",
				"Время московское");
		DateTimeFormatter minutes = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
		Instant signedIn = activity.of(tenant, debtor.id(), 10).getLast().at();
		assertThat(activityHtml).contains(minutes.withZone(ZoneId.of("Europe/Moscow")).format(signedIn))
			.doesNotContain(minutes.withZone(ZoneOffset.UTC).format(signedIn));

		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		mvc.perform(get("/debtors/{id}/cabinet-activity", debtor.id().value()).with(user(fixtures.admin(other))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(other))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPaymentBeyondTheBalanceIsShownAsAnOverpaymentToRefund() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = fixtures.contact(agency);
		Debt debt = debts.add(tenant, debtor.id(), "МФО «Быстро»", "З-9/2024", LocalDate.of(2024, 1, 9), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 200);
		// Paid twice in full, as by someone who does not go through the cabinet's check (a bank transfer, say).
		for (int time = 0; time < 2; time++) {
			Payment paid = payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles(time == 0 ? "700" : "500"),
					PaymentMethod.SBP, "/back", UUID.randomUUID().toString());
			sandbox.pay(paid.providerPaymentId());
		}
		Payment third = payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles("100"), PaymentMethod.SBP,
				"/back", UUID.randomUUID().toString());
		sandbox.pay(third.providerPaymentId());

		Awaitility.await().untilAsserted(() -> assertThat(debts.payments(tenant, List.of(debt.id())).get(debt.id())).hasSize(3));
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ZERO);
		String card = mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(card).contains("Переплата 200,00\u00a0₽: долг был меньше, верните её плательщику",
				"Переплата 100,00\u00a0₽: долг был меньше, верните её плательщику", "Основной долг: 300,00\u00a0₽");
	}

	@Test
	void underASignedSettlementAPaymentAppliesOnlyWhatIsLeftOfItsSumAndTheRestIsAnOverpaymentToRefund() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debts.add(tenant, debtor.id(), "МФО «Быстро»", "З-10/2024", LocalDate.of(2024, 1, 9), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 200);
		offers.find(tenant, debt.id());
		// A payment of the whole balance, started (past the cabinet's check) before the settlement was signed.
		Payment whole = payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles("1000"), PaymentMethod.SBP,
				"/back", UUID.randomUUID().toString());
		offers.accept(tenant, debt.id(), UUID.randomUUID(), 1, Money.ofRoubles("900.00"), "Условия");
		sandbox.pay(whole.providerPaymentId());

		Awaitility.await().until(() -> debts.get(tenant, debt.id()).isClosed());
		Debt settled = debts.get(tenant, debt.id());
		assertThat(settled.repaid()).isEqualTo(Money.ofRoubles("900.00"));
		assertThat(settled.forgiven()).isEqualTo(Money.ofRoubles("100.00"));
		Offer offer = offers.find(tenant, debt.id()).orElseThrow();
		assertThat(offer.status()).isEqualTo(Offer.Status.PAID);
		assertThat(offer.paidSinceAccepted()).isEqualTo(Money.ofRoubles("900.00"));
		assertThat(offers.fulfilled(tenant, debt.id())).get().satisfies(s -> {
			assertThat(s.agreement()).isEqualTo(offer.id());
			assertThat(s.sum()).isEqualTo(Money.ofRoubles("900.00"));
		});
		String card = mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(card).contains("Переплата 100,00\u00a0₽: долг был меньше, верните её плательщику", "Основной долг: 900,00\u00a0₽",
				"<dd class=\"col-sm-8 paid\">900,00\u00a0₽</dd>", "<dd class=\"col-sm-8 forgiven\">100,00\u00a0₽</dd>");
	}

	@Autowired
	CabinetActivity activity;

	@Autowired
	Payments payments;

	@Autowired
	SandboxCheckout sandbox;

	@Test
	void anAgencyAdminSetsRequisitesAndDiscountRulesWithReasonsForBadInput() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		var admin = fixtures.admin(agency);

		mvc.perform(post("/requisites").with(user(admin)).with(csrf()).param("fullName", "ООО ПКО «Ромашка»")
			.param("inn", "12345").param("ogrn", "1027700000008").param("address", "Москва").param("phone", "+7 495 1"));
		assertThat(requisites.of(agency.tenant().id())).isEmpty();
		// A wrong check digit: ИНН 770123456(0), ОГРН 102770000000(8).
		mvc.perform(post("/requisites").with(user(admin)).with(csrf()).param("fullName", "ООО ПКО «Ромашка»")
			.param("inn", "7701234561").param("ogrn", "1027700000008").param("address", "Москва").param("phone", "+7 495 1"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("В ИНН агентства ошибка")));
		mvc.perform(post("/requisites").with(user(admin)).with(csrf()).param("fullName", "ООО ПКО «Ромашка»")
			.param("inn", "7701234560").param("ogrn", "1027700000009").param("address", "Москва").param("phone", "+7 495 1"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("В ОГРН агентства ошибка")));
		assertThat(requisites.of(agency.tenant().id())).isEmpty();
		mvc.perform(post("/requisites").with(user(admin)).with(csrf()).param("fullName", "ООО ПКО «Ромашка»")
			.param("inn", "7701234560").param("ogrn", "1027700000008").param("address", "Москва").param("phone", "+7 495 1"))
			.andExpect(redirectedUrl("/requisites"));
		assertThat(requisites.of(agency.tenant().id())).get().extracting(a -> a.inn()).isEqualTo("7701234560");

		mvc.perform(post("/offer-rules").with(user(admin)).with(csrf()).param("name", "Щедро").param("discountPercent", "70"));
		mvc.perform(post("/offer-rules").with(user(admin)).with(csrf()).param("name", "Старые долги")
			.param("minDaysPastDue", "180").param("minBalance", "10 000,00").param("discountPercent", "15").param("validDays", "30"));
		mvc.perform(post("/offer-rules").with(user(admin)).with(csrf()).param("name", "Слишком дробно")
			.param("discountPercent", "10").param("maxParts", "24"));
		mvc.perform(post("/offer-rules").with(user(admin)).with(csrf()).param("name", "Частями")
			.param("minDaysPastDue", "90").param("discountPercent", "10").param("validDays", "14").param("maxParts", "6")
			.param("interval", "TWO_WEEKS").param("graceDays", "3"));
		assertThat(offers.rules(agency.tenant().id())).hasSize(2).anySatisfy(rule -> {
			assertThat(rule.name()).isEqualTo("Старые долги");
			assertThat(rule.minBalance()).isEqualTo(Money.ofRoubles("10000.00"));
			assertThat(rule.parts()).isEqualTo(PartPolicy.IN_FULL);
		}).anySatisfy(rule -> {
			assertThat(rule.name()).isEqualTo("Частями");
			assertThat(rule.parts()).isEqualTo(new PartPolicy(6, PartInterval.TWO_WEEKS, 3));
		});
		assertThat(mvc.perform(get("/offer-rules").with(user(admin))).andReturn().getResponse().getContentAsString())
			.contains("Старые долги", "15 %", "Частями", "раз в две недели");
	}

	@Test
	void aManagerCannotChangeRequisitesOrRules() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		var manager = fixtures.signedIn(fixtures.manager(agency).email().value());

		mvc.perform(get("/requisites").with(user(manager))).andExpect(status().isNotFound());
		mvc.perform(get("/offer-rules").with(user(manager))).andExpect(status().isNotFound());
	}

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Offers offers;

	@Test
	void aBrokerHasNoDebts() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(get("/debtors").with(user(fixtures.admin(broker)))).andExpect(status().isNotFound());
	}
}
