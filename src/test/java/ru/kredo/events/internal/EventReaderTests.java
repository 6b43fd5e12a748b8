package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ru.kredo.contacts.PhoneNumber;
import ru.kredo.events.CreditEvent;
import ru.kredo.events.IngestionReport.RejectedEvent;
import ru.kredo.platform.Rejected;

class EventReaderTests {

	@Test
	void aTimeWithoutZoneIsMoscowTimeAndAnOffsetIsHonoured() {
		assertThat(EventReader.instant("2026-11-20T10:00:00")).isEqualTo(Instant.parse("2026-11-20T07:00:00Z"));
		assertThat(EventReader.instant("2026-11-20T10:00:00+05:00")).isEqualTo(Instant.parse("2026-11-20T05:00:00Z"));
		assertThat(EventReader.instant("2026-11-20T10:00:00-0100")).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
		assertThat(EventReader.instant("2026-11-20T10:00:00Z")).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
		assertThat(EventReader.instant("20.11.2026")).isEqualTo(Instant.parse("2026-11-19T21:00:00Z"));
	}

	@Test
	void aNegativeAmountOrOneTooLargeToStoreIsLeftOutOfItsEventAndReported() {
		String event = """
				{"source":"b","eventId":"1","type":"1.1","occurredAt":"2026-11-20","amount":%s,
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979"}}""";

		assertThat(read(event.formatted("\"9999999999999999.99\"")).amount())
			.isEqualByComparingTo("9999999999999999.99");
		for (String amount : new String[] { "1e20", "-5", "\"10000000000000000\"", "{}", "[1]", "\"пятьсот\"" }) {
			EventStream.Parsed parsed = parsed(event.formatted(amount));
			assertThat(parsed.event()).as(amount).isNotNull();
			assertThat(parsed.event().amount()).as(amount).isNull();
			assertThat(parsed.ignored()).as(amount).singleElement().satisfies(ignored -> {
				assertThat(ignored.field()).isEqualTo("amount");
				assertThat(ignored.code()).isEqualTo("event.amount-invalid");
				assertThat(ignored.eventId()).isEqualTo("1");
			});
		}
	}

	@Test
	void anAmountWithSpacesBetweenItsThousandsIsRead() {
		String event = """
				{"source":"b","eventId":"1","type":"1.1","occurredAt":"2026-11-20","amount":"%s",
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979"}}""";

		assertThat(read(event.formatted("500 000")).amount()).isEqualByComparingTo("500000");
		assertThat(read(event.formatted("1\u00a0250\u202f000,50")).amount()).isEqualByComparingTo("1250000.50");
	}

