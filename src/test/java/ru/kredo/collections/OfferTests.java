package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

class OfferTests {

	private static final PartPolicy THREE_MONTHLY = new PartPolicy(3, PartInterval.MONTH, 0);

	@Test
	void theDiscountIsRoundedDownToTheKopeckSoTheDebtorNeverPaysAFractionMore() {
		assertThat(Offer.discounted(Money.ofRoubles("10000.00"), 15)).isEqualTo(Money.ofRoubles("8500.00"));
		assertThat(Offer.discounted(Money.ofKopecks(999), 15)).isEqualTo(Money.ofKopecks(850));
	}

	@Test
	void anAcceptedOfferTellsWhatIsLeftToPayAndWhatIsSaved() {
		Offer offer = accepted(THREE_MONTHLY, Money.ofRoubles("9000.00"), 3, LocalDate.of(2026, 12, 1),
				Money.ofRoubles("4000.00"));

		assertThat(offer.leftToPay()).isEqualTo(Money.ofRoubles("5000.00"));
		assertThat(offer.saved()).isEqualTo(Money.ofRoubles("1000.00"));
	}

	@Test
	void thePartsSumToTheOfferExactlyWithTheOddKopecksOnTheFirstPart() {
		List<OfferPart> parts = THREE_MONTHLY.schedule(Money.ofRoubles("9000.02"), 3, LocalDate.of(2026, 12, 15));

		assertThat(parts).extracting(OfferPart::amount)
			.containsExactly(Money.ofRoubles("3000.02"), Money.ofRoubles("3000.00"), Money.ofRoubles("3000.00"));
		PartPolicy twelve = new PartPolicy(12, PartInterval.WEEK, 0);
		for (long kopecks = 12; kopecks < 5_000; kopecks += 37) {
			for (int count = 1; count <= 12; count++) {
				List<OfferPart> split = twelve.schedule(Money.ofKopecks(kopecks), count, LocalDate.of(2026, 12, 15));
				assertThat(split.stream().mapToLong(p -> p.amount().kopecks()).sum()).isEqualTo(kopecks);
				assertThat(split).hasSize(count).allSatisfy(p -> assertThat(p.amount().isZero()).isFalse());
				assertThat(split.stream().skip(1).map(OfferPart::amount).distinct().count()).isLessThanOrEqualTo(1);
			}
		}
	}

