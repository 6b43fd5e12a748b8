package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.kredo.platform.Rejected;

class IdentifiersTests {

	@ParameterizedTest
	@ValueSource(strings = { "4506 123456", "45 06 123456", "4506123456", "4506-123456", " 4506  123456 " })
	void readsAPassportHoweverItIsSpaced(String typed) {
		assertThat(PassportNumber.parse(typed)).isEqualTo(new PassportNumber("4506", "123456"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "45O6 123456", "4506 12345", "4506 1234567", "", "серия 4506" })
	void rejectsAPassportThatIsNotFourAndSixDigits(String typed) {
		assertRejected(() -> PassportNumber.parse(typed), "contact.passport-invalid");
	}

	@Test
	void aPassportPrintsMasked() {
		assertThat(PassportNumber.parse("4506 123456").toString()).doesNotContain("1234").contains("56");
	}

	@Test
	void identifiersMaskedForARoleWithoutTheRightKeepOnlyWhatTellsPeopleApart() {
		assertThat(PassportNumber.parse("4506 123456").masked()).isEqualTo("45 ** ***456");
		assertThat(new Inn("500100732259").masked()).isEqualTo("50********59");
		assertThat(new Snils("112-233-445 95").masked()).isEqualTo("***-***-*** 95");
	}

	@Test
	void acceptsAnInnWithCorrectCheckDigits() {
		assertThat(new Inn("500100732259").value()).isEqualTo("500100732259");
	}

	@ParameterizedTest
	@ValueSource(strings = { "500100732258", "50010073225", "7707083893", "abcdefghijkl" })
	void rejectsAnInnWithWrongLengthOrCheckDigits(String typed) {
		assertRejected(() -> new Inn(typed), "contact.inn-invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "112-233-445 95", "11223344595" })
	void acceptsASnilsWithCorrectChecksum(String typed) {
		assertThat(new Snils(typed).display()).isEqualTo("112-233-445 95");
	}

	@Test
	void rejectsASnilsWithWrongChecksum() {
		assertRejected(() -> new Snils("112-233-445 96"), "contact.snils-invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "8 (916) 123-45-67", "+7 916 123 45 67", "9161234567", "+79161234567", "8-916-123-4567",
			"8-916-123-45-67 (моб.)", "моб. +7 916 123-45-67", "+7 (916) 123-45-67 mob", "8 916 123 45 67 доб. 12",
			"тел.: 8(916)1234567" })
	void readsAMobilePhoneInAnyCommonRussianNotation(String typed) {
		assertThat(PhoneNumber.parse(typed).e164()).isEqualTo("+79161234567");
	}

	@ParameterizedTest
	@ValueSource(strings = { "916123456", "12345", "телефон", "" })
	void rejectsWhatIsNotAPhone(String typed) {
		assertRejected(() -> PhoneNumber.parse(typed), "contact.phone-invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "8-800-555-35-35", "+7 800 200 23 16", "8 (809) 505-10-10" })
	void refusesAServiceNumberAsAPersonsPhone(String typed) {
		assertRejected(() -> PhoneNumber.parse(typed), "contact.phone-not-personal");
	}

	@Test
	void namesSpelledDifferentlyNormalizeAlike() {
		FullName typed = new FullName("Семёнова-Тян", "Анна", "Петровна");
		FullName exported = new FullName("СЕМЕНОВА ТЯН", " анна ", "петровна");

		assertThat(typed.normalized()).isEqualTo(exported.normalized());
	}

	@Test
	void aPatronymicIsOptionalButALastNameIsNot() {
		assertThat(new FullName("Иванов", "Иван", "").display()).isEqualTo("Иванов Иван");
		assertRejected(() -> new FullName(" ", "Иван", null), "contact.last-name-invalid");
		assertRejected(() -> new FullName("Иванов1", "Иван", null), "contact.last-name-invalid");
	}

	private static void assertRejected(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).code()).isEqualTo(code);
	}
}
