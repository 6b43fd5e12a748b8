package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/** The debtor's today (his zone, else the agency's), which debts qualify, and the first day suggested. */
class PlanQuotesTests {

	private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

	/** 23:30 Moscow time on 1 December 2026 is 06:30 on the 2nd in Vladivostok. */
	private final Clock lateInMoscow = Clock.fixed(LocalDateTime.of(2026, 12, 1, 23, 30)
		.atZone(BusinessCalendar.MOSCOW).toInstant(), BusinessCalendar.MOSCOW);

	private final BusinessCalendar calendar = BusinessCalendar.inMoscow(lateInMoscow);
	// what these tests ask reads no policy, debt or offer from the database: a call to one would answer null and fail
	private final PlanQuotes quotes = new PlanQuotes(mock(PlanPolicies.class), mock(Debts.class), calendar,
			TenantClocks.system(lateInMoscow, calendar), mock(Offers.class));

	@Test
	void aDebtorInVladivostokAtHalfPastElevenMoscowTimeOnTheFirstIsAlreadyOnTheSecond() {
		assertThat(quotes.today(debt(VLADIVOSTOK, DebtStatus.OPEN, "10000"))).isEqualTo(LocalDate.of(2026, 12, 2));
	}

	@Test
	void aDebtorWhoseZoneIsUnknownHasTheAgencysToday() {
		assertThat(quotes.today(debt(null, DebtStatus.OPEN, "10000"))).isEqualTo(LocalDate.of(2026, 12, 1));
	}

	@Test
	void theQuoteIsCheckedAgainstTheDebtorsTodayNotTheAgencys() {
		Debt debt = debt(VLADIVOSTOK, DebtStatus.OPEN, "10000");
		PlanQuotes.Eligibility eligibility = PlanQuotes.eligibility(debt, PlanPolicy.DEFAULT);
		// The 1st is today in Moscow but yesterday for him: a first payment on it is in his past.
		PlanQuotes.Quote quote = quotes.quote(debt, eligibility, new Terms.ByMonths(2), LocalDate.of(2026, 12, 1));
		assertThat(quote.breaches()).extracting(PolicyBreach::code).containsExactly("first-past");
		assertThat(quote.today()).isEqualTo(LocalDate.of(2026, 12, 2));
	}

	@Test
	void onlyAnOpenDebtQualifies() {
		assertThat(PlanQuotes.eligibility(debt(null, DebtStatus.OPEN, "10000"), PlanPolicy.DEFAULT).qualifies()).isTrue();
		assertThat(codes(debt(null, DebtStatus.DISPUTED, "10000"))).containsExactly("debt-disputed");
		assertThat(codes(debt(null, DebtStatus.UNDER_SETTLEMENT, "10000"))).containsExactly("debt-settlement");
		assertThat(codes(debt(null, DebtStatus.CLOSED, "10000"))).containsExactly("debt-closed");
		assertThat(codes(debt(null, DebtStatus.OPEN, "2999.99"))).containsExactly("balance");
	}

	@Test
	void theSuggestedFirstDayIsAWeekAwayOrThePolicysLatestIfSooner() {
		LocalDate today = LocalDate.of(2026, 12, 2);
		assertThat(PlanQuotes.suggestedFirst(PlanPolicy.DEFAULT, today)).isEqualTo(LocalDate.of(2026, 12, 9));
		PlanPolicy soon = new PlanPolicy(true, 2, 24, Money.ofRoubles("1000"), 3, 5, 15, 1, false, Money.ZERO, 0);
		assertThat(PlanQuotes.suggestedFirst(soon, today)).isEqualTo(LocalDate.of(2026, 12, 5));
	}

	private static List<String> codes(Debt debt) {
		return PlanQuotes.eligibility(debt, PlanPolicy.DEFAULT).breaches().stream().map(PolicyBreach::code).toList();
	}

	private static Debt debt(ZoneId zone, DebtStatus status, String principal) {
		boolean closed = status == DebtStatus.CLOSED;
		return new Debt(new DebtId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), new ContactId(UUID.randomUUID()),
				"ПАО «Банк»", "КД-1", LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal), Money.ZERO),
				Money.ofRoubles(principal), 400, closed ? LocalDate.of(2026, 11, 1) : null, null, zone, Money.ZERO,
				Money.ZERO, status, closed ? ClosedAs.WRITTEN_OFF : null);
	}
}
