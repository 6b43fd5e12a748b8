package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * A plan combined with a discount (docs/plans.md, «A plan with a discount»), on an injected clock, without Spring: of
 * the discounted sum, its completion forgives the rest; broken, the discount is lost and the balance less what was
 * paid is owed again.
 */
class PlanDiscountTests {

	/** Monday 7 December 2026, 10:00 in Moscow. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T07:00:00Z"), ZoneId.of("Europe/Moscow"));
	private static final LocalDate TODAY = LocalDate.now(CLOCK);
	private static final LocalDate FIRST = LocalDate.of(2026, 12, 15);
	private static final PlanPolicy POLICY = PlanPolicy.DEFAULT;
	private static final ScheduleCalculator CALCULATOR = new ScheduleCalculator(ProductionCalendar.russian());

	private static Money rub(String roubles) {
		return Money.ofRoubles(roubles);
	}

	private static void refused(Runnable transition, String code) {
		assertThatThrownBy(transition::run)
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo(code));
	}

	/** 10 % off a balance of 30 000,01: 27 000,01 (the discount rounded down), in three instalments. */
	private static Plan discounted() {
		Schedule schedule = CALCULATOR.schedule(rub("27000.01"), new Terms.ByMonths(3), FIRST);
		return Plan.request(UUID.randomUUID(), new TenantId(UUID.randomUUID()), new DebtId(UUID.randomUUID()),
				new ContactId(UUID.randomUUID()), PlanReason.LOST_INCOME, null, null, schedule, List.of(), TODAY,
				rub("30000.01"));
	}

	private static Plan signed() {
		return discounted().sign(UUID.randomUUID(), CLOCK.instant(), rub("30000.01"), Optional.of(rub("27000.01")),
				TODAY);
	}

	@Test
	void aDiscountedPlanRepaysTheDiscountedSumAndWouldForgiveTheRestToTheKopeck() {
		Plan plan = discounted();

		assertThat(plan.isDiscounted()).isTrue();
		assertThat(plan.total()).isEqualTo(rub("27000.01"));
		assertThat(plan.instalments()).extracting(PlanInstalment::amount)
			.containsExactly(rub("9000.00"), rub("9000.00"), rub("9000.01"));
		assertThat(plan.forgiven()).isEqualTo(rub("3000.00"));
		assertThat(plan.owedAfter()).isEqualTo(rub("27000.01"));
	}

	@Test
	void completedItIsSettledWithTheForgivenRest() {
		Plan completed = signed().pay(rub("9000"), FIRST, POLICY).pay(rub("18000.01"), FIRST.plusMonths(1), POLICY);

		assertThat(completed.status()).isEqualTo(PlanStatus.COMPLETED);
		assertThat(completed.paid()).isEqualTo(rub("27000.01"));
		assertThat(completed.forgiven()).isEqualTo(rub("3000.00"));
		assertThat(completed.owedAfter()).isEqualTo(Money.ZERO);
	}

	@Test
	void brokenTheDiscountIsLostAndTheBalanceLessWhatWasPaidIsOwed() {
		Plan paidOnce = signed().pay(rub("9000"), FIRST, POLICY);
		LocalDate second = paidOnce.instalments().get(1).due();
		Plan behind = paidOnce.check(second.plusDays(POLICY.graceDays() + 1), POLICY);
		Plan broken = behind.check(behind.behindSince().plusDays(POLICY.daysToRepair() + 1), POLICY);

		assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(broken.paid()).isEqualTo(rub("9000"));
		assertThat(broken.owedAfter()).as("30 000,01 − 9 000").isEqualTo(rub("21000.01"));
		// Ended by the agency, the same.
		assertThat(paidOnce.end("Иначе").owedAfter()).isEqualTo(rub("21000.01"));
	}

	@Test
	void aPlanOfTheWholeBalanceForgivesNothingAndOwesWhatIsLeftWhenBroken() {
		Schedule schedule = CALCULATOR.schedule(rub("30000"), new Terms.ByMonths(3), FIRST);
		Plan whole = Plan.request(UUID.randomUUID(), new TenantId(UUID.randomUUID()), new DebtId(UUID.randomUUID()),
				new ContactId(UUID.randomUUID()), PlanReason.LOST_INCOME, null, null, schedule, List.of(), TODAY)
			.sign(UUID.randomUUID(), CLOCK.instant(), rub("30000"), TODAY);

		assertThat(whole.isDiscounted()).isFalse();
		assertThat(whole.forgiven()).isEqualTo(Money.ZERO);
		assertThat(whole.pay(rub("10000"), FIRST, POLICY).end("Иначе").owedAfter()).isEqualTo(rub("20000"));
	}

	@Test
	void itIsSignedOnlyWhileTheBalanceAndTheOffersSumAreTheOnesItWasMadeOn() {
		Plan plan = discounted();
		UUID signature = UUID.randomUUID();

		refused(() -> plan.sign(signature, CLOCK.instant(), rub("29000"), Optional.of(rub("27000.01")), TODAY),
				"plan.terms-changed");
		refused(() -> plan.sign(signature, CLOCK.instant(), rub("30000.01"), Optional.empty(), TODAY),
				"plan.discount-lapsed");
		refused(() -> plan.sign(signature, CLOCK.instant(), rub("30000.01"), Optional.of(rub("28500")), TODAY),
				"plan.discount-lapsed");
		refused(() -> plan.sign(signature, CLOCK.instant(), rub("27000.01"), TODAY), "plan.terms-changed");
		assertThat(signed().status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(signed().discountedFrom()).isEqualTo(rub("30000.01"));
	}

	@Test
	void theAgencysOtherTermsKeepTheDiscount() {
		Plan requested = Plan.request(UUID.randomUUID(), new TenantId(UUID.randomUUID()), new DebtId(UUID.randomUUID()),
				new ContactId(UUID.randomUUID()), PlanReason.ILLNESS, null, null,
				CALCULATOR.schedule(rub("27000.01"), new Terms.ByMonths(30), FIRST),
				List.of(new PolicyBreach("months", List.of(2, 24))), TODAY, rub("30000.01"));

		Plan proposed = requested.propose(CALCULATOR.schedule(rub("27000.01"), new Terms.ByMonths(12), FIRST),
				rub("30000.01"));
		assertThat(proposed.isDiscounted()).isTrue();
		assertThat(proposed.forgiven()).isEqualTo(rub("3000.00"));
		assertThat(proposed.instalments()).hasSize(12);
	}
}
