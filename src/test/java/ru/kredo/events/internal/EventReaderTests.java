package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;
import tools.jackson.databind.json.JsonMapper;

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
	void aNegativeAmountOrOneTooLargeToStoreIsRejectedWithItsEventNotWithItsBatch() {
		JsonMapper json = JsonMapper.builder().build();
		String event = """
				{"source":"b","eventId":"1","type":"1.1","occurredAt":"2026-11-20","amount":%s,
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979"}}""";

		assertThat(EventReader.read(json.readTree(event.formatted("\"9999999999999999.99\""))).amount())
			.isEqualByComparingTo("9999999999999999.99");
		for (String amount : new String[] { "1e20", "-5", "\"10000000000000000\"" }) {
			assertThatThrownBy(() -> EventReader.read(json.readTree(event.formatted(amount)))).as(amount)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("event.amount-invalid"));
		}
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
}
