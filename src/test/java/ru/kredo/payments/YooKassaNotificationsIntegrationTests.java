package ru.kredo.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import ru.kredo.Fixtures;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;
import ru.kredo.contacts.Contact;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * ЮKassa notifications as they really arrive: Kredo runs on a port with the ЮKassa adapter, a fake ЮKassa stands in
 * for api.yookassa.ru, and each notification is POSTed to the public endpoint over HTTP, with no session and no
 * CSRF token. What the body says is never believed: the payment is re-read from ЮKassa, and only its answer moves
 * the payment and the debt — once. (The sandbox provider's twin of these cases is
 * {@link PaymentNotificationsIntegrationTests}; this is the real adapter end to end.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class YooKassaNotificationsIntegrationTests {

	static final FakeYooKassa yooKassa = FakeYooKassa.start();

	@DynamicPropertySource
	static void yooKassaInsteadOfTheSandbox(DynamicPropertyRegistry properties) {
		properties.add("kredo.payments.provider", () -> "yookassa");
		properties.add("kredo.payments.yookassa.base-url", yooKassa::baseUrl);
		properties.add("kredo.payments.yookassa.shop-id", () -> FakeYooKassa.SHOP);
		properties.add("kredo.payments.yookassa.secret-key", () -> FakeYooKassa.SECRET);
		properties.add("kredo.payments.yookassa.timeout", () -> "1s");
		properties.add("kredo.payments.yookassa.backoff", () -> "20ms");
		properties.add("kredo.base-url", () -> "https://kredo.example/");
	}

	@AfterAll
	static void stopYooKassa() {
		yooKassa.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Payments payments;

	private final HttpClient http = HttpClient.newHttpClient();
	private TenantId tenant;
	private Debt debt;

	@BeforeEach
	void aDebtOfTenThousand() {
		var agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		Contact debtor = fixtures.contact(agency);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 200);
	}

	@Test
	void aGenuineNotificationIsReReadFromYooKassaAndPaysTheDebtOnceHoweverOftenItComes() throws Exception {
		Payment started = start("2500.00");
		assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(started.confirmationUrl()).startsWith("https://yoomoney.ru/checkout/");
		yooKassa.settle(started.providerPaymentId(), "succeeded");
		String notification = yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00");

		assertThat(notify(notification)).isEqualTo(200);
		assertThat(notify(notification)).isEqualTo(200);

		assertThat(yooKassa.reads(started.providerPaymentId())).isEqualTo(2);
		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payments.receipt(tenant, started.id())).containsPattern("\"paid\":\\s*true").contains(FakeYooKassa.SHOP);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("7500.00"));
		assertThat(debts.payments(tenant, debt.id())).hasSize(1);
	}

	@Test
	void aPayerBackBeforeTheNotificationFindsThePaymentAsYooKassaHasIt() {
		Payment started = start("2500.00");
		yooKassa.settle(started.providerPaymentId(), "canceled");

		// No notification yet: the return page asks ЮKassa, once, and then knows.
		assertThat(payments.current(tenant, started.id()).status()).isEqualTo(PaymentStatus.CANCELED);
		assertThat(payments.current(tenant, started.id()).status()).isEqualTo(PaymentStatus.CANCELED);
		assertThat(yooKassa.reads(started.providerPaymentId())).isEqualTo(1);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("10000.00"));

		Payment pending = start("1000.00");
		assertThat(payments.current(tenant, pending.id()).status()).as("not paid yet").isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void aForgedNotificationChangesNothing() throws Exception {
		Payment started = start("2500.00");

		// The body claims success, ЮKassa says the payer has not paid.
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00"))).isEqualTo(200);
		// A payment ЮKassa never heard of, and one claiming a bigger sum.
		assertThat(notify(yooKassa.notification(UUID.randomUUID().toString(), "succeeded", "10000.00"))).isEqualTo(200);
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "succeeded", "10000.00"))).isEqualTo(200);
		assertThat(notify("{\"type\":\"notification\",\"event\":\"payment.succeeded\"}")).isEqualTo(200);

		assertThat(yooKassa.reads(started.providerPaymentId())).isEqualTo(2);
		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("10000.00"));
		assertThat(debts.payments(tenant, debt.id())).isEmpty();
	}

	@Test
	void aCanceledNotificationAfterSuccessDoesNotUndoThePayment() throws Exception {
		Payment started = start("2500.00");
		yooKassa.settle(started.providerPaymentId(), "succeeded");
		notify(yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00"));

		// A late "canceled": first as a stale body while ЮKassa still says succeeded, then with ЮKassa itself saying so.
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "canceled", "2500.00"))).isEqualTo(200);
		yooKassa.settle(started.providerPaymentId(), "canceled");
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "canceled", "2500.00"))).isEqualTo(200);

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payments.receipt(tenant, started.id())).containsPattern("\"status\":\\s*\"succeeded\"");
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("7500.00"));
		assertThat(debts.payments(tenant, debt.id())).hasSize(1);
	}

	@Test
	void whenYooKassaCannotBeAskedTheNotificationIsRefusedSoThatItIsSentAgain() throws Exception {
		Payment started = start("2500.00");
		yooKassa.settle(started.providerPaymentId(), "succeeded");
		String notification = yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00");

		yooKassa.failing(true);
		try {
			assertThat(notify(notification)).isEqualTo(503);
			assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.PENDING);
		}
		finally {
			yooKassa.failing(false);
		}
		assertThat(notify(notification)).isEqualTo(200);

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("7500.00"));
	}

	@Test
	void thePayerIsSentBackToAnAbsoluteAddressOnKredoAndTheDescriptionNamesTheContractAndTheAgency() {
		String agency = "ООО ПКО «" + "Очень длинное название агентства ".repeat(4) + "»";
		Payment started = payments.startWithin(() -> Money.ofRoubles("10000.00"), tenant, new PayableRef(debt.id().value()),
				Money.ofRoubles("100.00"), PaymentMethod.SBP, "/cabinet/" + tenant + "/home", UUID.randomUUID().toString(),
				new PaymentDetails(PaymentDetails.towardsDebt("КД-77/2021", LocalDate.of(2021, 4, 1), agency), "+79165551234",
						null));

		assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
		JsonNode sent = sentFor(started);
		assertThat(sent.path("confirmation").path("return_url").asString())
			.isEqualTo("https://kredo.example/cabinet/" + tenant + "/home");
		assertThat(sent.path("description").asString()).startsWith("Оплата по договору № КД-77/2021 от 01.04.2021, ООО ПКО «Очень")
			.endsWith("…").hasSizeBetween(PaymentDetails.MAX_DESCRIPTION - 1, PaymentDetails.MAX_DESCRIPTION).doesNotContain(started.id().toString());
	}

	@Test
	void aReceiptGoesWithEveryPaymentForItsWholeAmountUnlessTheAgencyIssuesItsOwn() {
		Payment withReceipt = start("2500.00", new PaymentDetails("Оплата по договору № 1", "+7 916 555-12-34", null));

		JsonNode receipt = sentFor(withReceipt).path("receipt");
		assertThat(receipt.path("customer").path("phone").asString()).isEqualTo("79165551234");
		assertThat(receipt.path("items")).singleElement().satisfies(item -> {
			assertThat(item.path("amount").path("value").asString()).isEqualTo("2500.00");
			assertThat(item.path("vat_code").asInt()).isEqualTo(1);
			assertThat(item.path("payment_subject").asString()).isEqualTo("payment");
			assertThat(item.path("payment_mode").asString()).isEqualTo("credit_payment");
		});

		settings.receipts(tenant, false);
		Payment withoutReceipt = start("100.00", new PaymentDetails("Оплата по договору № 1", "+79165551234", null));

		assertThat(withoutReceipt.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(sentFor(withoutReceipt).has("receipt")).isFalse();
	}

	@Test
	void aCombinedPaymentHasOneReceiptLinePerDebtAddingUpToItAndANotificationTwiceAppliesItOnce() throws Exception {
		Debt second = debts.add(tenant, debts.get(tenant, debt.id()).contactId(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2022, 3, 4), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("2345.67"), Money.ZERO), 200);
		Payment combined = payments.startTogether(tenant, List.of(
				new Payments.Share(new PayableRef(second.id().value()), Money.ofRoubles("2345.67"),
						() -> Money.ofRoubles("2345.67"), PaymentDetails.repayingDebt("КД-2", LocalDate.of(2022, 3, 4))),
				new Payments.Share(new PayableRef(debt.id().value()), Money.ofRoubles("10000.00"),
						() -> Money.ofRoubles("10000.00"), PaymentDetails.repayingDebt("КД-1", LocalDate.of(2021, 1, 1)))),
				PaymentMethod.BANK_CARD, "/cabinet/" + tenant + "/paid-all", UUID.randomUUID().toString(),
				new PaymentDetails(PaymentDetails.towardsDebts(List.of("КД-1", "КД-2"), "ООО ПКО «Тест»"), "+79165551234",
						null));
		assertThat(combined.status()).as("ЮKassa's stand-in took the receipt as its reference has it")
			.isEqualTo(PaymentStatus.PENDING);

		JsonNode sent = sentFor(combined);
		assertThat(sent.path("amount").path("value").asString()).isEqualTo("12345.67");
		assertThat(sent.path("description").asString()).isEqualTo("Оплата по договорам № КД-1, № КД-2, ООО ПКО «Тест»");
		JsonNode items = sent.path("receipt").path("items");
		assertThat(items).hasSize(2);
		assertThat(items).extracting(item -> item.path("description").asString()).containsExactlyInAnyOrder(
				"Погашение задолженности по договору № КД-1 от 01.01.2021",
				"Погашение задолженности по договору № КД-2 от 04.03.2022");
		List<java.math.BigDecimal> amounts = new java.util.ArrayList<>();
		items.forEach(item -> amounts.add(new java.math.BigDecimal(item.path("amount").path("value").asString())));
		assertThat(amounts).containsExactlyInAnyOrder(new java.math.BigDecimal("10000.00"), new java.math.BigDecimal("2345.67"));
		assertThat(amounts.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
			.as("the items add up to the payment").isEqualByComparingTo("12345.67");
		assertThat(items).allSatisfy(item -> {
			assertThat(item.path("quantity").asInt()).isEqualTo(1);
			assertThat(item.path("vat_code").asInt()).isEqualTo(1);
			assertThat(item.path("payment_subject").asString()).isEqualTo("payment");
			assertThat(item.path("payment_mode").asString()).isEqualTo("credit_payment");
		});

		yooKassa.settle(combined.providerPaymentId(), "succeeded");
		String notification = yooKassa.notification(combined.providerPaymentId(), "succeeded", "12345.67");
		assertThat(notify(notification)).isEqualTo(200);
		assertThat(notify(notification)).isEqualTo(200);

		assertThat(debts.get(tenant, debt.id()).isClosed()).isTrue();
		assertThat(debts.get(tenant, second.id()).isClosed()).isTrue();
		assertThat(debts.payments(tenant, debt.id())).singleElement()
			.satisfies(paid -> assertThat(paid.amount()).isEqualTo(Money.ofRoubles("10000.00")));
		assertThat(debts.payments(tenant, second.id())).singleElement()
			.satisfies(paid -> assertThat(paid.amount()).isEqualTo(Money.ofRoubles("2345.67")));
	}

	@Test
	void aFiveHundredOrATimeOutIsRetriedWithTheSameKeyBeforeThePayerSeesAnyError() {
		yooKassa.failNextCreations(2);
		Payment afterErrors = start("100.00", DETAILS);
		yooKassa.delayNextCreations(1, Duration.ofSeconds(3));
		Payment afterTimeOut = start("200.00", DETAILS);

		assertThat(afterErrors.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(afterTimeOut.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(yooKassa.creationKeys()).filteredOn(afterErrors.id().toString()::equals).hasSize(3);
		assertThat(yooKassa.creationKeys()).filteredOn(afterTimeOut.id().toString()::equals).hasSize(2);
		assertThat(yooKassa.created()).filteredOn(body -> body.path("metadata").path("kredo_payment").asString()
			.equals(afterTimeOut.id().toString())).hasSize(1);
	}

	@Test
	void aPaymentWhoseCreationIsUnknownIsResolvedUnderItsOwnKeyNeverReplacedByASecond() {
		// ЮKassa creates the payment but every answer comes too late: Kredo cannot know.
		int keysBefore = yooKassa.creationKeys().size();
		int createdBefore = yooKassa.created().size();
		yooKassa.delayNextCreations(3, Duration.ofSeconds(3));
		String firstKey = UUID.randomUUID().toString();
		assertThatThrownBy(() -> startWithin("2500.00", firstKey)).isInstanceOf(PaymentProviderUnavailable.class);
		Payment unknown = payments.ofPayable(tenant, new PayableRef(debt.id().value())).getFirst();
		assertThat(unknown.status()).isEqualTo(PaymentStatus.CREATED);

		// The debtor tries again from a fresh page (a new key of his): the same payment, asked for under its own key.
		Payment again = startWithin("2500.00", UUID.randomUUID().toString());

		assertThat(again.id()).isEqualTo(unknown.id());
		assertThat(again.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(yooKassa.creationKeys().subList(keysBefore, yooKassa.creationKeys().size()))
			.hasSize(4).containsOnly(unknown.id().toString());
		assertThat(yooKassa.created()).hasSize(createdBefore + 1);
		assertThat(payments.ofPayable(tenant, new PayableRef(debt.id().value()))).hasSize(1);
	}

	@Test
	void anUnknownPaymentIsResolvedBeforeAnotherIsStartedSoThatItIsOfferedRatherThanDoubled() {
		int keysBefore = yooKassa.creationKeys().size();
		int createdBefore = yooKassa.created().size();
		yooKassa.delayNextCreations(3, Duration.ofSeconds(3));
		assertThatThrownBy(() -> startWithin("8000.00", UUID.randomUUID().toString()))
			.isInstanceOf(PaymentProviderUnavailable.class);
		Payment unknown = payments.ofPayable(tenant, new PayableRef(debt.id().value())).getFirst();

		// Another sum: the first payment turns out to exist at ЮKassa, and with it the second would pay too much.
		assertThatThrownBy(() -> startWithin("5000.00", UUID.randomUUID().toString())).isInstanceOf(Rejected.class)
			.hasMessage("payment.under-way");

		Payment resolved = payments.get(tenant, unknown.id());
		assertThat(resolved.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(resolved.confirmationUrl()).startsWith("https://yoomoney.ru/checkout/");
		assertThat(yooKassa.created()).hasSize(createdBefore + 1);
		assertThat(yooKassa.creationKeys().subList(keysBefore, yooKassa.creationKeys().size()))
			.hasSize(4).containsOnly(unknown.id().toString());
	}

	@Test
	void aPaymentYooKassaRefusedIsNotRetriedAndIsNeverSaidToBeUnderWay() {
		int keysBefore = yooKassa.creationKeys().size();
		yooKassa.refuseNextCreations(1);

		assertThatThrownBy(() -> startWithin("10000.00", UUID.randomUUID().toString()))
			.isInstanceOf(PaymentProviderUnavailable.class);
		assertThat(yooKassa.creationKeys()).hasSize(keysBefore + 1);

		// The whole balance again at once: nothing is under way, for ЮKassa has no payment.
		Payment next = startWithin("10000.00", UUID.randomUUID().toString());
		assertThat(next.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payments.ofPayable(tenant, new PayableRef(debt.id().value()))).singleElement()
			.extracting(Payment::id).isEqualTo(next.id());
	}

	@Autowired
	ru.kredo.collections.Offers offers;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	ru.kredo.calendar.BusinessCalendar calendar;

	@Test
	void aSettlementPaidBeforeItsDeadlineButNotifiedAfterItIsSettledOnTheDayThePayerPaid() throws Exception {
		// The agency's discount of 10 %: 9 000,00 ₽ instead of 10 000,00 ₽, signed, in one part.
		offers.addRule(tenant, "Всем", 0, Money.ZERO, 10, 14, ru.kredo.collections.PartPolicy.IN_FULL);
		Debt discounted = debts.add(tenant, debts.get(tenant, debt.id()).contactId(), "ПАО «Банк»",
				"КД-С-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 200);
		offers.accept(tenant, discounted.id(), UUID.randomUUID(), 1, Money.ofRoubles("9000.00"), "Условия.");
		Payment started = payments.start(tenant, new PayableRef(discounted.id().value()), Money.ofRoubles("9000.00"),
				PaymentMethod.SBP, "https://kredo.example/cabinet/back", UUID.randomUUID().toString(), DETAILS);
		// He started it and paid on the part's last day, at 20:00 in Moscow; ЮKassa's notification reaches Kredo only
		// today (Kredo was down overnight, or could not re-read the payment and asked ЮKassa to send it again).
		LocalDate lastDay = calendar.today().minusDays(1);
		java.time.Instant paidAt = lastDay.atTime(20, 0).atZone(calendar.agencyZone()).toInstant();
		jdbc.sql("update offers set grace_days = 0 where tenant_id = ? and debt_id = ?")
			.params(tenant.value(), discounted.id().value()).update();
		jdbc.sql("update offer_parts set due_on = ? where tenant_id = ?")
			.params(java.sql.Date.valueOf(lastDay), tenant.value()).update();
		jdbc.sql("update payments set created_at = ? where tenant_id = ? and id = ?")
			.params(java.sql.Timestamp.from(paidAt.minusSeconds(120)), tenant.value(), started.id().value()).update();
		yooKassa.settle(started.providerPaymentId(), "succeeded", paidAt);

		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "succeeded", "9000.00"))).isEqualTo(200);

		// Paid in time: the settlement is kept, the rest forgiven, the debt closed as settled — not 1 000,00 ₽ still owed.
		Debt after = debts.get(tenant, discounted.id());
		assertThat(after.isClosed()).isTrue();
		assertThat(after.closedAs()).isEqualTo(ru.kredo.collections.ClosedAs.SETTLED);
		assertThat(after.forgiven()).isEqualTo(Money.ofRoubles("1000.00"));
		assertThat(after.closedOn()).isEqualTo(lastDay);
		assertThat(payments.get(tenant, started.id()).settledAt()).isEqualTo(paidAt);
		assertThat(debts.payments(tenant, discounted.id())).singleElement()
			.satisfies(paid -> assertThat(paid.paidAt()).isEqualTo(paidAt));
	}

	@Test
	void aRefundMadeInYooKassasCabinetIsReadFromThePaymentAndRecordedOnceWithTheDebtLeftAsItIs() throws Exception {
		Payment paid = start("2500.00");
		yooKassa.settle(paid.providerPaymentId(), "succeeded");
		notify(yooKassa.notification(paid.providerPaymentId(), "succeeded", "2500.00"));
		// Another payment of his, not refunded: a refund notification naming it (forged, or stale) records nothing.
		Payment kept = start("1000.00");
		yooKassa.settle(kept.providerPaymentId(), "succeeded");
		notify(yooKassa.notification(kept.providerPaymentId(), "succeeded", "1000.00"));

		yooKassa.refund(paid.providerPaymentId(), "2500.00");
		String refund = yooKassa.refundNotification(UUID.randomUUID().toString(), paid.providerPaymentId(), "2500.00");
		assertThat(notify(refund)).isEqualTo(200);
		assertThat(notify(refund)).isEqualTo(200);
		assertThat(notify(yooKassa.refundNotification(UUID.randomUUID().toString(), kept.providerPaymentId(), "1000.00")))
			.isEqualTo(200);

		// ЮKassa was asked about the payment, not believed: what it says of the payment is what is recorded.
		assertThat(payments.refunded(tenant, List.of(paid.id(), kept.id())))
			.isEqualTo(java.util.Map.of(paid.id(), Money.ofRoubles("2500.00")));
		assertThat(payments.get(tenant, paid.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		// The debt is the agency's to correct: the refund is shown on its card (DebtorsController), not applied.
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("6500.00"));
	}

	@Test
	void aCaptureTimeYooKassaCouldNotHaveIsNotBelieved() throws Exception {
		// Before Kredo even started the payment: it counts from when it was started.
		Payment early = start("1000.00");
		yooKassa.settle(early.providerPaymentId(), "succeeded", java.time.Instant.parse("2020-01-01T00:00:00Z"));
		assertThat(notify(yooKassa.notification(early.providerPaymentId(), "succeeded", "1000.00"))).isEqualTo(200);
		assertThat(payments.get(tenant, early.id()).settledAt()).isEqualTo(payments.get(tenant, early.id()).createdAt());
		// In the future: it counts from now.
		Payment late = start("1000.00");
		java.time.Instant before = java.time.Instant.now().minusSeconds(1);
		yooKassa.settle(late.providerPaymentId(), "succeeded", before.plus(Duration.ofDays(30)));
		assertThat(notify(yooKassa.notification(late.providerPaymentId(), "succeeded", "1000.00"))).isEqualTo(200);
		assertThat(payments.get(tenant, late.id()).settledAt()).isBetween(before, java.time.Instant.now());
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("8000.00"));
	}

	private static final PaymentDetails DETAILS = new PaymentDetails("Оплата по договору № 1", "+79165551234", null);

	@Autowired
	PaymentSettings settings;

	private Payment startWithin(String roubles, String key) {
		return payments.startWithin(() -> Money.ofRoubles("10000.00"), tenant, new PayableRef(debt.id().value()),
				Money.ofRoubles(roubles), PaymentMethod.SBP, "/cabinet/" + tenant + "/home", key, DETAILS);
	}

	private Payment start(String roubles, PaymentDetails details) {
		return payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles(roubles), PaymentMethod.SBP,
				"https://kredo.example/cabinet/back", UUID.randomUUID().toString(), details);
	}

	/** The body Kredo sent to create the payment. */
	private JsonNode sentFor(Payment payment) {
		return yooKassa.created().stream()
			.filter(body -> body.path("metadata").path("kredo_payment").asString().equals(payment.id().toString()))
			.findFirst().orElseThrow();
	}

	private Payment start(String roubles) {
		return start(roubles, DETAILS);
	}

	/** POSTs a notification to Kredo's public endpoint as ЮKassa does: JSON, no cookie, no CSRF token. */
	private int notify(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/payments/notifications/yookassa"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
