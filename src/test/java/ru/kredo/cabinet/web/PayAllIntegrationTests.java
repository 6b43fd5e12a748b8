package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.Debts;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.documents.Agency;
import ru.kredo.documents.Certificates;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.payments.Payments;
import ru.kredo.payments.internal.SandboxCheckout;
import ru.kredo.tenancy.TenantKind;

/**
 * «Оплатить всё»: one payment over a debtor's debts through the sandbox, applied to each debt as its own share through
 * the debt's aggregate, and safe with money as a single payment is (issue 10): never more than a debt can take beside
 * what is under way on it, never twice, never for a stale amount.
 */
@IntegrationTest
class PayAllIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	Disputes disputes;

	@Autowired
	Payments payments;

	@Autowired
	SandboxCheckout sandbox;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Certificates certificates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void oneCombinedPaymentClosesBothDebtsEachWithItsShareAndItsOwnCertificate() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		Contact debtor = debtor(agency);
		Debt first = debt(agency, debtor, "КД-1/2021", "3000.00");
		Debt second = debt(agency, debtor, "КД-2/2021", "4000.50");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);

		String home = home(session, door);
		assertThat(home).contains("Всего к оплате сейчас по 2 долгам", "owed-total-now text-nowrap\">7\u00a0000,50\u00a0₽<",
				"Оплатить всё");

		String providers = payAll(session, door);
		Payment payment = payment(providers);
		assertThat(payment.isCombined()).isTrue();
		assertThat(payment.amount()).isEqualTo(Money.ofRoubles("7000.50"));
		assertThat(partsInDatabase(payment)).containsExactlyInAnyOrder(
				List.of(first.id().value().toString(), "300000"), List.of(second.id().value().toString(), "400050"));

		String back = mvc.perform(post(providers + "/pay").with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(back).isEqualTo(door + "/paid-all");
		assertThat(mvc.perform(get(back).session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo(door + "/home");

		assertThat(debts.get(agency.tenant().id(), first.id()).isClosed()).isTrue();
		assertThat(debts.get(agency.tenant().id(), second.id()).isClosed()).isTrue();
		assertThat(debts.payments(agency.tenant().id(), first.id())).singleElement()
			.satisfies(paid -> assertThat(paid.amount()).isEqualTo(Money.ofRoubles("3000.00")));
		assertThat(debts.payments(agency.tenant().id(), second.id())).singleElement()
			.satisfies(paid -> assertThat(paid.amount()).isEqualTo(Money.ofRoubles("4000.50")));
		// Each debt's history (on its page) shows its part, and the agency's card each debt's part of the one payment.
		assertThat(mvc.perform(get(door + "/debts/" + first.id()).session(session)).andReturn().getResponse()
			.getContentAsString()).contains("— 3\u00a0000,00\u00a0₽");
		assertThat(mvc.perform(get(door + "/debts/" + second.id()).session(session)).andReturn().getResponse()
			.getContentAsString()).contains("— 4\u00a0000,50\u00a0₽");
		assertThat(payments.ofPayable(agency.tenant().id(), new ru.kredo.payments.PayableRef(second.id().value())))
			.singleElement().satisfies(part -> assertThat(part.amount()).isEqualTo(Money.ofRoubles("4000.50")));

		// The agency's card of the debtor: the one payment under each debt, as that debt's part, split there.
		String card = mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString();
		assertThat(card).contains("Основной долг: 3 000,00 ₽", "Основной долг: 4 000,50 ₽")
			.doesNotContain("overpaid").doesNotContain("refunded");
		// The agency refunds some of it in ЮKassa's cabinet (YooKassaNotificationsIntegrationTests records it): the card
		// says so at the payment, under each debt it paid, of the whole payment; the debts are left as they are.
		jdbc.sql("update payments set refunded = 100000 where id = ?").param(payment.id().value()).update();
		assertThat(mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString().split("Возвращено плательщику через ЮKassa: 1\u00a0000,00\u00a0₽", -1))
			.hasSize(3);
		assertThat(debts.get(agency.tenant().id(), first.id()).isClosed()).isTrue();
		assertThat(mvc.perform(get("/debtors/{id}/cabinet-activity", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString()).as("started and paid, over all his debts")
			.contains("все долги", "7\u00a0000,50\u00a0₽");

		for (Debt debt : List.of(first, second)) {
			Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> certificates.find(agency.tenant().id(), debt.id().value()).isPresent());
		}
		assertThat(certificateText(session, door, first)).contains("Всего уплачено 3\u00a0000,00\u00a0руб.")
			.doesNotContain("7\u00a0000,50");
		assertThat(certificateText(session, door, second)).contains("Всего уплачено 4\u00a0000,50\u00a0руб.")
			.doesNotContain("7\u00a0000,50");
	}

	@Test
	void theProvidersNotificationDeliveredAgainChangesNoBalance() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtor(agency);
		Debt first = debt(agency, debtor, "КД-1/2021", "5000.00");
		Debt second = debt(agency, debtor, "КД-2/2021", "6000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);
		String providers = payAll(session, door);
		Payment payment = payment(providers);
		sandbox.pay(payment.providerPaymentId());
		String succeeded = sandbox.notificationBody(payment.providerPaymentId(), PaymentStatus.SUCCEEDED);

		for (int again = 0; again < 3; again++) {
			mvc.perform(post("/payments/notifications/sandbox").contentType(MediaType.APPLICATION_JSON).content(succeeded));
		}

		assertThat(debts.get(agency.tenant().id(), first.id()).total()).isEqualTo(Money.ZERO);
		assertThat(debts.get(agency.tenant().id(), second.id()).total()).isEqualTo(Money.ZERO);
		assertThat(debts.payments(agency.tenant().id(), first.id())).hasSize(1);
		assertThat(debts.payments(agency.tenant().id(), second.id())).hasSize(1);
		assertThat(jdbc.sql("select count(*) from debt_payments where payment_id = ?").param(payment.id().value())
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aPaymentUnderWayOnOneDebtIsLeftOutOfTheCombinedPaymentAndNothingIsOverpaid() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtor(agency);
		Debt first = debt(agency, debtor, "КД-1/2021", "3000.00");
		Debt second = debt(agency, debtor, "КД-2/2021", "4000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);
		// A single payment of 1 000 ₽ on the first debt is left on the provider's page.
		String single = mvc.perform(post(door + "/debts/" + first.id() + "/pay").param("amount", "1000,00")
			.param("key", UUID.randomUUID().toString()).session(session).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(single).startsWith("/payments/sandbox/");

		assertThat(home(session, door)).as("the card says the button takes only the rest")
			.contains("Начатые вами платежи на 1\u00a0000,00\u00a0₽ уже оплачивают часть этой суммы");
		Payment combined = payment(payAll(session, door));
		assertThat(combined.amount()).as("the first debt's 3 000 less the 1 000 under way, and the second's 4 000")
			.isEqualTo(Money.ofRoubles("6000.00"));

		// Both go through: the first debt is paid exactly, nothing to refund.
		mvc.perform(post(single + "/pay").with(csrf()));
		sandbox.pay(combined.providerPaymentId());
		assertThat(debts.payments(agency.tenant().id(), first.id()).stream().map(DebtPayment::amount)
			.reduce(Money.ZERO, Money::plus)).isEqualTo(Money.ofRoubles("3000.00"));
		assertThat(debts.get(agency.tenant().id(), first.id()).isClosed()).isTrue();
		assertThat(debts.get(agency.tenant().id(), second.id()).isClosed()).isTrue();
		for (Debt debt : List.of(first, second)) {
			assertThat(debts.payments(agency.tenant().id(), debt.id())).allSatisfy(
					paid -> assertThat(paid.split().total()).as("applied in full, no overpayment").isEqualTo(paid.amount()));
		}
	}

	@Test
	void aCombinedPaymentUnderWayHoldsBackASinglePaymentAndAnotherCombinedOne() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtor(agency);
		Debt first = debt(agency, debtor, "КД-1/2021", "3000.00");
		debt(agency, debtor, "КД-2/2021", "4000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);
		Payment combined = payment(payAll(session, door));
		assertThat(combined.amount()).isEqualTo(Money.ofRoubles("7000.00"));
		assertThat(home(session, door)).contains("continue-payment-all", "href=\"" + combined.confirmationUrl() + "\"");

		// Another tab: the same debts again are all under way.
		String again = mvc.perform(post(door + "/pay-all").param("key", UUID.randomUUID().toString()).session(session)
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(again).isEqualTo(door + "/home");
		assertThat(home(session, door)).contains("уже оплачивается начатыми платежами на 7\u00a0000,00\u00a0₽");
		// And a single payment of the first debt finds its part under way.
		String single = mvc.perform(post(door + "/debts/" + first.id() + "/pay").param("amount", "100,00")
			.param("key", UUID.randomUUID().toString()).session(session).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(single).isEqualTo(door + "/debts/" + first.id());
		assertThat(mvc.perform(get(single).session(session)).andReturn().getResponse().getContentAsString())
			.contains("Уже начат платёж на 3\u00a0000,00\u00a0₽");
		assertThat(jdbc.sql("select count(*) from payments where tenant_id = ?").param(agency.tenant().id().value())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void twoCombinedStartsAndASingleOneAtOnceNeverPutMoreUnderWayThanTheDebtsOwe() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtor(agency);
		Debt first = debt(agency, debtor, "КД-1/2021", "3000.00");
		Debt second = debt(agency, debtor, "КД-2/2021", "4000.00");
		ru.kredo.tenancy.TenantId tenant = agency.tenant().id();
		ru.kredo.payments.PayableRef a = new ru.kredo.payments.PayableRef(first.id().value());
		ru.kredo.payments.PayableRef b = new ru.kredo.payments.PayableRef(second.id().value());
		ru.kredo.payments.PaymentDetails details = new ru.kredo.payments.PaymentDetails("Оплата", "+79165551234", null);
		// The shares in opposite orders: each start locks the debts by id all the same, so neither waits on the other.
		List<java.util.concurrent.Callable<Object>> starts = List.of(
				() -> payments.startTogether(tenant, List.of(share(a, "3000.00"), share(b, "4000.00")),
						ru.kredo.payments.PaymentMethod.SBP, "/cabinet/x/paid-all", UUID.randomUUID().toString(), details),
				() -> payments.startTogether(tenant, List.of(share(b, "4000.00"), share(a, "3000.00")),
						ru.kredo.payments.PaymentMethod.SBP, "/cabinet/x/paid-all", UUID.randomUUID().toString(), details),
				() -> payments.startWithin(() -> Money.ofRoubles("3000.00"), tenant, a, Money.ofRoubles("3000.00"),
						ru.kredo.payments.PaymentMethod.SBP, "/cabinet/x/home", UUID.randomUUID().toString(), details));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			for (var outcome : pool.invokeAll(starts, 30, java.util.concurrent.TimeUnit.SECONDS)) {
				try {
					outcome.get();
				}
				catch (java.util.concurrent.ExecutionException refused) {
					assertThat(refused.getCause()).isInstanceOf(ru.kredo.platform.Rejected.class);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(payments.underWay(tenant, a)).isLessThanOrEqualTo(Money.ofRoubles("3000.00"));
		assertThat(payments.underWay(tenant, b)).isLessThanOrEqualTo(Money.ofRoubles("4000.00"));
		assertThat(payments.underWay(tenant, a).plus(payments.underWay(tenant, b))).as("one of them got it all")
			.isEqualTo(Money.ofRoubles("7000.00"));
	}

	private static Payments.Share share(ru.kredo.payments.PayableRef payable, String roubles) {
		return new Payments.Share(payable, Money.ofRoubles(roubles), () -> Money.ofRoubles(roubles), "Погашение");
	}

	@Test
	void theTotalIsWhatEachDebtAsksNowWithoutADisputedOneAndTheSettlementPartIsWhatTheAgreementAsks() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Частями", 100, Money.ofRoubles("15000.00"), 10, 14,
				new PartPolicy(2, PartInterval.MONTH, 0));
		Contact debtor = debtor(agency);
		Debt plain = debt(agency, debtor, "КД-6/2021", "10000.00");
		// 20 000 ₽ less 10% is 18 000 ₽ in two parts of 9 000 ₽: the first is what it asks now.
		Debt signed = debt(agency, debtor, "КД-7/2021", "20000.00");
		Offer offer = offers.find(agency.tenant().id(), signed.id()).orElseThrow();
		offers.accept(agency.tenant().id(), signed.id(), UUID.randomUUID(), 2, offer.offerAmount(), "Условия.");
		Debt contested = debt(agency, debtor, "КД-8/2021", "5000.00");
		disputes.open(agency.tenant().id(), debtor.id(), contested.id(), DisputeReason.WRONG_SUM, "Сумма не та.");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);

		assertThat(home(session, door)).contains("Всего к оплате сейчас по 2 долгам",
				"owed-total-now text-nowrap\">19\u00a0000,00\u00a0₽<");
		Payment combined = payment(payAll(session, door));
		assertThat(combined.amount()).isEqualTo(Money.ofRoubles("19000.00"));
		assertThat(combined.shares()).extracting(part -> part.payable().debtId())
			.containsExactlyInAnyOrder(plain.id().value(), signed.id().value());

		sandbox.pay(combined.providerPaymentId());
		assertThat(debts.get(agency.tenant().id(), plain.id()).isClosed()).isTrue();
		assertThat(offers.find(agency.tenant().id(), signed.id()).orElseThrow().paidSinceAccepted())
			.isEqualTo(Money.ofRoubles("9000.00"));
		assertThat(debts.get(agency.tenant().id(), contested.id()).total()).isEqualTo(Money.ofRoubles("5000.00"));
	}

	@Test
	void aDebtPaidOrDisputedSinceThePageIsLeftOutAndWithNothingLeftThePaymentIsRefused() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtor(agency);
		Debt first = debt(agency, debtor, "КД-1/2021", "3000.00");
		Debt second = debt(agency, debtor, "КД-2/2021", "4000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);
		assertThat(home(session, door)).contains("owed-total-now text-nowrap\">7\u00a0000,00\u00a0₽<");

		// Paid in another tab after the page was drawn.
		String single = mvc.perform(post(door + "/debts/" + first.id() + "/pay").param("amount", "3000,00")
			.param("key", UUID.randomUUID().toString()).session(session).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(single + "/pay").with(csrf()));
		Payment combined = payment(payAll(session, door));
		assertThat(combined.amount()).isEqualTo(Money.ofRoubles("4000.00"));
		assertThat(combined.shares()).singleElement()
			.satisfies(part -> assertThat(part.payable().debtId()).isEqualTo(second.id().value()));
		sandbox.cancel(combined.providerPaymentId());

		disputes.open(agency.tenant().id(), debtor.id(), second.id(), DisputeReason.ALREADY_PAID, "Уже платил.");
		String refused = mvc.perform(post(door + "/pay-all").param("key", UUID.randomUUID().toString()).session(session)
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(refused).isEqualTo(door + "/home");
		assertThat(home(session, door)).contains("Сейчас оплачивать нечего");
	}

	@Test
	void aDeclinedCombinedPaymentComesBackWithTheMessageAndTheRetryOfASingleOne() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtor(agency);
		debt(agency, debtor, "КД-1/2021", "3000.00");
		debt(agency, debtor, "КД-2/2021", "4000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);
		String providers = payAll(session, door);

		String back = mvc.perform(post(providers + "/decline").with(csrf())).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(back).session(session));
		String home = home(session, door);
		assertThat(home).contains("Оплата всех долгов на 7\u00a0000,00\u00a0₽ не прошла.", "деньги не списаны",
				"id=\"retry-payment\"", "action=\"" + door + "/pay-all\"");

		// The retry is a payment of its own, and goes through.
		String retried = mvc.perform(post(door + "/pay-all").param("key", UUID.randomUUID().toString())
			.param("method", "BANK_CARD").session(session).with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(retried).startsWith("/payments/sandbox/").isNotEqualTo(providers);
	}

	@Test
	void theDatabaseRefusesACombinedPaymentWhosePartsDoNotAddUpToIt() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UUID payment = UUID.randomUUID();
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into payments (id, tenant_id, debt_id, amount_kopecks, method, status, idempotence_key, provider,
					                      return_url, created_at, updated_at)
					values (?, ?, null, 70000, 'SBP', 'CREATED', ?, 'sandbox', 'https://kredo.example/', now(), now())""")
				.params(payment, agency.tenant().id().value(), UUID.randomUUID().toString()).update();
			jdbc.sql("""
					insert into payment_parts (payment_id, tenant_id, debt_id, amount_kopecks, position, description)
					values (?, ?, ?, 69999, 0, 'Погашение задолженности по договору № 1')""")
				.params(payment, agency.tenant().id().value(), UUID.randomUUID()).update();
		})).rootCause().hasMessageContaining("come to 69999 kopecks, not 70000");
		assertThat(jdbc.sql("select count(*) from payments where id = ?").param(payment).query(Long.class).single())
			.isZero();
	}

	private String payAll(MockHttpSession session, String door) throws Exception {
		String providers = mvc.perform(post(door + "/pay-all").param("method", "SBP").param("key", UUID.randomUUID().toString())
			.session(session).with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(providers).startsWith("/payments/sandbox/");
		return providers;
	}

	/** The payment the sandbox's page at this address is for. */
	private Payment payment(String providers) {
		String providerId = providers.substring(providers.lastIndexOf('/') + 1);
		UUID[] found = jdbc.sql("select tenant_id, id from payments where provider = 'sandbox' and provider_payment_id = ?")
			.param(providerId).query((row, n) -> new UUID[] { row.getObject(1, UUID.class), row.getObject(2, UUID.class) })
			.single();
		return payments.get(new ru.kredo.tenancy.TenantId(found[0]), new PaymentId(found[1]));
	}

	private List<List<String>> partsInDatabase(Payment payment) {
		return jdbc.sql("select debt_id::text, amount_kopecks::text from payment_parts where payment_id = ?")
			.param(payment.id().value()).query((row, n) -> List.of(row.getString(1), row.getString(2))).list();
	}

	private String certificateText(MockHttpSession session, String door, Debt debt) throws Exception {
		byte[] pdf = mvc.perform(get(door + "/debts/" + debt.id() + "/certificate.pdf").session(session))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private String home(MockHttpSession session, String door) throws Exception {
		return mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString();
	}

	private Contact debtor(Provisioned agency) {
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		return contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5), null,
				null, null, PhoneNumber.parse(phone), null);
	}

	private Debt debt(Provisioned agency, Contact debtor, String contract, String principal) {
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", contract, LocalDate.of(2021, 4, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal),
						Money.ZERO), 400);
	}

	private static MockHttpSession signedIn(Provisioned agency, Contact debtor) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignedInDebtors.ATTRIBUTE, new SignedInDebtor(agency.tenant().id(), debtor.id()));
		return session;
	}
}
