package ru.kredo.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.kredo.signals.Outcome;

/**
 * What Kredo takes from an event Bitrix24 posts (the fields of «What the handler receives» in Bitrix24's event pages),
 * and what the entity read back says about the signal.
 */
class Bitrix24EventTests {

	@Test
	void takesTheTaskOfOnTaskUpdateTheDealOfOnCrmDealUpdateAndWhoSignedIt() {
		Bitrix24Event task = Bitrix24Event.of(Map.of("event", new String[] { "ONTASKUPDATE" },
				"data[FIELDS_BEFORE][ID]", new String[] { "11" }, "data[FIELDS_AFTER][ID]", new String[] { "12" },
				"auth[domain]", new String[] { "mybroker.bitrix24.ru" }, "auth[member_id]", new String[] { "m1" },
				"auth[application_token]", new String[] { "app" }, "auth[access_token]", new String[] { "user" }));
		assertThat(task.entityType()).contains("TASK");
		assertThat(task.entityId()).isEqualTo(12);
		assertThat(task.domain()).isEqualTo("mybroker.bitrix24.ru");
		assertThat(task.memberId()).isEqualTo("m1");
		assertThat(task.applicationToken()).isEqualTo("app");
		assertThat(task.accessToken()).isEqualTo("user");
		assertThat(task.toString()).doesNotContain("app").doesNotContain("user");

		Bitrix24Event deal = Bitrix24Event.of(Map.of("event", new String[] { "onCrmDealUpdate" }, "data[FIELDS][ID]",
				new String[] { "410" }));
		assertThat(deal.entityType()).contains("DEAL");
		assertThat(deal.entityId()).isEqualTo(410);
	}

	@Test
	void anotherEventOrAnIdThatIsNoNumberNamesNothing() {
		assertThat(Bitrix24Event.of(Map.of("event", new String[] { "ONCRMDEALADD" }, "data[FIELDS][ID]",
				new String[] { "410" })).entityType()).isEmpty();
		assertThat(Bitrix24Event.of(Map.of("event", new String[] { "ONCRMDEALUPDATE" }, "data[FIELDS][ID]",
				new String[] { "410; drop" })).entityType()).isEmpty();
		assertThat(Bitrix24Event.of(Map.of()).applicationToken()).isEmpty();
	}

	@Test
	void aCompletedTaskIsReachedAWonDealADealALostOneNotInterestedAnythingElseNothingYet() {
		assertThat(Bitrix24Outcomes.ofTask(5)).contains(Outcome.REACHED);
		assertThat(Bitrix24Outcomes.ofTask(4)).isEmpty();
		assertThat(Bitrix24Outcomes.ofTask(2)).isEmpty();
		assertThat(Bitrix24Outcomes.ofDeal("S")).contains(Outcome.DEAL);
		assertThat(Bitrix24Outcomes.ofDeal("F")).contains(Outcome.NOT_INTERESTED);
		assertThat(Bitrix24Outcomes.ofDeal("P")).isEqualTo(Optional.empty());
		assertThat(Bitrix24Outcomes.ofDeal("")).isEmpty();
	}
}
