package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.BusinessCalendar;
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

/**
 * Offers are made when a rule or a debt changes and renewed once a day, never when a page reads them; and a debtor's
 * debts read in one statement ({@link Debts#ofDebtor}) are what the separate reads give.
 */
@IntegrationTest
class OffersMadeIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	Payments payments;

	@Autowired
	SandboxCheckout sandbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void aRuleAddedLaterOffersTheDebtsItApprovesAtOnceTheRichestRuleWinsAndReadingMakesNothing() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = fixtures.contact(agency);
		Debt old = debt(tenant, debtor, "О-1", "10000.00", 400);
		Debt young = debt(tenant, debtor, "О-2", "10000.00", 30);
		Debt small = debt(tenant, debtor, "О-3", "500.00", 400);
		assertThat(offers.find(tenant, List.of(old.id(), young.id(), small.id()))).isEmpty();

		offers.addRule(tenant, "Старше года", 365, Money.ofRoubles("1000"), 20, 30, PartPolicy.IN_FULL);
		offers.addRule(tenant, "Все от тысячи", 0, Money.ofRoubles("1000"), 10, 14, PartPolicy.IN_FULL);

		Map<DebtId, Offer> made = offers.find(tenant, List.of(old.id(), young.id(), small.id()));
		assertThat(made).containsOnlyKeys(old.id(), young.id());
		// The first rule made the old debt's offer when it was added; the debt keeps it.
		assertThat(made.get(old.id()).ruleName()).isEqualTo("Старше года");
		assertThat(made.get(old.id()).offerAmount()).isEqualTo(Money.ofRoubles("8000.00"));
		assertThat(made.get(old.id()).validUntil()).isEqualTo(BusinessCalendar.inMoscow(clock).today().plusDays(30));
		assertThat(made.get(young.id()).ruleName()).isEqualTo("Все от тысячи");
		assertThat(made.get(young.id()).offerAmount()).isEqualTo(Money.ofRoubles("9000.00"));

		long before = offersOf(tenant);
		debts.ofDebtor(tenant, debtor.id());
		offers.find(tenant, List.of(old.id(), young.id(), small.id()));
		assertThat(offersOf(tenant)).isEqualTo(before);
	}

	@Test
	void aDebtAddedUnderARuleGetsItsOfferAndTheRichestRuleIsChosenAmongSeveral() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Б: пять", 0, Money.ZERO, 5, 14, PartPolicy.IN_FULL);
		offers.addRule(tenant, "А: пятнадцать", 100, Money.ZERO, 15, 14, PartPolicy.IN_FULL);
		offers.addRule(tenant, "В: пятнадцать", 100, Money.ZERO, 15, 14, PartPolicy.IN_FULL);
		Contact debtor = fixtures.contact(agency);

		Debt debt = debt(tenant, debtor, "Н-1", "1000.01", 200);

		Offer offer = offers.find(tenant, debt.id()).orElseThrow();
		assertThat(offer.ruleName()).isEqualTo("А: пятнадцать");
		// 15% of 1 000,01 is 150,0015: the discount is rounded down, so the debtor pays 850,01.
		assertThat(offer.offerAmount()).isEqualTo(Money.ofRoubles("850.01"));
		assertThat(offer.status()).isEqualTo(Offer.Status.OFFERED);
	}

	@Test
	void anOfferThatLapsedUnsignedIsRenewedByTheDaysRunASignedOneStays() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Всем", 0, Money.ZERO, 10, 7, new PartPolicy(2, PartInterval.MONTH, 0));
		Contact debtor = fixtures.contact(agency);
		Debt unsigned = debt(tenant, debtor, "Р-1", "1000.00", 10);
		Debt signed = debt(tenant, debtor, "Р-2", "2000.00", 10);
		offers.accept(tenant, signed.id(), UUID.randomUUID(), 2, Money.ofRoubles("1800.00"), "Условия");
		UUID lapsedId = offers.find(tenant, unsigned.id()).orElseThrow().id();
		jdbc.sql("update offers set valid_until = current_date - 1 where tenant_id = ?").param(tenant.value()).update();
		assertThat(offers.find(tenant, unsigned.id()).orElseThrow().status()).isEqualTo(Offer.Status.LAPSED);

		assertThat(offers.makeOffers(tenant)).isEqualTo(1);

		Offer renewed = offers.find(tenant, unsigned.id()).orElseThrow();
		assertThat(renewed.id()).isNotEqualTo(lapsedId);
		assertThat(renewed.status()).isEqualTo(Offer.Status.OFFERED);
		assertThat(renewed.validUntil()).isEqualTo(BusinessCalendar.inMoscow(clock).today().plusDays(7));
		Offer stays = offers.find(tenant, signed.id()).orElseThrow();
		assertThat(stays.wasAccepted()).isTrue();
		assertThat(stays.schedule()).hasSize(2);
		assertThat(offers.makeOffers(tenant)).isZero();
	}

	@Test
	void aDebtorsDebtsReadTogetherAreWhatTheSeparateReadsGive() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Частями", 100, Money.ZERO, 10, 14, new PartPolicy(3, PartInterval.MONTH, 2));
		Contact debtor = fixtures.contact(agency);
		Contact other = fixtures.contact(agency);
		Debt underSettlement = debt(tenant, debtor, "В-1", "3000.00", 700);
		Debt paidDown = debt(tenant, debtor, "В-2", "5000.00", 20);
		Debt repaid = debt(tenant, debtor, "В-3", "700.00", 20);
		Debt offered = debt(tenant, debtor, "В-4", "900.00", 300);
		debt(tenant, other, "В-5", "900.00", 300);
		offers.accept(tenant, underSettlement.id(), UUID.randomUUID(), 3, Money.ofRoubles("2700.00"), "Условия");
		pay(tenant, underSettlement, "1000.00");
		pay(tenant, paidDown, "1200.00");
		pay(tenant, paidDown, "300.00");
		pay(tenant, repaid, "700.00");

		DebtorsDebts together = debts.ofDebtor(tenant, debtor.id());

		List<Debt> separate = debts.ofContact(tenant, debtor.id());
		assertThat(together.debts()).containsExactlyInAnyOrderElementsOf(separate);
		assertThat(together.debts()).extracting(Debt::contractNumber).containsExactly("В-1", "В-2", "В-3", "В-4");
		List<DebtId> ids = separate.stream().map(Debt::id).toList();
		assertThat(together.payments()).isEqualTo(debts.payments(tenant, ids));
		assertThat(together.payments().get(paidDown.id())).extracting(DebtPayment::amount)
			.containsExactly(Money.ofRoubles("300.00"), Money.ofRoubles("1200.00"));
		assertThat(together.payments().get(offered.id())).isEmpty();
		assertThat(together.offers()).isEqualTo(offers.find(tenant, ids));
		assertThat(together.offers()).containsOnlyKeys(underSettlement.id(), offered.id());
		Offer settlement = together.offers().get(underSettlement.id());
		assertThat(settlement.schedule()).hasSize(3);
		assertThat(settlement.paidSinceAccepted()).isEqualTo(Money.ofRoubles("1000.00"));
		// The open offer discounts what is owed now.
		assertThat(together.offers().get(offered.id()).offerAmount()).isEqualTo(Money.ofRoubles("810.00"));
		assertThat(debts.ofDebtor(tenant, fixtures.contact(agency).id()).debts()).isEmpty();
	}

	private void pay(TenantId tenant, Debt debt, String roubles) {
		long before = debts.payments(tenant, debt.id()).size();
		Payment payment = payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles(roubles),
				PaymentMethod.SBP, "https://kredo.example/back", UUID.randomUUID().toString());
		sandbox.pay(payment.providerPaymentId());
		Awaitility.await().until(() -> debts.payments(tenant, debt.id()).size() > before);
	}

	private Debt debt(TenantId tenant, Contact debtor, String contract, String roubles, int daysPastDue) {
		// Contracts numbered in the order they were signed: «В-2» a day after «В-1».
		LocalDate signed = LocalDate.of(2023, 1, 9).plusDays(Integer.parseInt(contract.substring(contract.indexOf('-') + 1)));
		return debts.add(tenant, debtor.id(), "МФО «Быстро»", contract, signed, null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(roubles), Money.ZERO), daysPastDue);
	}

	private long offersOf(TenantId tenant) {
		return jdbc.sql("select count(*) from offers where tenant_id = ?").param(tenant.value()).query(Long.class).single();
	}
}
