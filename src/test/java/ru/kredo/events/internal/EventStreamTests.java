package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class EventStreamTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsJsonLinesAsWindowsAndExportsWriteThem() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String body = event("e1", "") + "\r\n\r\n  \r\n{broken\r\n" + event("e5", "") + "\r\n" + event("e6", "");

		List<EventStream.Parsed> parsed = read(bom, body.getBytes(StandardCharsets.UTF_8));

		assertThat(parsed).extracting(EventStreamTests::outcome).containsExactly("1:e1", "4:event.json-invalid", "5:e5", "6:e6");
	}

	@Test
	void aNumberNoBigDecimalHoldsMakesItsLineInvalidNotTheBatch() {
		String body = event("e1", "").replace("\"note\"", "\"weight\":1e9999999999,\"note\"") + "\n" + event("e2", "");

		List<EventStream.Parsed> parsed = read(new byte[0], body.getBytes(StandardCharsets.UTF_8));

		assertThat(parsed).extracting(EventStreamTests::outcome).containsExactly("1:event.json-invalid", "2:e2");
		// In an array nothing marks where the next element starts: the array ends there, and says so.
		List<EventStream.Parsed> array = read(new byte[0], ("[" + body.replace("\n", ",") + "]").getBytes(StandardCharsets.UTF_8));
		assertThat(array).extracting(EventStreamTests::outcome).containsExactly("1:event.array-invalid");
	}

	@Test
	void anArrayEndsAtItsFirstMalformedElementWithOneRejectionThatSaysSo() {
		String missingComma = "[" + event("e1", "") + " " + event("e2", "") + "," + event("e3", "") + "]";
		String brokenObject = "[" + event("e1", "") + ",{\"source\":}," + event("e3", "") + "]";

		assertThat(read(new byte[0], missingComma.getBytes(StandardCharsets.UTF_8))).extracting(EventStreamTests::outcome)
			.containsExactly("1:e1", "2:event.array-invalid");
		assertThat(read(new byte[0], brokenObject.getBytes(StandardCharsets.UTF_8))).extracting(EventStreamTests::outcome)
			.containsExactly("1:e1", "2:event.array-invalid");
	}

	@Test
	void aLineLongerThanTheBufferAndManyLinesAcrossItsEdges() {
		StringBuilder body = new StringBuilder(event("long", "x".repeat(200_000))).append('\n');
		for (int i = 0; i < 3_000; i++) {
			body.append(event("e" + i, "y".repeat(i % 97))).append('\n');
		}

		List<EventStream.Parsed> parsed = read(new byte[0], body.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(parsed).hasSize(3_001).allSatisfy(p -> assertThat(p.event()).isNotNull());
		assertThat(parsed.getFirst().event().eventId()).isEqualTo("long");
		assertThat(parsed.getLast().event().eventId()).isEqualTo("e2999");
		assertThat(parsed.getLast().event().subject().name().lastName()).isEqualTo("Ёлкина");
	}

	@Test
	void readsAJsonArrayElementByElementAndRejectsWhatIsNotAnEvent() {
		String body = " [\n" + event("e1", "") + ",\n42, [1], null,\n" + event("e5", "") + "\n]\n";

		List<EventStream.Parsed> parsed = read(new byte[0], body.getBytes(StandardCharsets.UTF_8));

		assertThat(parsed).extracting(EventStreamTests::outcome)
			.containsExactly("1:e1", "2:event.not-an-object", "3:event.not-an-object", "4:event.not-an-object", "5:e5");
	}

	@Test
	void anArrayCutShortEndsWithOneRejection() {
		String body = "[" + event("e1", "") + "," + event("e2", "");

		List<EventStream.Parsed> parsed = read(new byte[0], body.getBytes(StandardCharsets.UTF_8));

		assertThat(parsed).extracting(EventStreamTests::outcome).containsExactly("1:e1", "2:e2", "3:event.array-invalid");
	}

	private static String outcome(EventStream.Parsed p) {
		return p.position() + ":" + (p.event() != null ? p.event().eventId() : p.rejected().code());
	}

	private static List<EventStream.Parsed> read(byte[] prefix, byte[] body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(prefix);
		bytes.writeBytes(body);
		List<EventStream.Parsed> parsed = new ArrayList<>();
		EventStream.of(new ByteArrayInputStream(bytes.toByteArray()), JSON).forEachRemaining(parsed::add);
		return parsed;
	}

	private static String event(String id, String note) {
		return """
				{"source":"test","eventId":"%s","type":"1.1","occurredAt":"2026-11-20T10:00:00+03:00","note":"%s",
				 "subject":{"lastName":"Ёлкина","firstName":"Вера","birthDate":"02.06.1979"}}""".formatted(id, note)
			.replace("\n", "");
	}
}
