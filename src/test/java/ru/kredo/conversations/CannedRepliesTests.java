package ru.kredo.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CannedRepliesTests {

	@Test
	void fillsKnownPlaceholdersAndLeavesUnknownOnesForTheOperatorToSee() {
		assertThat(CannedReplies.fill("Здравствуйте, {имя}! Долг {долг}, {скидка_до}{неизвестно}.",
				Map.of("имя", "Ольга Сергеевна", "долг", "1\u00a0000,00\u00a0₽", "скидка_до", "")))
			.isEqualTo("Здравствуйте, Ольга Сергеевна! Долг 1\u00a0000,00\u00a0₽, {неизвестно}.");
	}

	@Test
	void aValueIsInsertedAsItIsEvenWithDollarsAndBackslashes() {
		assertThat(CannedReplies.fill("{агентство}", Map.of("агентство", "ООО «$1 \\ Ко»")))
			.isEqualTo("ООО «$1 \\ Ко»");
	}
}
