package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
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
	void blankLinesBeforeTheFirstEventAreCountedHoweverManyThereAre() {
		// Over 4 KB of them ran past the mark kept to tell an array from JSON Lines: a 500 for the whole body.
		String lines = "\n".repeat(100_000) + event("e1", "") + "\n";
		String array = " ".repeat(100_000) + "[" + event("e1", "") + "]";

		assertThat(read(new byte[0], lines.getBytes(StandardCharsets.UTF_8))).extracting(EventStreamTests::outcome)
			.containsExactly("100001:e1");
		assertThat(read(new byte[0], array.getBytes(StandardCharsets.UTF_8))).extracting(EventStreamTests::outcome)
			.containsExactly("1:e1");
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

	@Test
	void aLineOfMegabytesIsLookedAtOnceAndMovedAFewTimesNotOncePerRead() {
		// As the network gives a body: a few kilobytes a read. Reading the 4 MB line looked at its bytes again
		// after each read, from its start (512 reads, a gigabyte looked at): the cost grew with the square of its length.
		int length = 4 * 1024 * 1024;
		byte[] body = (event("long", "x".repeat(length - utf8(event("long", "")).length)) + "\n" + event("e2", ""))
			.getBytes(StandardCharsets.UTF_8);
		EventStream.Lines lines = new EventStream.Lines(trickle(body, 8 * 1024), 8 * 1024 * 1024);

		assertThat(lines.next()).isTrue();
		assertThat(lines.length()).isEqualTo(length);
		assertThat(lines.next()).isTrue();
		assertThat(lines.next()).isFalse();

		assertThat(lines.looked()).isEqualTo(body.length);
		// Moved to the buffer's front once, and copied into each larger buffer (64 KB doubled up to 8 MB: < 8 MB).
		assertThat(lines.moved()).isLessThan(3L * body.length);
	}

	@Test
	void readsAnEventOnALineOfMegabytesWithinTheLimit() {
		String event = event("long", "x".repeat(3 * 1024 * 1024));

		List<EventStream.Parsed> parsed = new ArrayList<>();
		EventStream.of(trickle((event + "\n" + event("e2", "")).getBytes(StandardCharsets.UTF_8), 8 * 1024), JSON,
				4 * 1024 * 1024).forEachRemaining(parsed::add);

		assertThat(parsed).extracting(EventStreamTests::outcome).containsExactly("1:long", "2:e2");
	}

	@Test
	void linesEndWithCrOnlyAsOldMacExportsEndThem() {
		String body = event("e1", "") + "\r" + event("e2", "") + "\r\r" + event("e4", "") + "\r";

		assertThat(read(new byte[0], body.getBytes(StandardCharsets.UTF_8))).extracting(EventStreamTests::outcome)
			.containsExactly("1:e1", "2:e2", "4:e4");
	}

	@Test
	void lineEndsMayBeMixedAndACrLfSplitAcrossReadsIsOneLineEnd() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String body = event("e1", "") + "\r\n" + event("e2", "") + "\r" + event("e3", "") + "\n" + event("e4", "")
				+ "\r\n\r\n" + event("e6", "") + "\n\r" + event("e8", "") + "\r\n";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(bom);
		bytes.writeBytes(body.getBytes(StandardCharsets.UTF_8));

		// One byte a read: every line end falls across a read somewhere.
		for (int chunk : new int[] { 1, 7, 64 * 1024 }) {
			List<EventStream.Parsed> parsed = new ArrayList<>();
			EventStream.of(trickle(bytes.toByteArray(), chunk), JSON).forEachRemaining(parsed::add);
			assertThat(parsed).as("read %d bytes at a time", chunk).extracting(EventStreamTests::outcome)
				.containsExactly("1:e1", "2:e2", "3:e3", "4:e4", "6:e6", "8:e8");
		}
	}

	@Test
	void aLineOverTheLimitIsRejectedAloneWithoutBeingKeptAndTheRestIsRead() {
		int limit = utf8(event("e1", "")).length + 10;
		String body = event("e1", "") + "\n" + event("long", "x".repeat(300_000)) + "\r\n" + event("e3", "xxxxxxxxxx")
				+ "\r" + event("e4", "xxxxxxxxxxx") + "\n" + event("e5", "") + "\n" + event("last", "x".repeat(100_000));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

		List<EventStream.Parsed> parsed = new ArrayList<>();
		EventStream.of(trickle(bytes, 8 * 1024), JSON, limit).forEachRemaining(parsed::add);

		// e3 is exactly as long as the limit allows; e4 is one byte longer.
		assertThat(parsed).extracting(EventStreamTests::outcome)
			.containsExactly("1:e1", "2:event.line-too-long", "3:e3", "4:event.line-too-long", "5:e5", "6:event.line-too-long");
		assertThat(parsed.get(1).rejected().arguments()).containsExactly(limit);
		// The long lines' bytes were dropped as they came: the buffer never grew past its first 64 KB.
		EventStream.Lines lines = new EventStream.Lines(trickle(bytes, 8 * 1024), limit);
		while (lines.next()) {
			assertThat(lines.bytes()).hasSizeLessThanOrEqualTo(64 * 1024);
		}
	}

	// A body as the network gives it: at most so many bytes a read, and nothing known to be available.
	static InputStream trickle(byte[] body, int chunk) {
		return new FilterInputStream(new ByteArrayInputStream(body)) {

			@Override
			public int read(byte[] b, int off, int len) throws java.io.IOException {
				return super.read(b, off, Math.min(len, chunk));
			}

			@Override
			public int available() {
				return 0;
			}
		};
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
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
