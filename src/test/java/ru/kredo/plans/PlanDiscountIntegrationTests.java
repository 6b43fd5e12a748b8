package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.TextedCodes;
import ru.kredo.audit.AuditActor;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Agency;
import ru.kredo.documents.Certificates;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A restructuring plan combined with the debt's discount (docs/plans.md, «A plan with a discount»): of the offer's
 * sum where the policy allows it, completed it settles the debt as a paid settlement does, broken the discount is
 * lost and the debt is owed as before with its offers.
 */
@IntegrationTest
class PlanDiscountIntegrationTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	/** The default policy, combined with a discount. */
	private static final PlanPolicy WITH_DISCOUNT = new PlanPolicy(true, 2, 24, Money.ofRoubles("1000"), 30, 5, 15, 1,
			true, Money.ofRoubles("3000"), 0);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	Plans plans;

	@Autowired
	PlanPolicies policies;

	@Autowired
	CabinetSignIn codes;

	@Autowired
	TextedCodes texted;

	@Autowired
	Contacts contacts;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Certificates certificates;

	@Autowired
	Disputes disputes;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	private static Money rub(String roubles) {
		return Money.ofRoubles(roubles);
	}

	@Test
	void aDiscountedPlanWithinPolicyIsApprovedSignedPaidAndSettlesTheDebtWithTheRestForgivenUnderThePlansAgreement()
			throws Exception {
		Provisioned agency = agency(true);
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");

		Plan plan = request(debt, tenant, 3, true);
		assertThat(plan.status()).as("within the policy").isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		assertThat(plan.isDiscounted()).isTrue();
		assertThat(plan.total()).as("the offer's 10 % off").isEqualTo(rub("27000"));
		assertThat(plan.discountedFrom()).isEqualTo(rub("30000"));
		assertThat(plan.forgiven()).isEqualTo(rub("3000"));
		assertThat(plan.instalments()).extracting(PlanInstalment::amount).containsOnly(rub("9000"));
		assertThat(plans.get(tenant, plan.id())).isEqualTo(plan);

		Plan signed = sign(agency, plan);
		assertThat(signed.status()).isEqualTo(PlanStatus.ACTIVE);
		Debt under = debts.get(tenant, debt.id());
		assertThat(under.status()).isEqualTo(DebtStatus.UNDER_PLAN);
		assertThat(offers.owed(tenant, under)).as("a payment is capped at the plan's rest").isEqualTo(rub("27000"));

		// Paid on the instalments' dates, a month and two past the offer's own 14 days: the signature fixed the
		// discount, the offer's date does not end it.
		assertThat(plan.instalments().get(1).due()).isAfter(calendar.today().plusDays(14));
		paid(tenant, debt, "9000.00", plan.instalments().get(0).due());
		paid(tenant, debt, "9000.00", plan.instalments().get(1).due());
		assertThat(offers.owed(tenant, debts.get(tenant, debt.id()))).isEqualTo(rub("9000"));
		// The last, 500 over: the plan's rest is applied, the 500 is to refund, not taken off the forgiven rest.
		paid(tenant, debt, "9500.00", plan.instalments().get(2).due());

		Plan completed = plans.get(tenant, plan.id());
		assertThat(completed.status()).isEqualTo(PlanStatus.COMPLETED);
		assertThat(completed.left()).isEqualTo(Money.ZERO);
		Debt settled = debts.get(tenant, debt.id());
		assertThat(settled.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(settled.closedAs()).isEqualTo(ClosedAs.SETTLED);
		assertThat(settled.repaid()).isEqualTo(rub("27000"));
		assertThat(settled.forgiven()).isEqualTo(rub("3000"));
		assertThat(offers.fulfilled(tenant, debt.id())).hasValueSatisfying(settlement -> {
			assertThat(settlement.agreement()).as("the plan's agreement").isEqualTo(plan.id());
			assertThat(settlement.signature()).isEqualTo(signed.signature());
			assertThat(settlement.sum()).isEqualTo(rub("27000"));
		});

		byte[] pdf = Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> certificates.find(tenant, debt.id().value()), Optional::isPresent).orElseThrow().pdf();
		String text;
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("-\\s+", "-")
				.replaceAll("\\s+", " ").replace("\u00a0 ", "\u00a0");
		}
		assertThat(text).contains("Всего уплачено 27\u00a0000,00\u00a0руб.", "Прощено (ст. 415 ГК РФ) 3\u00a0000,00\u00a0руб.",
				"№ " + plan.id());
		// The certificate names the plan's agreement — repaid by a schedule, the rest forgiven on completion — with
		// the day he signed it, not a settlement's «Соглашение о прощении долга».
		String signedOn = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
			.format(signed.signedAt().atZone(calendar.agencyZone()));
		assertThat(text).contains("Соглашение о погашении долга по графику (реструктуризация: остаток прощается, когда все "
				+ "платежи по графику внесены) № " + plan.id() + " от " + signedOn,
				"Задолженность погашена по плану: все платежи по графику внесены, уплачено 27\u00a0000,00\u00a0руб., "
						+ "остаток 3\u00a0000,00\u00a0руб. прощён по условиям соглашения о погашении долга по графику № "
						+ plan.id() + " от " + signedOn)
			.doesNotContain("Соглашение о прощении долга");
	}

	@Test
	void aBrokenDiscountedPlanLosesTheDiscountTheDebtIsOpenOwingTheBalanceLessWhatWasPaidWithItsOffersBack() {
		Provisioned agency = agency(true);
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3, true));
		paid(tenant, debt, "9000.00", plan.instalments().get(0).due());

		LocalDate second = plan.instalments().get(1).due();
		assertThat(offers.find(tenant, debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.ACCEPTED);
		assertThat(offers.owed(tenant, debts.get(tenant, debt.id()))).isEqualTo(rub("18000"));

		// The second is missed: behind, then broken after the days to repair.
		assertThat(plans.check(tenant, plan.id(), second.plusDays(6))).isTrue();
		Plan behind = plans.get(tenant, plan.id());
		assertThat(plans.check(tenant, plan.id(), behind.behindSince().plusDays(16))).isTrue();
		Plan broken = plans.get(tenant, plan.id());
		assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(broken.owedAfter()).isEqualTo(rub("21000"));

		Debt open = debts.get(tenant, debt.id());
		assertThat(open.status()).isEqualTo(DebtStatus.OPEN);
		assertThat(open.total()).as("the whole balance less what was paid").isEqualTo(rub("21000"));
		assertThat(open.forgiven()).isEqualTo(Money.ZERO);
		assertThat(offers.owed(tenant, open)).isEqualTo(rub("21000"));
		Offer back = offers.signable(tenant, open);
		assertThat(back.status()).as("its offer back, open to sign as a settlement").isEqualTo(Offer.Status.OFFERED);
		assertThat(back.offerAmount()).isEqualTo(rub("18900"));
	}

	@Test
	void anEndedDiscountedPlanGivesTheDebtBackAndAPlanOfTheWholeBalanceIsAsBefore() {
		Provisioned agency = agency(true);
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3, true));
		plans.end(tenant, plan.id(), "Договорились иначе", new AuditActor("user:test", "Тест"));
		Debt open = debts.get(tenant, debt.id());
		assertThat(open.status()).isEqualTo(DebtStatus.OPEN);
		assertThat(offers.signable(tenant, open).offerAmount()).isEqualTo(rub("27000"));

		// Without the discount: the whole balance, completed it closes the debt as paid, nothing forgiven.
		Plan whole = sign(agency, request(debt, tenant, 2, false));
		assertThat(whole.isDiscounted()).isFalse();
		assertThat(whole.total()).isEqualTo(rub("30000"));
		paid(tenant, debt, "30000.00", whole.instalments().get(0).due());
		Debt closed = debts.get(tenant, debt.id());
		assertThat(closed.closedAs()).isEqualTo(ClosedAs.PAID);
		assertThat(closed.forgiven()).isEqualTo(Money.ZERO);
		assertThat(plans.get(tenant, whole.id()).status()).isEqualTo(PlanStatus.COMPLETED);
	}

	@Test
	void aPolicyWithoutDiscountRefusesADiscountedRequestAndKeepsThePlanOfTheWholeBalance() {
		Provisioned agency = agency(false);
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");

		assertThatThrownBy(() -> request(debt, tenant, 3, true)).isInstanceOfSatisfying(Rejected.class,
				e -> assertThat(e.code()).isEqualTo("plan.discount-not-allowed"));
		Plan plan = sign(agency, request(debt, tenant, 3, false));
		assertThat(plan.total()).isEqualTo(rub("30000"));
		assertThat(plan.isDiscounted()).isFalse();
		assertThat(plan.forgiven()).isEqualTo(Money.ZERO);
		assertThat(offers.find(tenant, debt.id()).orElseThrow().status()).as("its offer untouched, withheld")
			.isEqualTo(Offer.Status.OFFERED);
	}

	@Test
	void aDiscountNeedsALiveOffer() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		policies.save(tenant, Optional.empty(), WITH_DISCOUNT);
		Debt debt = debtOf(agency, "30000.00");
		assertThatThrownBy(() -> request(debt, tenant, 3, true)).isInstanceOfSatisfying(Rejected.class,
				e -> assertThat(e.code()).isEqualTo("plan.no-discount-offer"));
	}

	@Test
	void aRejectedDisputePutsTheDebtBackUnderItsDiscountedPlanNotUnderASettlement() {
		Provisioned agency = agency(true);
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3, true));

		Dispute dispute = disputes.open(tenant, debt.contactId(), debt.id(), DisputeReason.WRONG_SUM, "Сумма неверна");
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);
		asAdmin(agency, () -> disputes.resolve(tenant, dispute.id(), DisputeOutcome.REJECTED, "Сумма верна", null));

		assertThat(debts.get(tenant, debt.id()).status()).as("the plan's offer is not a settlement of its own")
			.isEqualTo(DebtStatus.UNDER_PLAN);
		Plan resumed = plans.get(tenant, plan.id());
		assertThat(resumed.isPaused()).isFalse();
		assertThat(resumed.status()).isEqualTo(PlanStatus.ACTIVE);
		paid(tenant, debt, "27000.00", plan.instalments().getFirst().due());
		assertThat(debts.get(tenant, debt.id()).closedAs()).isEqualTo(ClosedAs.SETTLED);
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.COMPLETED);
	}

	private void asAdmin(Provisioned agency, Runnable call) {
		UserDetails admin = fixtures.admin(agency);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
		try {
			call.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	// --- helpers ---

	private Provisioned agency(boolean withDiscount) {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		requisites.save(tenant, new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		if (withDiscount) {
			policies.save(tenant, Optional.empty(), WITH_DISCOUNT);
		}
		return agency;
	}

	private Debt debtOf(Provisioned agency, String principal) {
		Contact debtor = fixtures.contact(agency);
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal), Money.ZERO), 400);
	}

	private Plan request(Debt debt, TenantId tenant, int months, boolean withDiscount) {
		return plans.request(tenant, debt.contactId(), debt.id(), PlanReason.LOST_INCOME, null, null,
				new Terms.ByMonths(months), calendar.today().plusDays(10), withDiscount, Plans.debtor(debt.contactId()));
	}

	private Plan sign(Provisioned agency, Plan plan) {
		TenantId tenant = agency.tenant().id();
		Contact debtor = contacts.get(tenant, plan.debtorId());
		long sent = texted.count(tenant);
		Debt debt = debts.get(tenant, plan.debtId());
		CabinetSignIn.Challenge challenge = codes.startSignature(agency.tenant(), debtor.name(), debtor.phone(),
				debt.contractNumber());
		String code = texted.latest(tenant, (int) sent + 1);
		assertThat(codes.confirm(agency.tenant(), challenge.id(), code)).isEqualTo(debtor.id());
		return plans.sign(tenant, debtor.id(), plan.id(), challenge.id(), "План со скидкой.");
	}

	private void paid(TenantId tenant, Debt debt, String amount, LocalDate day) {
		Instant at = day.atTime(12, 0).atZone(MOSCOW).toInstant();
		transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(tenant,
				new PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles(amount), at)));
	}
}
