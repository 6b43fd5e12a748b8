package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;

/** The default ranking follows what each segment is watched for (PRODUCT.md). */
class SignalRankingTests {

	@Test
	void aProspectApplyingAgainIsCallToday() {
		assertThat(SignalRanking.defaultPriority(Segment.PROSPECT, CreditEventType.APPLICATION)).isEqualTo(1);
	}

	@Test
	void aClientUnderContractApplyingOnHisOwnOrGettingTheLoanIsUrgent() {
		assertThat(SignalRanking.defaultPriority(Segment.IN_PROGRESS, CreditEventType.APPLICATION)).isEqualTo(1);
		assertThat(SignalRanking.defaultPriority(Segment.IN_PROGRESS, CreditEventType.LOAN_DISBURSED)).isEqualTo(1);
	}

	@Test
	void aPreparingClientMeetingARecommendationIsTakenIntoWork() {
		assertThat(SignalRanking.defaultPriority(Segment.PREPARING, CreditEventType.OVERDUE_CURED)).isEqualTo(1);
		assertThat(SignalRanking.defaultPriority(Segment.PREPARING, CreditEventType.LOAN_CLOSED)).isEqualTo(1);
	}

	@Test
	void aDebtorWithMoneyOrInBankruptcyComesFirst() {
		assertThat(SignalRanking.defaultPriority(Segment.DEBTOR, CreditEventType.LOAN_DISBURSED)).isEqualTo(1);
		assertThat(SignalRanking.defaultPriority(Segment.DEBTOR, CreditEventType.BANKRUPTCY)).isEqualTo(1);
	}

	@Test
	void anActiveClientGoingOverdueComesBeforeRoutineNews() {
		assertThat(SignalRanking.defaultPriority(Segment.ACTIVE, CreditEventType.OVERDUE_STARTED)).isEqualTo(1);
		assertThat(SignalRanking.defaultPriority(Segment.ACTIVE, CreditEventType.TERMS_CHANGED)).isEqualTo(SignalRanking.DEFAULT);
	}

	@Test
	void everySegmentAndEventHasAPriorityFromOneToFive() {
		for (Segment segment : Segment.values()) {
			for (CreditEventType type : CreditEventType.values()) {
				assertThat(SignalRanking.defaultPriority(segment, type)).isBetween(1, 5);
			}
		}
	}
}
