package ru.kredo.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnsTests {

	@Test
	void recognizesTheWatchsColumnsInRussianAndEnglish() {
		assertThat(Field.of("Дата согласия")).contains(Field.CONSENT_DATE);
		assertThat(Field.of("Segment")).contains(Field.SEGMENT);
		assertThat(Field.of("Ответственный")).contains(Field.MANAGER);
		assertThat(Field.of("Дата рождения")).isEmpty();
	}

	@Test
	void ignoresOnlyWhatNeitherThePersonNorTheWatchNames() {
		Columns columns = Columns.of(List.of("Телефон", "Адрес", "Дата рождения", "ФИО", "Сегмент", "Комментарий"));

		assertThat(columns.first(Field.SEGMENT)).contains(4);
		assertThat(columns.ignored()).containsExactly("Адрес");
	}
}
