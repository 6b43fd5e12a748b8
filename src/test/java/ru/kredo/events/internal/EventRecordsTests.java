package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;
import ru.kredo.contacts.TestPersonKeys;
import ru.kredo.events.CreditEvent;
import ru.kredo.events.CreditEventType;
import ru.kredo.events.LenderKind;
import ru.kredo.events.Subject;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.Population;
import ru.kredo.privacy.TestPersonalData;
import tools.jackson.databind.json.JsonMapper;

/** An event as a record of the events topic reads back as the same event, keyed so that one person's stay together. */
class EventRecordsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();
	final EventRecords records = new EventRecords(JSON,
			TestPersonKeys.of(TestPersonalData.withIndexKey("records-test-index-key-32-bytes!".getBytes(StandardCharsets.UTF_8))));

	static final Subject OLGA = new Subject(new FullName("Смирнова", "Ольга", "Петровна"), LocalDate.of(1990, 5, 12),
			PassportNumber.parse("4512 334455"), new Inn("500100732259"), new Snils("112-233-445 95"),
			PhoneNumber.parse("+7 916 123-45-67"));

	@Test
	void everyEventReadsBackAsItWasSentWithEveryFieldAndAmountsAsWritten() {
		List<CreditEvent> events = new ArrayList<>(new BureauSimulator(16, "records", new Population(16, 500),
				new Population(17, 5_000), 0.3).next(3_000, Instant.parse("2026-12-01T00:00:00Z"), Duration.ofDays(2)));
		events.add(new CreditEvent("nbki", "full", CreditEventType.OVERDUE_WORSENED, Instant.parse("2026-11-20T07:15:00Z"),
				OLGA, LenderKind.MFO, new BigDecimal("500000.50"), 61));
		events.add(new CreditEvent("nbki", "largest", CreditEventType.LOAN_DISBURSED, Instant.parse("2026-11-20T07:15:00Z"),
				OLGA, LenderKind.BANK, new BigDecimal("9999999999999999.99"), null));
		events.add(new CreditEvent("nbki", "round", CreditEventType.LOAN_DISBURSED, Instant.parse("2026-11-20T07:15:00.123Z"),
				new Subject(new FullName("Ёлкин", "Пётр", null), LocalDate.of(1970, 1, 1), null, null, null),
				null, new BigDecimal("1E+5"), null));

		List<CreditEvent> read = new ArrayList<>();
		EventStream.ofValues(events.stream().map(records::value).iterator(), JSON, EventStream.MAX_LINE_LENGTH)
			.forEachRemaining(parsed -> {
				assertThat(parsed.rejected()).as("event %s", parsed.position()).isNull();
				assertThat(parsed.ignored()).isEmpty();
				read.add(parsed.event());
			});

		assertThat(read).hasSize(events.size());
		for (int i = 0; i < events.size() - 1; i++) {
			assertThat(read.get(i)).isEqualTo(events.get(i));
		}
		// An amount in an exponent is written out: the same number.
		assertThat(read.getLast().amount()).isEqualByComparingTo("100000");
		assertThat(new String(records.value(events.getLast()), StandardCharsets.UTF_8)).contains("\"amount\":100000");
	}

	@Test
	void onePersonsEventsShareAKeyThatHoldsNoIdentityInTheClear() {
		CreditEvent withPassport = new CreditEvent("nbki", "1", CreditEventType.APPLICATION, Instant.EPOCH, OLGA, null,
				null, null);
		CreditEvent without = new CreditEvent("okb", "2", CreditEventType.LOAN_CLOSED, Instant.EPOCH,
				new Subject(new FullName("СМИРНОВА", "ольга", "Петровна"), OLGA.birthDate(), null, null, null), null, null,
				null);
		CreditEvent other = new CreditEvent("nbki", "3", CreditEventType.APPLICATION, Instant.EPOCH,
				new Subject(OLGA.name(), OLGA.birthDate().plusDays(1), OLGA.passport(), null, null), null, null, null);

		assertThat(records.key(without)).isEqualTo(records.key(withPassport));
		assertThat(records.key(other)).isNotEqualTo(records.key(withPassport));
		assertThat(records.key(withPassport)).doesNotContainIgnoringCase("Смирнова").doesNotContain("1990")
			.doesNotContain("334455");
	}

	@Test
	void aValueThatIsNoEventIsRejectedAtItsPositionAndTheOthersAreRead() {
		CreditEvent event = new CreditEvent("nbki", "ok", CreditEventType.APPLICATION, Instant.EPOCH, OLGA, null, null,
				null);
		String pretty = "{\n  \"source\": \"nbki\",\n  \"eventId\": \"pretty\",\n  \"type\": \"1.1\",\n"
				+ "  \"occurredAt\": \"2026-11-20\",\n  \"subject\": {\"lastName\": \"Смирнова\", \"firstName\": \"Ольга\",\n"
				+ "  \"birthDate\": \"12.05.1990\"}\n}";
		List<byte[]> values = Arrays.asList(records.value(event), "not json".getBytes(StandardCharsets.UTF_8), null,
				"[1, 2]".getBytes(StandardCharsets.UTF_8), pretty.getBytes(StandardCharsets.UTF_8),
				("{\"source\":\"" + "x".repeat(500) + "\"}").getBytes(StandardCharsets.UTF_8),
				"{\"type\":\"9.9\"}".getBytes(StandardCharsets.UTF_8));

		List<String> outcomes = new ArrayList<>();
		EventStream.ofValues(values.iterator(), JSON, 400).forEachRemaining(parsed -> outcomes.add(parsed.position()
				+ ":" + (parsed.rejected() == null ? parsed.event().eventId() : parsed.rejected().code())));

		assertThat(outcomes).containsExactly("1:ok", "2:event.json-invalid", "3:event.json-invalid",
				"4:event.not-an-object", "5:pretty", "6:event.line-too-long", "7:event.subject-required");
	}
}