	@Test
	void anUnreadableTimeGetsOneCodeWhateverItsLength() {
		String event = """
				{"source":"b","eventId":"1","type":"1.1","occurredAt":"%s",
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979"}}""";

		for (String time : new String[] { "not a date", "not a date at all", "31.02.2026", "2026-13-01", "x" }) {
			assertThatThrownBy(() -> read(event.formatted(time))).as(time)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("event.occurred-at-invalid"));
		}
	}

	@Test
	void aTimeOfDayWithoutADateIsRejectedWithItsEventNotWithItsBatch() {
		String event = """
				{"source":"b","eventId":"1","type":"1.1","occurredAt":"%s",
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"%s"}}""";

		assertThatThrownBy(() -> read(event.formatted("T10:00", "02.06.1979")))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("event.occurred-at-invalid"));
		assertThatThrownBy(() -> read(event.formatted("2026-11-20", "T10:00")))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("date-invalid"));
	}

	@Test
	void aNumberBeyondAnIntOrAnObjectForTheDaysAnOverdueNeedsRejectsItsEvent() {
		String event = """
				{"source":"b","eventId":"1","type":"2.3","occurredAt":"2026-11-20",%s,
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979"}}""";

		for (String field : new String[] { "\"daysPastDue\":3000000000", "\"daysPastDue\":{\"days\":5}",
				"\"daysPastDue\":[5]" }) {
			assertThatThrownBy(() -> read(event.formatted(field))).as(field)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("event.number-invalid"));
		}
		EventStream.Parsed previousUnreadable = parsed(
				event.formatted("\"daysPastDue\":5,\"previousDaysPastDue\":-99999999999999999999"));
		assertThat(previousUnreadable.event().daysPastDue()).isEqualTo(5);
		assertThat(previousUnreadable.ignored()).singleElement()
			.satisfies(ignored -> assertThat(ignored.field()).isEqualTo("previousDaysPastDue"));
	}

	@Test
	void recognisesAZoneOffsetExactlyAsItsPatternDoes() {
		Pattern offset = Pattern.compile(".*[+-]\\d{2}:?\\d{2}$");
		String alphabet = "0123456789+-:TZ ";
		Random random = new Random(7);
		for (int n = 0; n < 200_000; n++) {
			StringBuilder value = new StringBuilder();
			for (int i = random.nextInt(9); i > 0; i--) {
				value.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(EventReader.hasZoneOffset(value.toString())).as(value.toString())
				.isEqualTo(offset.matcher(value).matches());
		}
	}

	@Test
	void anImpossibleTimeIsRejectedWithOrWithoutAnOffset() {
		for (String impossible : new String[] { "2026-02-30T10:00:00+03:00", "2026-02-30T10:00:00.5+0300",
				"2026-02-30T10:00:00Z", "2026-02-30T10:00:00", "2026-11-20T24:00:00+03:00", "2026-11-20T10:60:00Z" }) {
			assertThatThrownBy(() -> EventReader.instant(impossible)).as(impossible)
				.isInstanceOf(Rejected.class)
				.hasMessageContaining("event.occurred-at-invalid");
		}
	}

	@Test
	void theHandReadTimeAgreesWithTheFormatter() {
		java.util.Random random = new java.util.Random(2026);
		java.time.format.DateTimeFormatter withOffset = new java.time.format.DateTimeFormatterBuilder()
			.append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
			.parseLenient()
			.appendOffset("+HH", "Z")
			.toFormatter()
			.withResolverStyle(java.time.format.ResolverStyle.STRICT);
		String[] offsets = { "Z", "+03:00", "+0300", "-01:30", "-0100", "+18:00", "+19:00", "+03:60", "+3:00", "z", "" };
		int read = 0;
		for (int n = 0; n < 100_000; n++) {
			String text = "%04d-%02d-%02dT%02d:%02d:%02d%s%s".formatted(1990 + random.nextInt(50), random.nextInt(14),
					random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
					random.nextInt(3) == 0 ? "" : "." + "123456789".substring(0, random.nextInt(10)),
					offsets[random.nextInt(offsets.length)]);
			Instant byFormatter;
			try {
				byFormatter = java.time.OffsetDateTime.parse(text, withOffset).toInstant();
			}
			catch (java.time.format.DateTimeParseException ex) {
				byFormatter = null;
			}
			Instant byHand = EventReader.plainInstant(text);
			if (byHand != null) {
				read++;
				assertThat(byHand).as(text).isEqualTo(byFormatter);
			}
			else if (byFormatter != null && (text.endsWith("Z") || EventReader.hasZoneOffset(text))) {
				// What the hand leaves to the formatter (a lenient offset such as "z" or "+3:00" never got there) must
				// still be read the same way in the end.
				assertThat(EventReader.instant(text)).as(text).isEqualTo(byFormatter);
			}
		}
		assertThat(read).isGreaterThan(10_000);
	}

	@Test
	void aPhoneIsReadInAnyUsualSpellingAndAsANumber() {
		String event = """
				{"source":"b","eventId":"1","type":"1.7","occurredAt":"2026-11-20",
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979","phone":%s}}""";

		for (String phone : new String[] { "\"+7 916 123-45-67\"", "\"8 (916) 123-45-67\"", "\"89161234567\"",
				"\"9161234567\"", "\"+7(916)1234567 (моб.)\"", "79161234567", "9161234567" }) {
			EventStream.Parsed parsed = parsed(event.formatted(phone));
			assertThat(parsed.ignored()).as(phone).isEmpty();
			assertThat(parsed.event().subject().phone()).as(phone).isEqualTo(new PhoneNumber("+79161234567"));
		}
	}

	@Test
	void anUnreadablePhoneIsLeftOutOfItsEventAndReportedWithItsCode() {
		String event = """
				{"source":"b","eventId":"1","type":"1.7","occurredAt":"2026-11-20",
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979","phone":%s}}""";

		String[][] cases = { { "\"12345\"", "contact.phone-invalid" }, { "\"телефон\"", "contact.phone-invalid" },
				{ "true", "contact.phone-invalid" }, { "{\"number\":\"+79161234567\"}", "contact.phone-invalid" },
				{ "[\"+79161234567\"]", "contact.phone-invalid" }, { "\"8-800-555-35-35\"", "contact.phone-not-personal" } };
		for (String[] phone : cases) {
			EventStream.Parsed parsed = parsed(event.formatted(phone[0]));
			assertThat(parsed.event()).as(phone[0]).isNotNull();
			assertThat(parsed.event().subject().phone()).as(phone[0]).isNull();
			assertThat(parsed.ignored()).as(phone[0]).singleElement().satisfies(ignored -> {
				assertThat(ignored.field()).isEqualTo("subject.phone");
				assertThat(ignored.code()).isEqualTo(phone[1]);
				assertThat(ignored.eventId()).isEqualTo("1");
			});
		}
	}

	@Test
	void noPhoneIsNothing() {
		String event = """
				{"source":"b","eventId":"1","type":"1.7","occurredAt":"2026-11-20",
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979"%s}}""";

		for (String phone : new String[] { "", ",\"phone\":null", ",\"phone\":\"\"", ",\"phone\":\"  \"" }) {
			EventStream.Parsed parsed = parsed(event.formatted(phone));
			assertThat(parsed.ignored()).as(phone).isEmpty();
			assertThat(parsed.event().subject().phone()).as(phone).isNull();
		}
	}

	// One event, as ingestion reads it (a line of JSON Lines).
	static EventStream.Parsed parsed(String event) {
		byte[] line = event.replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
		return EventStream.of(new ByteArrayInputStream(line), EventStreamTests.JSON).next();
	}

	// One event, as ingestion reads it; its rejection thrown.
	static CreditEvent read(String event) {
		EventStream.Parsed parsed = parsed(event);
		RejectedEvent rejected = parsed.rejected();
		if (rejected != null) {
			throw new Rejected(rejected.code(), rejected.arguments());
		}
		return parsed.event();
	}
}
