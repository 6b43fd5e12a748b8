package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/** The plan's transitions, each allowed one and each refused one, on an injected clock, without Spring. */
class PlanTests {

	/** Monday 7 December 2026, 10:00 in Moscow. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T07:00:00Z"), ZoneId.of("Europe/Moscow"));
	private static final LocalDate TODAY = LocalDate.now(CLOCK);
	/** A Tuesday: 15 December, 15 January (Friday), 15 February (Monday), all working days. */
	private static final LocalDate FIRST = LocalDate.of(2026, 12, 15);
	/** Grace 5 days, 15 days to repair, one repair, the first instalment within 30 days. */
	private static final PlanPolicy POLICY = PlanPolicy.DEFAULT;
	private static final ScheduleCalculator CALCULATOR = new ScheduleCalculator(ProductionCalendar.russian());

	private static Money rub(String roubles) {
		return Money.ofRoubles(roubles);
	}

	private static void refused(Runnable transition, String code) {
		assertThatThrownBy(transition::run)
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo(code));
	}

	/** 30 000 in three instalments of 10 000 from {@link #FIRST}, asked for today. */
	private static Plan requested(List<PolicyBreach> breaches) {
		Schedule schedule = CALCULATOR.schedule(rub("30000"), new Terms.ByMonths(3), FIRST);
		return Plan.request(UUID.randomUUID(), new TenantId(UUID.randomUUID()), new DebtId(UUID.randomUUID()),
				new ContactId(UUID.randomUUID()), PlanReason.LOST_INCOME, rub("40000"), rub("35000"), schedule, breaches,
				TODAY);
	}

	private static Plan outsidePolicy() {
		return requested(List.of(new PolicyBreach("months", List.of(2, 24)), new PolicyBreach("instalment", List.of())));
	}

	private static Plan active() {
		return requested(List.of()).sign(UUID.randomUUID(), CLOCK.instant(), rub("30000"), TODAY);
	}

	@Test
	void aRequestWithinThePolicyAwaitsTheSignatureAtOnce() {
		Plan plan = requested(List.of());

		assertThat(plan.status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		assertThat(plan.total()).isEqualTo(rub("30000"));
		assertThat(plan.instalments()).extracting(PlanInstalment::due)
			.containsExactly(FIRST, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 15));
		assertThat(plan.left()).isEqualTo(rub("30000"));
		assertThat(plan.breaches()).isEmpty();
		assertThat(plan.requestedOn()).isEqualTo(TODAY);
	}

	@Test
	void aRequestOutsideThePolicyGoesToTheAgencyWithTheRulesItBreaks() {
		Plan plan = outsidePolicy();

		assertThat(plan.status()).isEqualTo(PlanStatus.REQUESTED);
		assertThat(plan.breaches()).containsExactly("months", "instalment");
	}

	@Test
	void aRequestNeedsAReason() {
		Schedule schedule = CALCULATOR.schedule(rub("30000"), new Terms.ByMonths(3), FIRST);
		refused(() -> Plan.request(UUID.randomUUID(), null, new DebtId(UUID.randomUUID()), null, null, null, null,
				schedule, List.of(), TODAY), "plan.reason-required");
	}

	@Test
	void theOperatorApprovesARequestAsItIs() {
		Plan approved = outsidePolicy().approve();

		assertThat(approved.status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		refused(approved::approve, "plan.not-requested");
		refused(() -> active().approve(), "plan.not-requested");
	}

	@Test
	void theOperatorProposesOtherTermsWhichTheDebtorAcceptsOrDeclines() {
		Schedule other = CALCULATOR.schedule(rub("30000"), new Terms.ByMonths(6), FIRST);
		Plan proposed = outsidePolicy().propose(other);

		assertThat(proposed.status()).isEqualTo(PlanStatus.PROPOSED);
		assertThat(proposed.instalments()).hasSize(6).extracting(PlanInstalment::amount).containsOnly(rub("5000"));
		assertThat(proposed.acceptProposal().status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		assertThat(proposed.declineProposal().status()).isEqualTo(PlanStatus.DECLINED);
		refused(() -> proposed.propose(other), "plan.not-requested");
		refused(() -> outsidePolicy().acceptProposal(), "plan.not-proposed");
		refused(() -> outsidePolicy().declineProposal(), "plan.not-proposed");
		refused(() -> proposed.acceptProposal().acceptProposal(), "plan.not-proposed");
	}

	@Test
	void theOperatorDeclinesARequestWithAReasonTheDebtorSees() {
		Plan declined = outsidePolicy().decline("  Доход не подтверждён  ");

		assertThat(declined.status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(declined.note()).isEqualTo("Доход не подтверждён");
		assertThat(declined.status().isFinal()).isTrue();
		refused(() -> outsidePolicy().decline(" "), "plan.note-required");
		refused(() -> outsidePolicy().decline("x".repeat(Plan.MAX_NOTE + 1)), "plan.note-too-long");
		refused(() -> declined.decline("ещё раз"), "plan.not-requested");
		refused(() -> requested(List.of()).decline("нет"), "plan.not-requested");
	}

	@Test
	void theDebtorWithdrawsHisRequestUntilHeSignsIt() {
		Schedule other = CALCULATOR.schedule(rub("30000"), new Terms.ByMonths(6), FIRST);

		assertThat(outsidePolicy().withdraw().status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(outsidePolicy().propose(other).withdraw().status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(outsidePolicy().approve().withdraw().status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(outsidePolicy().withdraw().note()).as("no reason of the agency's to show").isNull();
		refused(() -> active().withdraw(), "plan.not-withdrawable");
		refused(() -> outsidePolicy().withdraw().withdraw(), "plan.not-withdrawable");
	}

	@Test
	void signingMakesItActiveWhileItsTermsStillHold() {
		Plan awaiting = requested(List.of());
		UUID signature = UUID.randomUUID();

		Plan signed = awaiting.sign(signature, CLOCK.instant(), rub("30000"), TODAY);

		assertThat(signed.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(signed.signature()).isEqualTo(signature);
		assertThat(signed.signedAt()).isEqualTo(CLOCK.instant());
		refused(() -> signed.sign(signature, CLOCK.instant(), rub("30000"), TODAY), "plan.not-awaiting-signature");
		refused(() -> outsidePolicy().sign(signature, CLOCK.instant(), rub("30000"), TODAY),
				"plan.not-awaiting-signature");
		refused(() -> awaiting.sign(signature, CLOCK.instant(), rub("29000"), TODAY), "plan.terms-changed");
		refused(() -> awaiting.sign(signature, CLOCK.instant(), rub("30000"), FIRST.plusDays(1)), "plan.terms-changed");
	}

	@Test
	void aPaymentGoesToTheEarliestInstalmentNotPaidThenTheNext() {
		Plan onSchedule = active().pay(rub("10000"), FIRST, POLICY);
		assertThat(onSchedule.instalments()).extracting(PlanInstalment::paid)
			.containsExactly(rub("10000"), Money.ZERO, Money.ZERO);
		assertThat(onSchedule.status()).isEqualTo(PlanStatus.ACTIVE);

		Plan inPart = onSchedule.pay(rub("4000"), FIRST.plusDays(10), POLICY);
		assertThat(inPart.instalments()).extracting(PlanInstalment::paid)
			.containsExactly(rub("10000"), rub("4000"), Money.ZERO);
		assertThat(inPart.next().orElseThrow().number()).isEqualTo(2);
		assertThat(inPart.next().orElseThrow().left()).isEqualTo(rub("6000"));

		// More than the second's rest: the 1 000 beyond it goes to the third, ahead of its date.
		Plan over = inPart.pay(rub("7000"), FIRST.plusDays(20), POLICY);
		assertThat(over.instalments()).extracting(PlanInstalment::paid)
			.containsExactly(rub("10000"), rub("10000"), rub("1000"));
		assertThat(over.left()).isEqualTo(rub("9000"));
		assertThat(over.paid()).isEqualTo(rub("21000"));
	}

	@Test
	void theLastPaymentCompletesThePlanAndWhatIsBeyondItIsNotThePlans() {
		Plan completed = active().pay(rub("35000"), TODAY, POLICY);

		assertThat(completed.status()).isEqualTo(PlanStatus.COMPLETED);
		assertThat(completed.instalments()).allMatch(PlanInstalment::isPaid);
		assertThat(completed.left()).isEqualTo(Money.ZERO);
		refused(() -> completed.pay(rub("1"), TODAY, POLICY), "plan.not-running");
		refused(() -> requested(List.of()).pay(rub("1"), TODAY, POLICY), "plan.not-running");
	}

	@Test
	void aMissedInstalmentIsBehindOnlyAfterTheGraceDays() {
		Plan plan = active();

		assertThat(plan.check(FIRST.plusDays(5), POLICY)).as("the last grace day").isSameAs(plan);
		Plan behind = plan.check(FIRST.plusDays(6), POLICY);
		assertThat(behind.status()).isEqualTo(PlanStatus.BEHIND);
		assertThat(behind.behindSince()).isEqualTo(FIRST.plusDays(6));
		// Checked late, it counts from the day it fell behind, not from the check.
		assertThat(plan.check(FIRST.plusDays(12), POLICY).behindSince()).isEqualTo(FIRST.plusDays(6));
		// An instalment paid in part is missed too.
		assertThat(plan.pay(rub("9999.99"), FIRST, POLICY).check(FIRST.plusDays(6), POLICY).status())
			.isEqualTo(PlanStatus.BEHIND);
	}

	@Test
	void aPlanBehindIsActiveAgainOnceCaughtUp() {
		Plan behind = active().check(FIRST.plusDays(6), POLICY);

		Plan inPart = behind.pay(rub("5000"), FIRST.plusDays(7), POLICY);
		assertThat(inPart.status()).isEqualTo(PlanStatus.BEHIND);
		Plan caughtUp = inPart.pay(rub("5000"), FIRST.plusDays(8), POLICY);
		assertThat(caughtUp.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(caughtUp.behindSince()).isNull();
	}

	@Test
	void aPlanBehindForMoreThanTheDaysToRepairBreaks() {
		Plan behind = active().check(FIRST.plusDays(6), POLICY);

		assertThat(behind.check(FIRST.plusDays(6 + 15), POLICY)).as("the last day to repair").isSameAs(behind);
		Plan broken = behind.check(FIRST.plusDays(6 + 16), POLICY);
		assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(broken.ending()).isEqualTo(PlanEnding.MISSED);
		assertThat(broken.status().isFinal()).isTrue();
		assertThat(broken.check(FIRST.plusDays(100), POLICY)).isSameAs(broken);
		refused(() -> broken.pay(rub("1"), TODAY, POLICY), "plan.not-running");
	}

	@Test
	void aPlanNotSignedIsNeverBehind() {
		Plan awaiting = requested(List.of());
		assertThat(awaiting.check(FIRST.plusDays(60), POLICY)).isSameAs(awaiting);
	}

	@Test
	void aPausedPlanMissesNothingAndResumedMovesItsUnpaidInstalmentsByTheDaysPaused() {
		Plan paused = active().pay(rub("10000"), FIRST, POLICY).pause(FIRST.plusDays(1));

		assertThat(paused.check(LocalDate.of(2027, 3, 1), POLICY)).isSameAs(paused);
		refused(() -> paused.pause(FIRST), "plan.paused");
		refused(() -> paused.moveInstalment(FIRST.plusDays(40), FIRST.plusDays(30), POLICY, CALCULATOR), "plan.paused");

		// Paused from 16 December to 5 February: 51 days.
		Plan resumed = paused.resume(LocalDate.of(2027, 2, 5), CALCULATOR);
		assertThat(resumed.isPaused()).isFalse();
		assertThat(resumed.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(resumed.instalments()).extracting(PlanInstalment::due)
			// 15 January + 51 days = 7 March, a Sunday → Monday 9 March (8 March a holiday); 15 February + 51 = 7 April.
			.containsExactly(FIRST, LocalDate.of(2027, 3, 9), LocalDate.of(2027, 4, 7));
		refused(() -> resumed.resume(TODAY, CALCULATOR), "plan.not-paused");
	}

	@Test
	void aPlanBehindWhenPausedKeepsItsTimeToRepairAfterwards() {
		Plan behind = active().check(FIRST.plusDays(6), POLICY);
		Plan resumed = behind.pause(FIRST.plusDays(10)).resume(FIRST.plusDays(40), CALCULATOR);

		assertThat(resumed.status()).isEqualTo(PlanStatus.BEHIND);
		assertThat(resumed.behindSince()).isEqualTo(FIRST.plusDays(36));
	}

	@Test
	void theDebtorRepairsAMissByMovingTheInstalmentOnceWithinThePolicy() {
		Plan behind = active().check(FIRST.plusDays(6), POLICY);
		LocalDate today = FIRST.plusDays(8);

		Plan repaired = behind.moveInstalment(LocalDate.of(2026, 12, 30), today, POLICY, CALCULATOR);

		assertThat(repaired.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(repaired.behindSince()).isNull();
		assertThat(repaired.repairsUsed()).isEqualTo(1);
		assertThat(repaired.instalments()).extracting(PlanInstalment::due)
			.containsExactly(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 15));
		refused(() -> repaired.check(LocalDate.of(2027, 1, 10), POLICY).moveInstalment(LocalDate.of(2027, 1, 12),
				LocalDate.of(2027, 1, 10), POLICY, CALCULATOR), "plan.no-repairs-left");
	}

	@Test
	void aMovedDateIsNotInThePastNorTooFarNorPastTheNextInstalment() {
		Plan behind = active().check(FIRST.plusDays(6), POLICY);
		LocalDate today = FIRST.plusDays(8);

		refused(() -> behind.moveInstalment(today.minusDays(1), today, POLICY, CALCULATOR), "plan.repair-date-invalid");
		refused(() -> behind.moveInstalment(LocalDate.of(2027, 1, 15), today, POLICY, CALCULATOR),
				"plan.repair-date-invalid");
		refused(() -> active().moveInstalment(today.plusDays(31), today, POLICY, CALCULATOR), "plan.repair-date-invalid");
	}

	@Test
	void withTwoInstalmentsMissedMovingOneCannotRepairThePlan() {
		LocalDate today = LocalDate.of(2027, 1, 25);
		Plan twoMissed = active().check(today, POLICY);

		// The first may not move past the second, itself missed: only a re-plan repairs it.
		refused(() -> twoMissed.moveInstalment(today.plusDays(1), today, POLICY, CALCULATOR), "plan.repair-date-invalid");
		assertThat(twoMissed.replan(new Terms.ByMonths(3), today.plusDays(1), today, POLICY, CALCULATOR).status())
			.isEqualTo(PlanStatus.ACTIVE);
	}

	@Test
	void theDebtorRepairsByReplanningWhatIsLeftWithinThePolicy() {
		LocalDate today = FIRST.plusDays(8);
		Plan behind = active().pay(rub("10000"), FIRST, POLICY).pay(rub("2500"), FIRST, POLICY)
			.check(LocalDate.of(2027, 1, 21), POLICY);
		assertThat(behind.status()).isEqualTo(PlanStatus.BEHIND);

		Plan replanned = behind.replan(new Terms.ByMonths(5), LocalDate.of(2027, 1, 28), LocalDate.of(2027, 1, 22), POLICY,
				CALCULATOR);

		assertThat(replanned.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(replanned.repairsUsed()).isEqualTo(1);
		assertThat(replanned.total()).isEqualTo(rub("30000"));
		assertThat(replanned.left()).isEqualTo(rub("17500"));
		// The first kept whole, the second as far as it was paid, then five of 3 500.
		assertThat(replanned.instalments()).extracting(PlanInstalment::amount).containsExactly(rub("10000"),
				rub("2500"), rub("3500"), rub("3500"), rub("3500"), rub("3500"), rub("3500"));
		assertThat(replanned.instalments()).extracting(PlanInstalment::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
		assertThat(replanned.instalments().get(2).due()).isEqualTo(LocalDate.of(2027, 1, 28));
		assertThat(today).isBefore(LocalDate.of(2027, 1, 22));
	}

	@Test
	void aReplanOutsideThePolicyIsRefused() {
		Plan behind = active().check(FIRST.plusDays(6), POLICY);

		// 30 000 over 40 months breaks the longest term (24).
		refused(() -> behind.replan(new Terms.ByMonths(40), FIRST.plusDays(10), FIRST.plusDays(8), POLICY, CALCULATOR),
				"plan.repair-outside-policy");
		refused(() -> requested(List.of()).replan(new Terms.ByMonths(3), FIRST, TODAY, POLICY, CALCULATOR),
				"plan.not-running");
	}

	@Test
	void theAgencyEndsARunningPlanWithAReason() {
		Plan ended = active().check(FIRST.plusDays(6), POLICY).end("Должник просил прекратить");

		assertThat(ended.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(ended.ending()).isEqualTo(PlanEnding.BY_AGENCY);
		assertThat(ended.note()).isEqualTo("Должник просил прекратить");
		refused(() -> active().end(""), "plan.note-required");
		refused(() -> outsidePolicy().end("нет"), "plan.not-running");
		refused(() -> ended.end("ещё"), "plan.not-running");
	}

	@Test
	void aDebtWrittenOffEndsThePlanAndADebtPaidOffCompletesIt() {
		assertThat(active().debtWrittenOff().ending()).isEqualTo(PlanEnding.DEBT_WRITTEN_OFF);
		Plan completed = active().pay(rub("100"), TODAY, POLICY).complete();
		assertThat(completed.status()).isEqualTo(PlanStatus.COMPLETED);
		assertThat(completed.left()).isEqualTo(Money.ZERO);
		refused(() -> requested(List.of()).complete(), "plan.not-running");
	}

	/**
	 * A registry lowered the debt under a plan of 3 × 10 000, 4 000 paid on the first and behind on it: the cut comes off
	 * the end — to 6 000 owed, the third and second instalments are dropped and the first stays as it was; to 5 000,
	 * the first is 9 000 (4 000 paid); the first keeps what was paid however deep the cut. Dates stay; a plan still
	 * late on what is left stays behind (plandays).
	 */
	@Test
	void aLowerBalanceFromARegistryCutsTheLastInstalmentsAndKeepsWhatWasPaid() {
		Plan behind = active().pay(rub("4000"), FIRST, POLICY).check(FIRST.plusDays(6), POLICY);
		assertThat(behind.status()).isEqualTo(PlanStatus.BEHIND);

		Plan lowered = behind.lowered(rub("6000"));
		assertThat(lowered.instalments()).extracting(PlanInstalment::number, PlanInstalment::amount, PlanInstalment::paid)
			.containsExactly(tuple(1, rub("10000"), rub("4000")));
		assertThat(lowered.left()).isEqualTo(rub("6000"));
		assertThat(lowered.total()).isEqualTo(rub("10000"));
		assertThat(lowered.status()).as("still late on the first").isEqualTo(PlanStatus.BEHIND);

		Plan withinTheFirst = behind.lowered(rub("5000"));
		assertThat(withinTheFirst.instalments()).extracting(PlanInstalment::amount).containsExactly(rub("9000"));

		Plan cutToWhatWasPaid = behind.lowered(rub("1"));
		assertThat(cutToWhatWasPaid.instalments()).extracting(PlanInstalment::amount).containsExactly(rub("4001"));

		Plan fewer = active().lowered(rub("25000"));
		assertThat(fewer.instalments()).extracting(PlanInstalment::amount)
			.containsExactly(rub("10000"), rub("10000"), rub("5000"));
		assertThat(fewer.status()).isEqualTo(PlanStatus.ACTIVE);
	}

	@Test
	void aRegistryThatClosesOrRaisesTheDebtEndsTheRunningPlan() {
		assertThat(active().debtClosed().ending()).isEqualTo(PlanEnding.DEBT_CLOSED);
		assertThat(active().balanceRaised().ending()).isEqualTo(PlanEnding.BALANCE_RAISED);
		assertThat(active().balanceRaised().status()).isEqualTo(PlanStatus.BROKEN);
		refused(() -> requested(List.of()).debtClosed(), "plan.not-running");
	}
}