	@Test
	void theFirstPartIsDueByTheOffersDateAndEachNextOneAnIntervalLaterWithoutDrift() {
		assertThat(THREE_MONTHLY.schedule(Money.ofRoubles("300"), 3, LocalDate.of(2027, 1, 31))).extracting(OfferPart::dueOn)
			.containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
		assertThat(new PartPolicy(3, PartInterval.TWO_WEEKS, 0).schedule(Money.ofRoubles("300"), 3, LocalDate.of(2027, 1, 1)))
			.extracting(OfferPart::dueOn)
			.containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 29));
		assertThat(THREE_MONTHLY.schedule(Money.ofRoubles("300"), 1, LocalDate.of(2027, 1, 31))).singleElement()
			.satisfies(part -> {
				assertThat(part.dueOn()).isEqualTo(LocalDate.of(2027, 1, 31));
				assertThat(part.amount()).isEqualTo(Money.ofRoubles("300"));
			});
	}

	@Test
	void anOfferIsPaidInNoMorePartsThanItsRuleAllows() {
		assertThatThrownBy(() -> THREE_MONTHLY.schedule(Money.ofRoubles("300"), 4, LocalDate.of(2027, 1, 1)))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.parts-not-allowed"));
		assertThatThrownBy(() -> THREE_MONTHLY.schedule(Money.ofRoubles("300"), 0, LocalDate.of(2027, 1, 1)))
			.isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> PartPolicy.IN_FULL.schedule(Money.ofRoubles("300"), 2, LocalDate.of(2027, 1, 1)))
			.isInstanceOf(Rejected.class);
	}

	@Test
	void paymentsCountAgainstThePartsInOrderAndPayingMorePaysAhead() {
		Offer offer = accepted(THREE_MONTHLY, Money.ofRoubles("9000.00"), 3, LocalDate.of(2026, 12, 15),
				Money.ofRoubles("4000.00"));

		assertThat(offer.schedule()).extracting(offer::paidTowards)
			.containsExactly(Money.ofRoubles("3000.00"), Money.ofRoubles("1000.00"), Money.ZERO);
		assertThat(offer.nextPart()).get().extracting(OfferPart::number).isEqualTo(2);
		assertThat(offer.dueNext()).isEqualTo(Money.ofRoubles("2000.00"));
		Offer allPaid = accepted(THREE_MONTHLY, Money.ofRoubles("9000.00"), 3, LocalDate.of(2026, 12, 15),
				Money.ofRoubles("9000.00"));
		assertThat(allPaid.nextPart()).isEmpty();
		assertThat(allPaid.dueNext()).isEqualTo(Money.ZERO);
	}

	@Test
	void anAcceptedOfferLapsesTheMoscowDayAfterAnUnpaidPartsDueDateAndGrace() {
		PartPolicy withGrace = new PartPolicy(3, PartInterval.MONTH, 3);
		// Parts due 15.12.2026, 15.01.2027, 15.02.2027; the first is paid, the second is not.
		Offer offer = accepted(withGrace, Money.ofRoubles("9000.00"), 3, LocalDate.of(2026, 12, 15),
				Money.ofRoubles("3000.00"));
		Clock lastMinuteOfGrace = Clock.fixed(Instant.parse("2027-01-18T20:59:59Z"), ZoneOffset.UTC);
		Clock nextMoscowDay = Clock.offset(lastMinuteOfGrace, java.time.Duration.ofSeconds(1));

		assertThat(offer.on(BusinessCalendar.inMoscow(lastMinuteOfGrace).today()).status()).isEqualTo(Offer.Status.ACCEPTED);
		Offer lapsed = offer.on(BusinessCalendar.inMoscow(nextMoscowDay).today());
		assertThat(lapsed.status()).isEqualTo(Offer.Status.LAPSED);
		assertThat(lapsed.wasAccepted()).isTrue();
		assertThat(lapsed.deadline(lapsed.nextPart().orElseThrow())).isEqualTo(LocalDate.of(2027, 1, 18));
		// The money already paid stays counted; only the discount is gone.
		assertThat(lapsed.paidSinceAccepted()).isEqualTo(Money.ofRoubles("3000.00"));
	}

	@Test
	void paidAheadAnOfferDoesNotLapseWhenALaterPartsDateComes() {
		Offer offer = accepted(THREE_MONTHLY, Money.ofRoubles("9000.00"), 3, LocalDate.of(2026, 12, 15),
				Money.ofRoubles("6000.00"));
		Clock afterSecondDate = Clock.fixed(Instant.parse("2027-01-20T09:00:00Z"), ZoneOffset.UTC);
		Clock afterThirdDate = Clock.fixed(Instant.parse("2027-02-16T09:00:00Z"), ZoneOffset.UTC);

		assertThat(offer.on(BusinessCalendar.inMoscow(afterSecondDate).today()).status()).isEqualTo(Offer.Status.ACCEPTED);
		assertThat(offer.on(BusinessCalendar.inMoscow(afterThirdDate).today()).status()).isEqualTo(Offer.Status.LAPSED);
	}

	@Test
	void anOpenOfferLapsesAfterItsDateAndAPaidOneNever() {
		Offer open = new Offer(UUID.randomUUID(), new DebtId(UUID.randomUUID()), "Всем", 10, Money.ofRoubles("1000"),
				Money.ofRoubles("900"), LocalDate.of(2026, 12, 1), Offer.Status.OFFERED, Money.ZERO, THREE_MONTHLY,
				List.of(), null, null);
		Clock onTheDate = Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), ZoneOffset.UTC);
		Clock dayAfter = Clock.fixed(Instant.parse("2026-12-01T21:00:00Z"), ZoneOffset.UTC);

		assertThat(open.on(BusinessCalendar.inMoscow(onTheDate).today()).status()).isEqualTo(Offer.Status.OFFERED);
		assertThat(open.on(BusinessCalendar.inMoscow(dayAfter).today()).status()).isEqualTo(Offer.Status.LAPSED);
		assertThat(open.on(BusinessCalendar.inMoscow(dayAfter).today()).wasAccepted()).isFalse();
		Offer paid = accepted(THREE_MONTHLY, Money.ofRoubles("900"), 1, LocalDate.of(2026, 12, 1), Money.ofRoubles("900"));
		Offer settled = new Offer(paid.id(), paid.debtId(), paid.ruleName(), 10, paid.fullAmount(), paid.offerAmount(),
				paid.validUntil(), Offer.Status.PAID, paid.paidSinceAccepted(), THREE_MONTHLY, paid.schedule(),
				paid.acceptedAt(), paid.signedTerms());
		assertThat(settled.on(LocalDate.of(2030, 1, 1)).status()).isEqualTo(Offer.Status.PAID);
	}

	@Test
	void aRuleOffersOneToFiftyPerCentForOneToAYearOfDaysInOneToTwelveParts() {
		assertThatThrownBy(() -> new OfferRule(null, "Щедро", 0, Money.ZERO, 60, 30, PartPolicy.IN_FULL))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.discount-invalid"));
		assertThatThrownBy(() -> new OfferRule(null, "Навсегда", 0, Money.ZERO, 10, 0, PartPolicy.IN_FULL))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.terms-invalid"));
		assertThatThrownBy(() -> new OfferRule(null, " ", 0, Money.ZERO, 10, 30, PartPolicy.IN_FULL))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.rule-name-required"));
		assertThatThrownBy(() -> new PartPolicy(13, PartInterval.MONTH, 0))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.parts-invalid"));
		assertThatThrownBy(() -> new PartPolicy(3, PartInterval.MONTH, 31))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.grace-invalid"));
	}

	/** An offer accepted to be paid in {@code parts}, the first due on {@code firstDue}, with {@code paid} paid so far. */
	private static Offer accepted(PartPolicy policy, Money amount, int parts, LocalDate firstDue, Money paid) {
		Money full = Money.ofKopecks(amount.kopecks() * 10 / 9);
		return new Offer(UUID.randomUUID(), new DebtId(UUID.randomUUID()), "Старые долги", 10, full, amount, firstDue,
				Offer.Status.ACCEPTED, paid, policy, policy.schedule(amount, parts, firstDue), Instant.parse("2026-12-01T10:00:00Z"),
				"Условия");
	}
}
