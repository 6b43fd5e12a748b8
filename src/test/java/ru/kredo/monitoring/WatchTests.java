package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.contacts.ContactId;
import ru.kredo.events.CreditEventType;
import ru.kredo.tenancy.TenantId;

class WatchTests {

	private static final LocalDate START = LocalDate.of(2026, 3, 1);
	private static final Consent CONSENT = new Consent(START, "Подбор кредита", ConsentMethod.PAPER, null, null);

	@Test
	void aWatchWantsOnlyItsEventTypesWithinItsPeriodAndConsent() {
		Watch watch = watch(Set.of(CreditEventType.APPLICATION), CONSENT, WatchStatus.ACTIVE, START.plusMonths(12));

		assertThat(watch.wants(CreditEventType.APPLICATION, START.plusDays(10))).isTrue();
		assertThat(watch.wants(CreditEventType.LOAN_CLOSED, START.plusDays(10))).isFalse();
		assertThat(watch.wants(CreditEventType.APPLICATION, START.minusDays(1))).isFalse();
		assertThat(watch.wants(CreditEventType.APPLICATION, START.plusMonths(6))).as("consent lapsed").isFalse();
	}

	@Test
	void noTypesNamedMeansEveryType() {
		Watch watch = watch(Set.of(), CONSENT, WatchStatus.ACTIVE, START.plusMonths(6));

		assertThat(CreditEventType.values()).allMatch(type -> watch.wants(type, START.plusDays(1)));
	}

	@Test
	void aWatchAwaitingConsentWantsNothing() {
		Watch watch = watch(Set.of(), null, WatchStatus.AWAITING_CONSENT, START.plusMonths(6));

		assertThat(watch.wants(CreditEventType.APPLICATION, START.plusDays(1))).isFalse();
		assertThat(Watch.initialStatus(null, START)).isEqualTo(WatchStatus.AWAITING_CONSENT);
		assertThat(Watch.initialStatus(CONSENT, START.plusMonths(7))).as("an expired consent").isEqualTo(WatchStatus.AWAITING_CONSENT);
	}

	@Test
	void stopsWhenTheConsentLapsesBeforeThePeriodEnds() {
		Watch watch = watch(Set.of(), CONSENT, WatchStatus.ACTIVE, START.plusMonths(12));

		assertThat(watch.lastDay()).contains(LocalDate.of(2026, 8, 31));
		assertThat(watch.dueToStop(LocalDate.of(2026, 8, 31))).isEmpty();
		assertThat(watch.dueToStop(LocalDate.of(2026, 9, 1))).contains(StopReason.CONSENT_EXPIRED);
	}

	@Test
	void stopsWhenThePeriodEndsBeforeTheConsentLapses() {
		Watch watch = watch(Set.of(), CONSENT, WatchStatus.ACTIVE, START.plusMonths(3));

		assertThat(watch.lastDay()).contains(START.plusMonths(3));
		assertThat(watch.dueToStop(START.plusMonths(3).plusDays(1))).contains(StopReason.PERIOD_ENDED);
	}

	private static Watch watch(Set<CreditEventType> types, Consent consent, WatchStatus status, LocalDate endsOn) {
		return new Watch(WatchId.random(), TenantId.random(), new ContactId(UUID.randomUUID()), null, Segment.PROSPECT,
				START, endsOn, types, null, null, consent, status, null, Set.of(), Set.of(), Instant.EPOCH);
	}
}
