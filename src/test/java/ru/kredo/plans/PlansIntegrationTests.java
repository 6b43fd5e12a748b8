package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
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
 * A plan stored and moved through {@link Plans}: requested, considered, signed with a texted code, paid against its
 * instalments by the payments the debt receives, checked each day, paused by a dispute, and the debt with it.
 */
@IntegrationTest
@RecordApplicationEvents
class PlansIntegrationTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

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
	Disputes disputes;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Certificates certificates;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents published;

	private static Money rub(String roubles) {
		return Money.ofRoubles(roubles);
	}

	private static void refused(Runnable call, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo(code));
	}

	@Test
	void aPlanWithinThePolicyIsApprovedAtOnceSignedWithATextedCodeAndPutsTheDebtUnderIt() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt debt = debtOf(agency, "30000.00");
		assertThat(offers.signable(tenant, debt)).isNotNull();

		Plan plan = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.LOST_INCOME, rub("45000"),
				rub("30000"), new Terms.ByMonths(3), firstDate(), Plans.debtor(debt.contactId()));

		assertThat(plan.status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		assertThat(plan.breaches()).isEmpty();
		Plan read = plans.get(tenant, plan.id());
		assertThat(read).isEqualTo(plan);
		assertThat(read.income()).isEqualTo(rub("45000"));
		assertThat(jdbc.sql("select income from plans where id = ?").param(plan.id()).query(byte[].class).single())
			.as("sealed, not the kopecks as text").isNotEqualTo("4500000".getBytes());
		refused(() -> plans.request(tenant, debt.contactId(), debt.id(), PlanReason.OTHER, null, null,
				new Terms.ByMonths(2), firstDate(), Plans.debtor(debt.contactId())), "plan.already-open");
		assertThat(published.stream(PlanRequested.class).filter(e -> e.planId().equals(plan.id())))
			.extracting(PlanRequested::status).containsExactly(PlanStatus.AWAITING_SIGNATURE);

		Plan signed = sign(agency, plan);

		assertThat(signed.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(signed.signedAt()).isNotNull();
		Debt under = debts.get(tenant, debt.id());
		assertThat(under.status()).isEqualTo(DebtStatus.UNDER_PLAN);
		refused(() -> offers.signable(tenant, under), "debt.under-plan");
		assertThat(debts.ofDebtor(tenant, debt.contactId()).offers()).as("its offer withheld").doesNotContainKey(debt.id());
		assertThat(jdbc.sql("select signed_terms from plans where id = ?").param(plan.id()).query(String.class).single())
			.isEqualTo("План: 3 платежа по 10 000,00 ₽.");
		assertThat(published.stream(PlanSigned.class).filter(e -> e.planId().equals(plan.id()))).hasSize(1);
		assertThat(plans.transitions(tenant, plan.id())).extracting(PlanTransition::from, PlanTransition::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, PlanStatus.AWAITING_SIGNATURE),
					org.assertj.core.groups.Tuple.tuple(PlanStatus.AWAITING_SIGNATURE, PlanStatus.ACTIVE));
		assertThat(plans.transitions(tenant, plan.id())).extracting(PlanTransition::actor)
			.containsOnly("debtor:" + debt.contactId().value());
		assertThat(auditActions(tenant, plan.id())).containsExactly("PLAN_REQUESTED", "PLAN_SIGNED");
		refused(() -> plans.request(tenant, debt.contactId(), debt.id(), PlanReason.OTHER, null, null,
				new Terms.ByMonths(2), firstDate(), Plans.debtor(debt.contactId())), "debt.already-under-plan");
	}

	@Test
	void aRequestOutsideThePolicyWaitsForTheAgencyWhichProposesOtherTermsThatTheDebtorAcceptsAndSigns() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		AuditActor operator = new AuditActor("user:" + agency.admin().id(), "Админ");

		// 40 months breaks the longest term (24 by default).
		Plan requested = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.ILLNESS, null, null,
				new Terms.ByMonths(40), firstDate(), Plans.debtor(debt.contactId()));
		assertThat(requested.status()).isEqualTo(PlanStatus.REQUESTED);
		// 750 a month is below the smallest instalment (1 000) too.
		assertThat(requested.breaches()).containsExactly("months", "instalment");
		refused(() -> plans.acceptProposal(tenant, debt.contactId(), requested.id()), "plan.not-proposed");

		Plan proposed = plans.propose(tenant, requested.id(), new Terms.ByMonths(12), firstDate(), operator);
		assertThat(proposed.status()).isEqualTo(PlanStatus.PROPOSED);
		assertThat(plans.get(tenant, proposed.id()).instalments()).hasSize(12);
		Plan accepted = plans.acceptProposal(tenant, debt.contactId(), proposed.id());
		assertThat(accepted.status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		assertThat(sign(agency, accepted).status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(plans.transitions(tenant, requested.id())).extracting(PlanTransition::to).containsExactly(
				PlanStatus.REQUESTED, PlanStatus.PROPOSED, PlanStatus.AWAITING_SIGNATURE, PlanStatus.ACTIVE);
		assertThat(plans.transitions(tenant, requested.id()).get(1).actor()).isEqualTo(operator.id());
	}

	@Test
	void aDeclinedRequestEndsWithTheReasonAndTheDebtMayAskAgain() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		AuditActor operator = new AuditActor("user:" + agency.admin().id(), "Админ");
		Plan requested = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.OTHER, null, null,
				new Terms.ByMonths(40), firstDate(), Plans.debtor(debt.contactId()));

		refused(() -> plans.decline(tenant, requested.id(), " ", operator), "plan.note-required");
		Plan declined = plans.decline(tenant, requested.id(), "Срок слишком долгий", operator);

		assertThat(declined.status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(plans.get(tenant, declined.id()).note()).isEqualTo("Срок слишком долгий");
		assertThat(plans.transitions(tenant, declined.id()).getLast().reason()).isEqualTo("Срок слишком долгий");
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		assertThat(plans.request(tenant, debt.contactId(), debt.id(), PlanReason.OTHER, null, null,
				new Terms.ByMonths(3), firstDate(), Plans.debtor(debt.contactId())).status())
			.isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		// Another debtor's debt, or another's plan, is not found.
		Contact other = fixtures.contact(agency);
		assertThatThrownBy(() -> plans.request(tenant, other.id(), debt.id(), PlanReason.OTHER, null, null,
				new Terms.ByMonths(3), firstDate(), Plans.debtor(other.id())))
			.isInstanceOf(ru.kredo.platform.NotFound.class);
	}

	@Test
	void paymentsGoToTheEarliestInstalmentEarlyInPartOverAndLateAndTheLastCompletesThePlanAndClosesTheDebt() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3));
		LocalDate first = plan.instalments().getFirst().due();

		// Early: before the first is due.
		paid(tenant, debt, "4000.00", first.minusDays(3));
		assertThat(paidOf(tenant, plan)).containsExactly(rub("4000"), Money.ZERO, Money.ZERO);
		// In part, then more than the first's rest: 6 000 closes it, 2 000 goes to the second, ahead of its date.
		paid(tenant, debt, "8000.00", first);
		assertThat(paidOf(tenant, plan)).containsExactly(rub("10000"), rub("2000"), Money.ZERO);
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.UNDER_PLAN);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(rub("18000"));

		// Late: the second missed and the plan behind; the payment that brings it up to date makes it active again.
		LocalDate second = plan.instalments().get(1).due();
		assertThat(plans.check(tenant, plan.id(), second.plusDays(6))).isTrue();
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BEHIND);
		paid(tenant, debt, "8000.00", second.plusDays(7));
		Plan caughtUp = plans.get(tenant, plan.id());
		assertThat(caughtUp.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(caughtUp.behindSince()).isNull();
		assertThat(paidOf(tenant, plan)).containsExactly(rub("10000"), rub("10000"), Money.ZERO);

		// The last, with 500 more than is owed: the plan is completed, the debt closed as paid, the rest to refund.
		paid(tenant, debt, "10500.00", plan.instalments().get(2).due());
		Plan completed = plans.get(tenant, plan.id());
		assertThat(completed.status()).isEqualTo(PlanStatus.COMPLETED);
		assertThat(completed.left()).isEqualTo(Money.ZERO);
		Debt closed = debts.get(tenant, debt.id());
		assertThat(closed.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(closed.closedAs()).isEqualTo(ClosedAs.PAID);
		assertThat(closed.forgiven()).isEqualTo(Money.ZERO);
		assertThat(published.stream(PlanCompleted.class).filter(e -> e.planId().equals(plan.id()))).hasSize(1);
		assertThat(plans.transitions(tenant, plan.id())).extracting(PlanTransition::to).containsExactly(
				PlanStatus.AWAITING_SIGNATURE, PlanStatus.ACTIVE, PlanStatus.BEHIND, PlanStatus.ACTIVE,
				PlanStatus.COMPLETED);
		assertThat(auditActions(tenant, plan.id())).containsExactly("PLAN_REQUESTED", "PLAN_SIGNED", "PLAN_FELL_BEHIND",
				"PLAN_CAUGHT_UP", "PLAN_COMPLETED");
		// The certificate of repayment follows the closing, as for any debt paid off.
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> certificates.find(tenant, debt.id().value()), Optional::isPresent);
	}

	@Test
	void theDaysCheckPutsAPlanBehindAfterTheGraceDaysAndBreaksItAfterTheDaysToRepairGivingTheDebtBackItsOffers() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3));
		LocalDate due = plan.instalments().getFirst().due();
		PlanPolicy policy = PlanPolicy.DEFAULT;

		assertThat(plans.check(tenant, plan.id(), due.plusDays(policy.graceDays()))).as("within the grace days").isFalse();
		assertThat(plans.check(tenant, plan.id(), due.plusDays(policy.graceDays() + 1))).isTrue();
		Plan behind = plans.get(tenant, plan.id());
		assertThat(behind.status()).isEqualTo(PlanStatus.BEHIND);
		assertThat(published.stream(PlanFellBehind.class).filter(e -> e.planId().equals(plan.id())))
			.extracting(PlanFellBehind::behindSince).containsExactly(due.plusDays(policy.graceDays() + 1));
		// Run again the same day, or on another node: nothing moves twice.
		assertThat(plans.check(tenant, plan.id(), due.plusDays(policy.graceDays() + 1))).isFalse();

		LocalDate lastDay = behind.behindSince().plusDays(policy.daysToRepair());
		assertThat(plans.check(tenant, plan.id(), lastDay)).as("the last day to repair").isFalse();
		assertThat(plans.check(tenant, plan.id(), lastDay.plusDays(1))).isTrue();

		Plan broken = plans.get(tenant, plan.id());
		assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(broken.ending()).isEqualTo(PlanEnding.MISSED);
		Debt open = debts.get(tenant, debt.id());
		assertThat(open.status()).isEqualTo(DebtStatus.OPEN);
		assertThat(open.total()).isEqualTo(rub("30000"));
		assertThat(offers.signable(tenant, open).discountPercent()).as("its offer back").isEqualTo(10);
		assertThat(published.stream(PlanBroken.class).filter(e -> e.planId().equals(plan.id())))
			.extracting(PlanBroken::ending).containsExactly(PlanEnding.MISSED);
		assertThat(plans.transitions(tenant, plan.id()).getLast().actor()).isEqualTo(Plans.SYSTEM.id());
	}

	@Test
	void aPlanLongMissedFallsBehindAndBreaksInOneRunOfTheJob() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3));

		assertThat(plans.check(tenant, plan.id(), plan.instalments().getFirst().due().plusDays(60))).isTrue();

		assertThat(plans.transitions(tenant, plan.id())).extracting(PlanTransition::to).endsWith(PlanStatus.BEHIND,
				PlanStatus.BROKEN);
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.OPEN);
	}

	@Test
	void theDebtorRepairsAMissedPlanByMovingTheInstalmentAndTheAgencyMayEndOne() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3));
		LocalDate due = plan.instalments().getFirst().due();
		plans.check(tenant, plan.id(), due.plusDays(6));
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BEHIND);

		// A repair counts from the debtor's real today (the days before the first instalment): a day after it.
		LocalDate to = plan.instalments().getFirst().due().plusDays(1);
		Plan repaired = plans.moveInstalment(tenant, debt.contactId(), plan.id(), to);
		assertThat(repaired.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(repaired.repairsUsed()).isEqualTo(1);
		assertThat(plans.get(tenant, plan.id()).instalments().getFirst().due()).isAfterOrEqualTo(to);
		refused(() -> plans.moveInstalment(tenant, debt.contactId(), plan.id(), to), "plan.no-repairs-left");

		AuditActor operator = new AuditActor("user:" + agency.admin().id(), "Админ");
		Plan ended = plans.end(tenant, plan.id(), "Должник просил прекратить план", operator);
		assertThat(ended.ending()).isEqualTo(PlanEnding.BY_AGENCY);
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		assertThat(plans.transitions(tenant, plan.id())).extracting(PlanTransition::reason).contains("repair:moved",
				"Должник просил прекратить план");
	}

	@Test
	void aDisputePausesThePlanRejectedItResumesUnderThePlanUpheldItEndsWithTheWriteOff() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(debt, tenant, 3));

		Dispute dispute = disputes.open(tenant, debt.contactId(), debt.id(), DisputeReason.WRONG_SUM, "Сумма неверна");
		Plan paused = plans.get(tenant, plan.id());
		assertThat(paused.isPaused()).isTrue();
		assertThat(paused.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);
		assertThat(plans.check(tenant, plan.id(), plan.instalments().getFirst().due().plusDays(60)))
			.as("a paused plan misses nothing").isFalse();

		asAdmin(agency, () -> disputes.resolve(tenant, dispute.id(), DisputeOutcome.REJECTED, "Сумма верна", null));
		Plan resumed = plans.get(tenant, plan.id());
		assertThat(resumed.isPaused()).isFalse();
		assertThat(resumed.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.UNDER_PLAN);

		Dispute again = disputes.open(tenant, debt.contactId(), debt.id(), DisputeReason.NOT_MINE, "Не брал");
		asAdmin(agency, () -> disputes.resolve(tenant, again.id(), DisputeOutcome.UPHELD, "", null));
		Plan ended = plans.get(tenant, plan.id());
		assertThat(ended.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(ended.ending()).isEqualTo(PlanEnding.DEBT_WRITTEN_OFF);
		assertThat(debts.get(tenant, debt.id()).closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
		assertThat(plans.transitions(tenant, plan.id())).extracting(PlanTransition::reason)
			.contains("dispute:" + dispute.id(), "ending:DEBT_WRITTEN_OFF");
	}

	// --- helpers ---

	private Provisioned agency() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		return agency;
	}

	private Debt debtOf(Provisioned agency, String principal) {
		Contact debtor = fixtures.contact(agency);
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal), Money.ZERO), 400);
	}

	/** Ten days from today, the first instalment's day the debtor chose: within the default policy's 30. */
	private LocalDate firstDate() {
		return calendar.today().plusDays(10);
	}

	private Plan request(Debt debt, TenantId tenant, int months) {
		return plans.request(tenant, debt.contactId(), debt.id(), PlanReason.LOST_INCOME, null, null,
				new Terms.ByMonths(months), firstDate(), Plans.debtor(debt.contactId()));
	}

	/** Signs as the cabinet does: a signing code texted to his phone, confirmed, its challenge the signature. */
	private Plan sign(Provisioned agency, Plan plan) {
		TenantId tenant = agency.tenant().id();
		Contact debtor = contacts.get(tenant, plan.debtorId());
		long sent = texted.count(tenant);
		Debt debt = debts.get(tenant, plan.debtId());
		CabinetSignIn.Challenge challenge = codes.startSignature(agency.tenant(), debtor.name(), debtor.phone(),
				debt.contractNumber());
		String code = texted.latest(tenant, (int) sent + 1);
		assertThat(codes.confirm(agency.tenant(), challenge.id(), code)).isEqualTo(debtor.id());
		return plans.sign(tenant, debtor.id(), plan.id(), challenge.id(), "План: 3 платежа по 10 000,00 ₽.");
	}

	private void paid(TenantId tenant, Debt debt, String amount, LocalDate day) {
		Instant at = day.atTime(12, 0).atZone(MOSCOW).toInstant();
		transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(tenant,
				new PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles(amount), at)));
	}

	private List<Money> paidOf(TenantId tenant, Plan plan) {
		return plans.get(tenant, plan.id()).instalments().stream().map(PlanInstalment::paid).toList();
	}

	private List<String> auditActions(TenantId tenant, UUID plan) {
		return jdbc.sql("select action from audit_events where tenant_id = ? and object_type = 'plan' and object_id = ? "
				+ "order by id")
			.params(tenant.value(), plan.toString())
			.query(String.class)
			.list();
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
}
