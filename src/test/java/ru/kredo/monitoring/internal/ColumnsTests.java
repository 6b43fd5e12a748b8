package ru.kredo.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

class ColumnsTests {

	@Test
	void recognizesRussianAndEnglishHeadersInAnyCaseAndSpelling() {
		assertThat(Field.of("Дата рождения")).contains(Field.BIRTH_DATE);
		assertThat(Field.of("ДР")).contains(Field.BIRTH_DATE);
		assertThat(Field.of("birth_date")).contains(Field.BIRTH_DATE);
		assertThat(Field.of(" Date of Birth ")).contains(Field.BIRTH_DATE);
		assertThat(Field.of("Ф.И.О.")).contains(Field.FULL_NAME);
		assertThat(Field.of("Full name")).contains(Field.FULL_NAME);
		assertThat(Field.of("E-mail")).contains(Field.EMAIL);
		assertThat(Field.of("Моб. телефон")).contains(Field.PHONE);
		assertThat(Field.of("Телефон (рабочий)")).contains(Field.PHONE);
		assertThat(Field.of("Mobile phone")).contains(Field.PHONE);
		assertThat(Field.of("СНИЛС")).contains(Field.SNILS);
		assertThat(Field.of("Дата согласия")).contains(Field.CONSENT_DATE);
		assertThat(Field.of("ОТЧЁСТВО")).contains(Field.MIDDLE_NAME);
		assertThat(Field.of("Адрес")).isEmpty();
	}

	@Test
	void findsTheColumnsInAnyOrder() {
		Columns columns = Columns.of(List.of("Телефон", "Адрес", "Дата рождения", "ФИО", "Телефон 2"));

		assertThat(columns.first(Field.FULL_NAME)).contains(3);
		assertThat(columns.first(Field.BIRTH_DATE)).contains(2);
		assertThat(columns.all(Field.PHONE)).containsExactly(0, 4);
		assertThat(columns.ignored()).containsExactly("Адрес");
	}

	@Test
	void takesThreeNameColumnsOverOneWhenBothAreThere() {
		Columns columns = Columns.of(List.of("Клиент", "Last name", "First name", "Middle name", "DOB"));

		assertThat(columns.has(Field.FULL_NAME)).isFalse();
		assertThat(columns.first(Field.LAST_NAME)).contains(1);
		assertThat(columns.first(Field.MIDDLE_NAME)).contains(3);
	}

	@Test
	void readsSeriesAndNumberAsAPassportOnlyTogether() {
		assertThat(Columns.of(List.of("ФИО", "ДР", "Серия", "Номер")).has(Field.PASSPORT_NUMBER)).isTrue();
		assertThat(Columns.of(List.of("ФИО", "ДР", "Номер")).has(Field.PASSPORT_NUMBER)).isFalse();
		assertThatThrownBy(() -> Columns.of(List.of("ФИО", "ДР", "Серия паспорта")))
			.isInstanceOf(Rejected.class).hasMessage("import.passport-half");
	}

	@Test
	void refusesAFileThatNamesNoPersonOrNoBirthDate() {
		assertThatThrownBy(() -> Columns.of(List.of("Фамилия", "Дата рождения")))
			.isInstanceOf(Rejected.class).hasMessage("import.name-column-missing");
		assertThatThrownBy(() -> Columns.of(List.of("ФИО", "Телефон")))
			.isInstanceOf(Rejected.class).hasMessage("import.birth-date-column-missing");
	}
}
