package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.kredo.events.IngestionReport.RejectedEvent;
import ru.kredo.events.internal.EventStream;
import ru.kredo.platform.Rejected;
import tools.jackson.databind.json.JsonMapper;

class EventVocabularyTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource({ "1.1, APPLICATION", "1.2, APPLICATION_APPROVED", "1.3, APPLICATION_REJECTED", "1.4, CONTRACT_SIGNED",
			"2.1, TERMS_CHANGED", "2.2, LOAN_DISBURSED", "2.5, LOAN_CLOSED", "2.6, COURT_CASE", "2.11, DEBT_ASSIGNED",
			"1.12, BANKRUPTCY", "1.7, PERSONAL_DATA_CHANGED", "1.9, PERSONAL_DATA_CHANGED", "2.13, FRAUD_FLAG",
			"loan_disbursed, LOAN_DISBURSED" })
	void readsRutdfCodesAndKredoNames(String text, CreditEventType type) {
		assertThat(CreditEventType.parse(text)).contains(type);
	}

	@Test
	void tellsOverdueEventsApartByDaysPastDue() {
		assertThat(CreditEventType.ofOverdue(0, 35)).isEqualTo(CreditEventType.OVERDUE_CURED);
		assertThat(CreditEventType.ofOverdue(5, null)).isEqualTo(CreditEventType.OVERDUE_STARTED);
		assertThat(CreditEventType.ofOverdue(35, 5)).isEqualTo(CreditEventType.OVERDUE_WORSENED);
	}

	@Test
	void readsAnEventWithRussianDatesAndMoscowTime() {
		CreditEvent event = read("""
				{"source":"nbki","eventId":"7","type":"2.3","daysPastDue":"40","previousDaysPastDue":10,
				 "occurredAt":"2026-11-20T09:30:00","amount":"12500,50","lender":{"kind":"mfo"},
				 "subject":{"lastName":"Орлова","firstName":"Анна","birthDate":"01.02.1991","passportSeries":"4510","passportNumber":"123456"}}""");

		assertThat(event.type()).isEqualTo(CreditEventType.OVERDUE_WORSENED);
		assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T06:30:00Z"));
		assertThat(event.amount()).isEqualByComparingTo("12500.50");
		assertThat(event.lenderKind()).isEqualTo(LenderKind.MFO);
		assertThat(event.subject().passport().number()).isEqualTo("123456");
	}

	@Test
	void saysWhatIsWrongWithAnEvent() {
		assertRejected("""
				{"source":"s","eventId":"1","type":"1.1","occurredAt":"2026-11-20","subject":{"lastName":"Орлова","firstName":"Анна","birthDate":"31.02.1991"}}""",
				"date-not-in-calendar");
		assertRejected("""
				{"source":"s","eventId":"1","type":"payday","occurredAt":"2026-11-20","subject":{"lastName":"Орлова","firstName":"Анна","birthDate":"01.02.1991"}}""",
				"event.type-unknown");
		assertRejected("""
				{"source":"s","type":"1.1","occurredAt":"2026-11-20","subject":{"lastName":"Орлова","firstName":"Анна","birthDate":"01.02.1991"}}""",
				"event.id-required");
		assertRejected("""
				{"source":"s","eventId":"1","type":"1.1","occurredAt":"2026-11-20"}""", "event.subject-required");
	}

	private void assertRejected(String event, String code) {
		assertThatThrownBy(() -> read(event))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(code));
	}

	// One event, as ingestion reads it (a line of JSON Lines); its rejection thrown.
	private CreditEvent read(String event) {
		byte[] line = event.replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
		EventStream.Parsed parsed = EventStream.of(new ByteArrayInputStream(line), json).next();
		RejectedEvent rejected = parsed.rejected();
		if (rejected != null) {
			throw new Rejected(rejected.code(), rejected.arguments());
		}
		return parsed.event();
	}
}
