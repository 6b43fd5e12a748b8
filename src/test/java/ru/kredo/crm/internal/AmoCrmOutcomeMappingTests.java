package ru.kredo.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.kredo.signals.Outcome;
import ru.kredo.tenancy.TenantKind;

/** The table of docs/crm-amocrm.md, «Outcomes from amoCRM», as the code reads it. */
class AmoCrmOutcomeMappingTests {

	@Test
	void aCompletedTasksResultIsReadInTheTablesOrder() {
		Map<String, Outcome> results = Map.of(
				"Неверный номер, это не она", Outcome.WRONG_NUMBER,
				"Не дозвонился, перезвоню завтра", Outcome.NO_ANSWER,
				"Не отвечает", Outcome.NO_ANSWER,
				"Клиент отказался", Outcome.NOT_INTERESTED,
				"Сделка не состоялась", Outcome.NOT_INTERESTED,
				"Договор подписан", Outcome.DEAL,
				"Кредит выдан", Outcome.DEAL,
				"Поговорили, думает", Outcome.REACHED,
				"deal", Outcome.DEAL,
				"NO_ANSWER", Outcome.NO_ANSWER);
		results.forEach((result, outcome) -> assertThat(AmoCrmOutcomeMapping.ofTask(true, result)).as(result)
			.contains(outcome));
	}

	@Test
	void aTaskCompletedWithoutAResultWasAContactAndOneNotCompletedSaysNothing() {
		assertThat(AmoCrmOutcomeMapping.ofTask(true, null)).contains(Outcome.REACHED);
		assertThat(AmoCrmOutcomeMapping.ofTask(true, "  ")).contains(Outcome.REACHED);
		assertThat(AmoCrmOutcomeMapping.ofTask(false, "Договор подписан")).isEmpty();
	}

	@Test
	void aLeadWonIsADealLostIsNotInterestedAndAnyOtherStatusNothing() {
		assertThat(AmoCrmOutcomeMapping.ofLeadStatus(142)).contains(Outcome.DEAL);
		assertThat(AmoCrmOutcomeMapping.ofLeadStatus(143)).contains(Outcome.NOT_INTERESTED);
		assertThat(AmoCrmOutcomeMapping.ofLeadStatus(501)).isEmpty();
	}

	@Test
	void aDoNotContactSignalIsOnlyNotedAndAnOutcomeNotForTheTenantIsNone() {
		assertThat(AmoCrmOutcomeMapping.allowed(Outcome.DEAL, Outcome.of(TenantKind.BROKER))).contains(Outcome.DEAL);
		assertThat(AmoCrmOutcomeMapping.allowed(Outcome.DEAL, List.of(Outcome.NOTED))).contains(Outcome.NOTED);
		assertThat(AmoCrmOutcomeMapping.allowed(Outcome.DEAL, Outcome.of(TenantKind.COLLECTOR))).isEqualTo(Optional.empty());
	}
}
