package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.kredo.events.internal.EventReaderTests.parsed;
import static ru.kredo.events.internal.EventReaderTests.read;

import org.junit.jupiter.api.Test;

import ru.kredo.contacts.PassportNumber;
import ru.kredo.events.CreditEvent;

/** The shapes of names and identity documents that bureaus and integrators send (docs/credit-events.md). */
class IdentityShapesTests {

	private static final String EVENT = """
			{"source":"b","eventId":"e-1","type":"1.1","occurredAt":"2026-11-20","subject":{%s}}""";

	@Test
	void readsAPassportGivenAsAnObjectWithItsSeriesAndNumber() {
		CreditEvent event = read(EVENT.formatted("""
				"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02",
				"passport":{"series":"4510","number":"123456","issuedOn":"2005-03-01"}"""));

		assertThat(event.subject().passport()).isEqualTo(new PassportNumber("4510", "123456"));
	}

	@Test
	void readsThePassportAmongADebtorsDocumentsAndSkipsTheOthers() {
		CreditEvent event = read(EVENT.formatted("""
				"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02",
				"documents":[{"type":"DRIVER_LICENSE","series":"77АА","number":"111"},
				             {"type":"PASSPORT_RF","series":"45 10","number":123456}]"""));
		CreditEvent single = read(EVENT.formatted("""
				"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02",
				"document":{"type":"21","series":"4510","number":"123456"}"""));

		assertThat(event.subject().passport()).isEqualTo(new PassportNumber("4510", "123456"));
		assertThat(single.subject().passport()).isEqualTo(new PassportNumber("4510", "123456"));
	}

	@Test
	void readsANameInOneFieldOrAsAnObject() {
		CreditEvent whole = read(EVENT.formatted("""
				"fullName":"Гончарова Вера Павловна","birthDate":"1979-06-02\""""));
		CreditEvent object = read(EVENT.formatted("""
				"name":{"last":"Гончарова","first":"Вера","patronymic":"Павловна"},"birthDate":"1979-06-02\""""));
		CreditEvent oneField = read(EVENT.formatted("""
				"name":"Мамедов Али Гасан Оглы","birthDate":"1979-06-02\""""));

		assertThat(whole.subject().name().display()).isEqualTo("Гончарова Вера Павловна");
		assertThat(object.subject().name().display()).isEqualTo("Гончарова Вера Павловна");
		assertThat(oneField.subject().name().middleName()).isEqualTo("Гасан Оглы");
	}

	@Test
	void readsAnInnOrSnilsWithOrWithoutSeparators() {
		CreditEvent event = read(EVENT.formatted("""
				"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02",
				"inn":"5001-0073-2259","snils":"112 233 445 95\""""));
		CreditEvent bare = read(EVENT.formatted("""
				"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02",
				"inn":500100732259,"snils":"11223344595\""""));

		assertThat(event.subject().inn().value()).isEqualTo("500100732259");
		assertThat(event.subject().snils().value()).isEqualTo("11223344595");
		assertThat(bare.subject().inn()).isEqualTo(event.subject().inn());
		assertThat(bare.subject().snils()).isEqualTo(event.subject().snils());
	}

	@Test
	void anUnreadableOptionalFieldIsLeftOutAndReportedTheEventKept() {
		EventStream.Parsed parsed = parsed(EVENT.formatted("""
				"lastName":"Гончарова","firstName":"Вера","middleName":"П4вловна","birthDate":"1979-06-02",
				"passport":{"seria":"4510"},"inn":"123","snils":{"value":"x"}"""));

		assertThat(parsed.rejected()).isNull();
		assertThat(parsed.event().subject().name().display()).isEqualTo("Гончарова Вера");
		assertThat(parsed.event().subject().passport()).isNull();
		assertThat(parsed.ignored()).extracting(ignored -> ignored.field() + " " + ignored.code()).containsExactly(
				"subject.middleName contact.middle-name-invalid", "subject.passport contact.passport-invalid",
				"subject.inn contact.inn-invalid", "subject.snils contact.snils-invalid");
		assertThat(parsed.ignored()).allSatisfy(ignored -> assertThat(ignored.eventId()).isEqualTo("e-1"));
	}

	@Test
	void theNameAndBirthDateStayRequired() {
		EventStream.Parsed noName = parsed(EVENT.formatted("\"birthDate\":\"1979-06-02\",\"passport\":\"4510 123456\""));
		EventStream.Parsed oneWord = parsed(EVENT.formatted("\"fullName\":\"Гончарова\",\"birthDate\":\"1979-06-02\""));

		assertThat(noName.rejected().code()).isEqualTo("contact.last-name-invalid");
		assertThat(oneWord.rejected().code()).isEqualTo("contact.first-name-invalid");
	}
}
