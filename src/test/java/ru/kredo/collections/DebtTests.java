package ru.kredo.collections;

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

import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/** The debt's transitions, each allowed one and each refused one, without Spring or a database. */
class DebtTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	/** 23:30 in Moscow on 6 December: still the 6th there (20:30 UTC), whatever the machine's zone. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T20:30:00Z"), MOSCOW);
	private static final LocalDate TODAY = LocalDate.now(CLOCK);
	private static final AllocationOrder ORDER = AllocationOrder.ARTICLE_319;

	/** 1 000 interest, 9 000 principal: 10 000 owed. */
	private static Debt open() {
		return new Debt(new DebtId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), new ContactId(UUID.randomUUID()),
				"ПАО «Банк»", "КД-1", LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, rub("1000"), rub("9000"), Money.ZERO), rub("10000"), 400, null,
				null, null, Money.ZERO, Money.ZERO, DebtStatus.OPEN, null);
	}

	/** A settlement signed on the whole 10 000: pay 9 000 in full, 1 000 forgiven; {@code paid} counted so far. */
	private static Offer settlement(Debt debt, Money paid) {
		return new Offer(UUID.randomUUID(), debt.id(), "Скидка 10%", 10, rub("10000"), rub("9000"), TODAY.plusDays(10),
				Offer.Status.ACCEPTED, paid, PartPolicy.IN_FULL, List.of(), CLOCK.instant(), "Условия.");
	}

	private static Money rub(String roubles) {
		return Money.ofRoubles(roubles);
	}

	private static void refused(Runnable transition, String code) {
		assertThatThrownBy(transition::run)
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo(code));
	}

	@Test
	void theDayIsMoscowsDay() {
		assertThat(TODAY).isEqualTo(LocalDate.of(2026, 12, 6));
	}

	@Test
	void aPartPaymentLowersTheBalanceInTheOrderOfArticle319AndLeavesItOpen() {
		Debt debt = open();
		AppliedPayment paid = debt.pay(rub("1500"), TODAY, Optional.empty(), ORDER);

		assertThat(paid.applied()).isEqualTo(rub("1500"));
		assertThat(paid.refund()).isEqualTo(Money.ZERO);
		assertThat(paid.split().to(DebtComponent.INTEREST)).isEqualTo(rub("1000"));
		assertThat(paid.split().to(DebtComponent.PRINCIPAL)).isEqualTo(rub("500"));
		assertThat(paid.debt().total()).isEqualTo(rub("8500"));
		assertThat(paid.debt().status()).isEqualTo(DebtStatus.OPEN);
		assertThat(paid.debt().closedOn()).isNull();
		assertThat(debt.total()).as("pure: the debt it was called on is unchanged").isEqualTo(rub("10000"));
	}

	@Test
	void paidToZeroItClosesAsPaidOnTheDayOfThePaymentAndTheRestIsToRefund() {
		AppliedPayment paid = open().pay(rub("10500"), TODAY, Optional.empty(), ORDER);

		assertThat(paid.applied()).isEqualTo(rub("10000"));
		assertThat(paid.refund()).isEqualTo(rub("500"));
		assertThat(paid.debt().status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(paid.debt().closedAs()).isEqualTo(ClosedAs.PAID);
		assertThat(paid.debt().closedOn()).isEqualTo(LocalDate.of(2026, 12, 6));
		assertThat(paid.debt().forgiven()).isEqualTo(Money.ZERO);
		assertThat(paid.debt().repaid()).isEqualTo(rub("10000"));
	}

	@Test
	void aClosedDebtRefusesAPaymentAndEveryOtherMove() {
		Debt paidOff = open().pay(rub("10000"), TODAY, Optional.empty(), ORDER).debt();
		Debt writtenOff = open().writeOff(TODAY);

		for (Debt closed : List.of(paidOff, writtenOff)) {
			refused(() -> closed.pay(rub("1"), TODAY, Optional.empty(), ORDER), "debt.closed");
			refused(() -> closed.writeOff(TODAY), "debt.closed");
			refused(closed::dispute, "debt.closed");
			refused(closed::settle, "offer.debt-closed");
			refused(() -> closed.resolveDispute(DisputeOutcome.REJECTED, Optional.empty(), TODAY), "debt.not-disputed");
			assertThat(closed.owed(Optional.empty())).isEqualTo(Money.ZERO);
		}
	}

	@Test
	void aPaymentOfNothingIsRefused() {
		refused(() -> open().pay(Money.ZERO, TODAY, Optional.empty(), ORDER), "payment.amount-required");
	}

	@Test
	void signingASettlementPutsTheDebtUnderItOnce() {
		Debt settling = open().settle();

		assertThat(settling.status()).isEqualTo(DebtStatus.UNDER_SETTLEMENT);
		assertThat(settling.total()).isEqualTo(rub("10000"));
		refused(settling::settle, "offer.already-signed");
	}

	@Test
	void nothingOwedHasNothingToSettle() {
		Debt nothingOwed = new Debt(new DebtId(UUID.randomUUID()), null, null, "ПАО «Банк»", "КД-0",
				LocalDate.of(2021, 1, 1), null, new DebtComponents(java.util.Map.of()), Money.ZERO, null, null, null, null,
				null, null, DebtStatus.OPEN, null);
		refused(nothingOwed::settle, "offer.debt-closed");
	}

	@Test
	void underASettlementAPaymentCountsTowardsItsSumAndTheOneCompletingItForgivesTheRest() {
		Debt settling = open().settle();
		Offer signed = settlement(settling, Money.ZERO);

		AppliedPayment first = settling.pay(rub("4000"), TODAY, Optional.of(signed), ORDER);
		assertThat(first.debt().status()).isEqualTo(DebtStatus.UNDER_SETTLEMENT);
		assertThat(first.settlementPaid()).isFalse();
		assertThat(first.debt().total()).isEqualTo(rub("6000"));

		// The rest of the settlement's sum, 5 000, and 100 more: the 100 is to refund, the 1 000 left is forgiven.
		AppliedPayment last = first.debt().pay(rub("5100"), TODAY.plusDays(1), Optional.of(settlement(settling, rub("4000"))),
				ORDER);
		assertThat(last.applied()).isEqualTo(rub("5000"));
		assertThat(last.refund()).isEqualTo(rub("100"));
		assertThat(last.settlementPaid()).isTrue();
		assertThat(last.debt().status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(last.debt().closedAs()).isEqualTo(ClosedAs.SETTLED);
		assertThat(last.debt().closedOn()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(last.debt().total()).isEqualTo(Money.ZERO);
		assertThat(last.debt().forgiven()).isEqualTo(rub("1000"));
		assertThat(last.debt().repaid()).isEqualTo(rub("9000"));
	}

	@Test
	void aDebtWhoseSettlementLapsedIsOpenAgainAtTheNextPaymentAndOwesItsBalance() {
		Debt settling = open().settle();

		AppliedPayment paid = settling.pay(rub("9500"), TODAY, Optional.empty(), ORDER);

		assertThat(paid.applied()).isEqualTo(rub("9500"));
		assertThat(paid.debt().status()).isEqualTo(DebtStatus.OPEN);
		assertThat(paid.debt().total()).isEqualTo(rub("500"));
	}

	@Test
	void aDisputedDebtWithholdsSettlementButStillTakesAPayment() {
		Debt disputed = open().dispute();

		assertThat(disputed.status()).isEqualTo(DebtStatus.DISPUTED);
		refused(disputed::settle, "debt.disputed");
		refused(disputed::dispute, "debt.already-disputed");
		AppliedPayment paid = disputed.pay(rub("1000"), TODAY, Optional.empty(), ORDER);
		assertThat(paid.debt().status()).isEqualTo(DebtStatus.DISPUTED);
		assertThat(paid.debt().total()).isEqualTo(rub("9000"));
		assertThat(disputed.pay(rub("10000"), TODAY, Optional.empty(), ORDER).debt().closedAs()).isEqualTo(ClosedAs.PAID);
	}

	@Test
	void aDebtUnderASettlementMayBeDisputed() {
		assertThat(open().settle().dispute().status()).isEqualTo(DebtStatus.DISPUTED);
	}

	@Test
	void aRejectedDisputeLeavesTheDebtOwedAsBeforeUnderItsSettlementIfOneIsInForce() {
		Debt disputed = open().dispute();

		assertThat(disputed.resolveDispute(DisputeOutcome.REJECTED, Optional.empty(), TODAY).status())
			.isEqualTo(DebtStatus.OPEN);
		assertThat(disputed.resolveDispute(DisputeOutcome.REJECTED, Optional.of(settlement(disputed, Money.ZERO)), TODAY)
			.status()).isEqualTo(DebtStatus.UNDER_SETTLEMENT);
	}

	@Test
	void anUpheldDisputeWritesTheDebtOffOnTheDay() {
		Debt resolved = open().dispute().resolveDispute(DisputeOutcome.UPHELD, Optional.empty(), TODAY);

		assertThat(resolved.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(resolved.closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
		assertThat(resolved.closedOn()).isEqualTo(TODAY);
		assertThat(resolved.owed(Optional.empty())).isEqualTo(Money.ZERO);
	}

	@Test
	void onlyADisputedDebtsDisputeIsResolved() {
		refused(() -> open().resolveDispute(DisputeOutcome.UPHELD, Optional.empty(), TODAY), "debt.not-disputed");
		refused(() -> open().settle().resolveDispute(DisputeOutcome.REJECTED, Optional.empty(), TODAY),
				"debt.not-disputed");
	}

	@Test
	void anOpenOrSettlingDebtMayBeWrittenOffKeepingWhatWasOwedAndNothingRepaid() {
		for (Debt debt : List.of(open(), open().settle(), open().dispute())) {
			Debt writtenOff = debt.writeOff(TODAY);
			assertThat(writtenOff.closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
			assertThat(writtenOff.closedOn()).isEqualTo(TODAY);
			assertThat(writtenOff.total()).isEqualTo(rub("10000"));
			assertThat(writtenOff.repaid()).isEqualTo(Money.ZERO);
		}
	}

	@Test
	void aStateThatContradictsItsClosingDayIsNoDebt() {
		Debt debt = open();
		assertThatThrownBy(() -> new Debt(debt.id(), debt.tenantId(), debt.contactId(), debt.originalCreditor(),
				debt.contractNumber(), debt.contractDate(), debt.assignmentDate(), debt.balance(), debt.originalTotal(),
				null, TODAY, null, null, null, null, DebtStatus.OPEN, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aLapsedSettlementLeavesTheDebtOpenAndOnlyADebtUnderOneCanLapse() {
		Debt settling = open().settle();

		Debt lapsed = settling.settlementLapsed();
		assertThat(lapsed.status()).isEqualTo(DebtStatus.OPEN);
		assertThat(lapsed.balance()).isEqualTo(settling.balance());
		assertThat(lapsed.settle().status()).isEqualTo(DebtStatus.UNDER_SETTLEMENT);
		refused(() -> open().settlementLapsed(), "debt.not-under-settlement");
		refused(() -> open().dispute().settlementLapsed(), "debt.not-under-settlement");
		refused(() -> open().restructure().settlementLapsed(), "debt.not-under-settlement");
	}

	// Restructuring plans (issue 13): the debt's side.

	@Test
	void signingAPlanPutsAnOpenDebtUnderItWithItsWholeBalance() {
		Debt restructured = open().restructure();

		assertThat(restructured.status()).isEqualTo(DebtStatus.UNDER_PLAN);
		assertThat(restructured.total()).isEqualTo(rub("10000"));
		assertThat(restructured.owed(Optional.empty())).isEqualTo(rub("10000"));
	}

	@Test
	void onlyAnOpenDebtWithSomethingOwedMayBeRestructured() {
		Debt nothingOwed = new Debt(new DebtId(UUID.randomUUID()), null, null, "ПАО «Банк»", "КД-0",
				LocalDate.of(2021, 1, 1), null, new DebtComponents(java.util.Map.of()), Money.ZERO, null, null, null, null,
				null, null, DebtStatus.OPEN, null);

		refused(nothingOwed::restructure, "plan.nothing-owed");
		refused(() -> open().pay(rub("10000"), TODAY, Optional.empty(), ORDER).debt().restructure(), "debt.closed");
		refused(() -> open().writeOff(TODAY).restructure(), "debt.closed");
		refused(() -> open().dispute().restructure(), "debt.disputed");
		refused(() -> open().settle().restructure(), "debt.under-settlement");
		refused(() -> open().restructure().restructure(), "debt.already-under-plan");
	}

	@Test
	void aDebtUnderAPlanStaysUnderItUntilPaidToZeroAndThenClosesAsPaidWithNothingForgiven() {
		Debt restructured = open().restructure();

		AppliedPayment instalment = restructured.pay(rub("2500"), TODAY, Optional.empty(), ORDER);
		assertThat(instalment.debt().status()).isEqualTo(DebtStatus.UNDER_PLAN);
		assertThat(instalment.debt().total()).isEqualTo(rub("7500"));

		AppliedPayment last = instalment.debt().pay(rub("7600"), TODAY.plusDays(30), Optional.empty(), ORDER);
		assertThat(last.applied()).isEqualTo(rub("7500"));
		assertThat(last.refund()).isEqualTo(rub("100"));
		assertThat(last.debt().status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(last.debt().closedAs()).isEqualTo(ClosedAs.PAID);
		assertThat(last.debt().forgiven()).isEqualTo(Money.ZERO);
		assertThat(last.debt().repaid()).isEqualTo(rub("10000"));
	}

	@Test
	void aDebtUnderAPlanRefusesASettlement() {
		refused(() -> open().restructure().settle(), "debt.under-plan");
	}

	@Test
	void anEndedPlanLeavesTheDebtOpenAndOwedAsBefore() {
		Debt paidInPart = open().restructure().pay(rub("3000"), TODAY, Optional.empty(), ORDER).debt();

		Debt ended = paidInPart.endPlan();

		assertThat(ended.status()).isEqualTo(DebtStatus.OPEN);
		assertThat(ended.total()).isEqualTo(rub("7000"));
		assertThat(ended.forgiven()).isEqualTo(Money.ZERO);
	}

	@Test
	void onlyADebtUnderAPlanEndsOne() {
		refused(() -> open().endPlan(), "debt.not-under-plan");
		refused(() -> open().settle().endPlan(), "debt.not-under-plan");
		refused(() -> open().restructure().dispute().endPlan(), "debt.not-under-plan");
		refused(() -> open().restructure().pay(rub("10000"), TODAY, Optional.empty(), ORDER).debt().endPlan(),
				"debt.not-under-plan");
	}

	@Test
	void aDebtUnderAPlanMayBeDisputedTakesPaymentsMeanwhileAndRejectedIsOpenForThePlanToTakeBack() {
		Debt disputed = open().restructure().dispute();

		assertThat(disputed.status()).isEqualTo(DebtStatus.DISPUTED);
		assertThat(disputed.pay(rub("1000"), TODAY, Optional.empty(), ORDER).debt().status())
			.isEqualTo(DebtStatus.DISPUTED);
		Debt rejected = disputed.resolveDispute(DisputeOutcome.REJECTED, Optional.empty(), TODAY);
		assertThat(rejected.status()).isEqualTo(DebtStatus.OPEN);
		assertThat(rejected.restructure().status()).as("the paused plan puts it back under the plan")
			.isEqualTo(DebtStatus.UNDER_PLAN);
	}

	@Test
	void aDebtUnderAPlanMayBeWrittenOff() {
		Debt writtenOff = open().restructure().writeOff(TODAY);

		assertThat(writtenOff.closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
		assertThat(writtenOff.total()).isEqualTo(rub("10000"));
	}
}
