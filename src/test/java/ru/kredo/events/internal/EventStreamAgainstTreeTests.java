package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.IngestionReport.RejectedEvent;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.EventLines;
import ru.kredo.events.simulator.Population;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event stream must read every body exactly as the tree-based reader it replaced ({@link TreeEventStream}): the
 * same event, or the same rejection (position, event id, code, arguments), or the same exception, for the simulator's
 * lines, for every edge case of the rules and for random mutations of valid events; as JSON Lines and as an array.
 */
class EventStreamAgainstTreeTests {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@Test
	void readsABureausDayAsTheTreeDid() {
		List<String> lines = simulated(2026, 200_000);

		assertSameAsTree(bytes(String.join("\n", lines) + "\n"));
		assertSameAsTree(bytes("[" + String.join(",\n", lines.subList(0, 20_000)) + "]"));
	}

	@Test
	void readsEveryEdgeCaseAsTheTreeDid() {
		List<String> cases = EventEdgeCases.lines();
		for (String line : cases) {
			assertSameAsTree(bytes(line));
			assertSameAsTree(bytes("[" + line + "]"));
			assertSameAsTree(bytes("[" + EventEdgeCases.VALID + ", " + line + ", " + EventEdgeCases.VALID + "]"));
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(BOM);
		for (String line : cases) {
			body.writeBytes(bytes(line + "\r\n\r\n \t\r\n"));
		}
		assertSameAsTree(body.toByteArray());
	}

	@Test
	void readsMutatedEventsAsTheTreeDid() {
		Random random = new Random(7);
		EventMutations mutations = new EventMutations(JSON, random);
		List<String> lines = simulated(11, 20_000);
		int malformed = 0;
		for (int from = 0; from < lines.size(); from += 50) {
			List<byte[]> mutated = new ArrayList<>();
			for (String line : lines.subList(from, from + 50)) {
				for (int i = 0; i < 3; i++) {
					mutated.add(mutations.mutate(line));
				}
			}
			malformed += assertSameAsTree(jsonLines(mutated, random)).stream()
				.filter(o -> "event.json-invalid".equals(o.code())).count();
			for (int at = 0; at < mutated.size(); at += 6) {
				assertSameAsTree(array(mutated.subList(at, at + 6)));
			}
		}
		// Most mutations leave the JSON readable and change what it says.
		assertThat(malformed).isBetween(1_000, 20_000);
	}

	@Test
	void readsLinesOverTheLimitAndEveryLineEndAsTheTreeDid() {
		Random random = new Random(12);
		List<byte[]> lines = simulated(13, 5_000).stream().map(EventStreamAgainstTreeTests::bytes).toList();
		int limit = lines.stream().mapToInt(line -> line.length).sorted().toArray()[lines.size() / 2];

		List<Outcome> outcomes = assertSameAsTree(jsonLines(lines, random), limit);

		assertThat(outcomes).filteredOn(o -> "event.line-too-long".equals(o.code())).hasSizeBetween(1_000, 3_000);
	}

	private static List<Outcome> assertSameAsTree(byte[] body) {
		return assertSameAsTree(body, EventStream.MAX_LINE_LENGTH);
	}

	private static List<Outcome> assertSameAsTree(byte[] body, int maxLineLength) {
		List<Outcome> tree = outcomes(TreeEventStream.of(new ByteArrayInputStream(body), JSON, maxLineLength));
		List<Outcome> stream = outcomes(EventStream.of(new ByteArrayInputStream(body), JSON, maxLineLength));
		for (int i = 0; i < Math.max(tree.size(), stream.size()); i++) {
			Outcome expected = i < tree.size() ? tree.get(i) : null;
			Outcome actual = i < stream.size() ? stream.get(i) : null;
			if (!Objects.equals(actual, expected)) {
				assertThat(actual).as("outcome %d of %s", i + 1, excerpt(body, expected == null ? actual : expected))
					.isEqualTo(expected);
			}
		}
		return tree;
	}

	// What a stream gave for one event: the event, or its rejection, or (ending the stream) what it threw.
	record Outcome(long position, CreditEvent event, String eventId, String code, List<Object> arguments,
			List<String> ignored, String thrown) {

		static Outcome of(EventStream.Parsed parsed) {
			RejectedEvent r = parsed.rejected();
			List<String> ignored = parsed.ignored().stream()
				.map(i -> i.line() + " " + i.eventId() + " " + i.field() + " " + i.code() + " " + Arrays.asList(i.arguments()))
				.toList();
			return r == null ? new Outcome(parsed.position(), parsed.event(), null, null, null, ignored, null)
					: new Outcome(parsed.position(), null, r.eventId(), r.code(), Arrays.asList(r.arguments()), ignored, null);
		}
	}

	private static List<Outcome> outcomes(Iterator<EventStream.Parsed> stream) {
		List<Outcome> outcomes = new ArrayList<>();
		try {
			while (stream.hasNext()) {
				outcomes.add(Outcome.of(stream.next()));
			}
		}
		catch (RuntimeException ex) {
			// Only its class: once hot, the JVM throws a NullPointerException without its message.
			outcomes.add(new Outcome(-1, null, null, null, null, null, ex.getClass().getName()));
		}
		return outcomes;
	}

	// The line at the outcome's position for JSON Lines, or the whole (short) body.
	private static String excerpt(byte[] body, Outcome outcome) {
		String text = new String(body, StandardCharsets.UTF_8);
		String[] lines = text.split("\r\n|\r|\n", -1);
		if (text.startsWith("[") || outcome.position() < 1 || outcome.position() > lines.length) {
			return text.length() > 3_000 ? text.substring(0, 3_000) + "…" : text;
		}
		return "line " + outcome.position() + ": " + lines[(int) outcome.position() - 1];
	}

	static List<String> simulated(long seed, int count) {
		EventLines writer = new EventLines(JSON);
		return new BureauSimulator(seed, "test-bureau", new Population(1, 1_000), new Population(2, 100_000), 0.08)
			.next(count, Instant.parse("2026-03-02T06:00:00Z"), Duration.ofDays(1)).stream()
			.map(writer::line)
			.toList();
	}

	// Lines ended by \n, \r\n or \r, with blank lines here and there and, sometimes, a byte order mark first.
	private static byte[] jsonLines(List<byte[]> lines, Random random) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (random.nextInt(4) == 0) {
			body.writeBytes(BOM);
		}
		for (byte[] line : lines) {
			body.writeBytes(line);
			body.writeBytes(bytes(switch (random.nextInt(3)) {
				case 0 -> "\n";
				case 1 -> "\r\n";
				default -> "\r";
			}));
			if (random.nextInt(20) == 0) {
				body.writeBytes(bytes(random.nextBoolean() ? "\n" : " \t\r\n"));
			}
		}
		return body.toByteArray();
	}

	private static byte[] array(List<byte[]> elements) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(bytes("[\n"));
		for (int i = 0; i < elements.size(); i++) {
			body.writeBytes(elements.get(i));
			body.writeBytes(bytes(i < elements.size() - 1 ? ",\n" : "\n]"));
		}
		return body.toByteArray();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
