package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;
import ru.kredo.tabular.BadCell;
import ru.kredo.tabular.SourceRow;

class PersonColumnsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@Test
	void recognizesRussianAndEnglishHeadersInAnyCaseAndSpelling() {
		assertThat(PersonColumns.WORDS.recognize("Дата рождения")).contains(PersonField.BIRTH_DATE);
		assertThat(PersonColumns.WORDS.recognize("ДР")).contains(PersonField.BIRTH_DATE);
		assertThat(PersonColumns.WORDS.recognize("birth_date")).contains(PersonField.BIRTH_DATE);
		assertThat(PersonColumns.WORDS.recognize(" Date of Birth ")).contains(PersonField.BIRTH_DATE);
		assertThat(PersonColumns.WORDS.recognize("Ф.И.О.")).contains(PersonField.FULL_NAME);
		assertThat(PersonColumns.WORDS.recognize("ФИО должника")).contains(PersonField.FULL_NAME);
		assertThat(PersonColumns.WORDS.recognize("Full name")).contains(PersonField.FULL_NAME);
		assertThat(PersonColumns.WORDS.recognize("E-mail")).contains(PersonField.EMAIL);
		assertThat(PersonColumns.WORDS.recognize("Моб. телефон")).contains(PersonField.PHONE);
		assertThat(PersonColumns.WORDS.recognize("Телефон (рабочий)")).contains(PersonField.PHONE);
		assertThat(PersonColumns.WORDS.recognize("Mobile phone")).contains(PersonField.PHONE);
		assertThat(PersonColumns.WORDS.recognize("СНИЛС")).contains(PersonField.SNILS);
		assertThat(PersonColumns.WORDS.recognize("ОТЧЁСТВО")).contains(PersonField.MIDDLE_NAME);
		assertThat(PersonColumns.WORDS.recognize("Адрес")).isEmpty();
	}

	@Test
	void recognizesEveryPhoneAndEmailColumnOfBitrix24AndAmoCrmExports() {
		for (String phone : List.of("Рабочий телефон", "Мобильный телефон", "Домашний телефон", "Другой телефон",
				"Рабочий прямой телефон", "Телефон для рассылок", "Контактный телефон", "Work phone", "Номер телефона")) {
			assertThat(PersonColumns.WORDS.recognize(phone)).as(phone).contains(PersonField.PHONE);
		}
		for (String email : List.of("Рабочий e-mail", "Частный e-mail", "Другой e-mail", "E-mail для рассылок",
				"Рабочий email", "Личный email", "Другой email", "Личная почта", "Work email")) {
			assertThat(PersonColumns.WORDS.recognize(email)).as(email).contains(PersonField.EMAIL);
		}
		assertThat(PersonColumns.WORDS.recognize("Ответственный")).isEmpty();
	}

	@Test
	void readsEveryPhoneAndEmailOfARowAndLeavesOutTheOnesThatDoNotReadWithANote() {
		PersonColumns columns = PersonColumns.of(List.of("ФИО", "Дата рождения", "Рабочий телефон", "Мобильный телефон",
				"Домашний телефон", "Рабочий e-mail", "Частный e-mail"));
		List<BadCell> dropped = new java.util.ArrayList<>();

		PersonDetails person = columns.read(new SourceRow(2, List.of("Иванов Иван", "01.01.1980", "8 (495) 123-45-67",
				"+7 916 111-22-33; 8-800-555-35-35", "12-34", "ivanov@work.ru", "ivan@mail.ru, не почта")), TODAY,
				dropped::add);

		assertThat(person.phone()).isEqualTo(new PhoneNumber("+74951234567"));
		assertThat(person.phones()).containsExactly(new PhoneNumber("+74951234567"), new PhoneNumber("+79161112233"));
		assertThat(person.email()).isEqualTo("ivanov@work.ru");
		assertThat(person.otherEmails()).containsExactly("ivan@mail.ru");
		assertThat(dropped).extracting(BadCell::column, bad -> bad.rejected().code()).containsExactly(
				org.assertj.core.api.Assertions.tuple("Мобильный телефон", "import.note.phone-not-personal"),
				org.assertj.core.api.Assertions.tuple("Домашний телефон", "import.note.phone-invalid"),
				org.assertj.core.api.Assertions.tuple("Частный e-mail", "import.note.email-invalid"));
	}

	@Test
	void findsTheColumnsInAnyOrder() {
		PersonColumns columns = PersonColumns.of(List.of("Телефон", "Адрес", "Дата рождения", "ФИО", "Телефон 2"));

		assertThat(columns.columns().first(PersonField.FULL_NAME)).contains(3);
		assertThat(columns.columns().first(PersonField.BIRTH_DATE)).contains(2);
		assertThat(columns.columns().all(PersonField.PHONE)).containsExactly(0, 4);
		assertThat(columns.columns().ignored()).containsExactly("Адрес");
	}

	@Test
	void takesThreeNameColumnsOverOneWhenBothAreThere() {
		PersonColumns columns = PersonColumns.of(List.of("Клиент", "Last name", "First name", "Middle name", "DOB"));

		assertThat(columns.columns().has(PersonField.FULL_NAME)).isFalse();
		assertThat(columns.columns().first(PersonField.LAST_NAME)).contains(1);
		assertThat(columns.columns().first(PersonField.MIDDLE_NAME)).contains(3);
	}

	@Test
	void readsSeriesAndNumberAsAPassportOnlyTogether() {
		assertThat(PersonColumns.of(List.of("ФИО", "ДР", "Серия", "Номер")).columns().has(PersonField.PASSPORT_NUMBER))
			.isTrue();
		assertThat(PersonColumns.of(List.of("ФИО", "ДР", "Номер")).columns().has(PersonField.PASSPORT_NUMBER)).isFalse();
		assertThatThrownBy(() -> PersonColumns.of(List.of("ФИО", "ДР", "Серия паспорта")))
			.isInstanceOf(Rejected.class).hasMessage("import.passport-half");
	}

	@Test
	void refusesAFileThatNamesNoPersonOrNoBirthDate() {
		assertThatThrownBy(() -> PersonColumns.of(List.of("Фамилия", "Дата рождения")))
			.isInstanceOf(Rejected.class).hasMessage("import.name-column-missing");
		assertThatThrownBy(() -> PersonColumns.of(List.of("ФИО", "Телефон")))
			.isInstanceOf(Rejected.class).hasMessage("import.birth-date-column-missing");
	}

	@Test
	void readsThePersonAndNamesTheColumnOfAWrongCell() {
		PersonColumns columns = PersonColumns.of(List.of("ФИО", "Дата рождения", "Телефон", "Телефон 2"));

		PersonDetails person = columns.read(new SourceRow(2, List.of("Мамедов Рашид Али оглы", "08.08.1983", "123",
				"8 (916) 123-45-67")), TODAY);
		assertThat(person.name()).isEqualTo(new FullName("Мамедов", "Рашид", "Али оглы"));
		assertThat(person.phone().e164()).isEqualTo("+79161234567");
		assertThatThrownBy(() -> columns.read(new SourceRow(3, List.of("Иванов Иван", "31.02.1990", "", "")), TODAY))
			.isInstanceOfSatisfying(BadCell.class, bad -> assertThat(bad.at(3).column()).isEqualTo("Дата рождения"));
	}
}
