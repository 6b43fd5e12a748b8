package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeaderWordsTests {

	enum Field {
		NAME, PHONE, AMOUNT
	}

	private final HeaderWords<Field> words = HeaderWords.<Field>builder()
		.add(Field.NAME, "ФИО", "Full name")
		.add(Field.AMOUNT, "Сумма основного долга", "ОД")
		.startingWith(Field.PHONE, "Телефон", "phone")
		.build();

	@Test
	void comparesHeadersWithoutCaseSpacesPunctuationOrЁ() {
		assertThat(words.recognize("Ф.И.О.")).contains(Field.NAME);
		assertThat(words.recognize(" full_name ")).contains(Field.NAME);
		assertThat(words.recognize("СУММА ОСНОВНОГО ДОЛГА")).contains(Field.AMOUNT);
		assertThat(words.recognize("О.Д.")).contains(Field.AMOUNT);
		assertThat(words.recognize("Телефон (мобильный)")).contains(Field.PHONE);
		assertThat(words.recognize("Адрес")).isEmpty();
		assertThat(words.recognize("")).isEmpty();
	}

	@Test
	void mapsColumnsInAnyOrderAndListsTheIgnoredOnes() {
		ColumnMap<Field> columns = ColumnMap.of(List.of("Телефон", "Адрес", "ОД", "ФИО", "Телефон 2"), Field.class,
				words::recognize);

		assertThat(columns.first(Field.NAME)).contains(3);
		assertThat(columns.all(Field.PHONE)).containsExactly(0, 4);
		assertThat(columns.ignored()).containsExactly("Адрес");
		assertThat(columns.name(2)).isEqualTo("ОД");
	}

	@Test
	void refusesOneHeaderForTwoFields() {
		assertThatThrownBy(() -> HeaderWords.<Field>builder().add(Field.NAME, "Клиент").add(Field.PHONE, "клиент"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
