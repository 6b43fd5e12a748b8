package ru.kredo.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.internal.EventStream;
import ru.kredo.events.internal.TreeEventStream;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.EventLines;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two savings on preparing an event, measured before deciding on them (docs/bench/ingestion-history.md): reading each event line
 * as a stream of tokens instead of a tree (kept: {@link EventStream} against the reader it replaced,
 * {@link TreeEventStream}), and HMAC-SHA-256 from precomputed inner and outer pads instead of the JDK's {@code Mac}.
 * A plain loop, no Spring, no database; five rounds, the first ones warming the JIT. Not part of the build:
 * {@code ./mvnw -B verify -DskipUTs=true -Dit.test=PreparationCostsBenchmark}.
 */
@Tag("benchmark")
class PreparationCostsBenchmark {

	/**
	 * The whole of reading: splitting the body into lines, the JSON, the rules and the event's values (names, passport,
	 * dates), as the preparing thread does it; the two differ only in the JSON. Eight rounds, which goes first
	 * alternating.
	 */
	@Test
	void eventLinesAsTreesAgainstTokens() {
		JsonMapper json = JsonMapper.builder().build();
		EventLines writer = new EventLines(json);
		List<CreditEvent> events = new BureauSimulator(2026, "costs", BenchmarkData.WATCHED, BenchmarkData.STRANGERS, 0.06)
			.next(300_000, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(1));
		StringBuilder lines = new StringBuilder();
		events.forEach(event -> lines.append(writer.line(event)).append('\n'));
		byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
		long sink = 0;
		long bestTree = Long.MAX_VALUE;
		long bestTokens = Long.MAX_VALUE;
		for (int round = 1; round <= 8; round++) {
			long trees = 0;
			long tokens = 0;
			for (int turn = 0; turn < 2; turn++) {
				boolean tree = (round + turn) % 2 == 0;
				long start = System.nanoTime();
				sink += read(tree ? TreeEventStream.of(new ByteArrayInputStream(body), json)
						: EventStream.of(new ByteArrayInputStream(body), json), events.size());
				long took = System.nanoTime() - start;
				trees += tree ? took : 0;
				tokens += tree ? 0 : took;
			}
			bestTree = Math.min(bestTree, trees);
			bestTokens = Math.min(bestTokens, tokens);
			IngestionBenchmark.log("round %d: an event line read as a tree %.2f µs, as tokens %.2f µs", round,
					trees / 1e3 / events.size(), tokens / 1e3 / events.size());
		}
		// The best round of each: on a shared machine the others are mostly someone else's work.
		IngestionBenchmark.log("best: as a tree %.2f µs, as tokens %.2f µs (checksum %d)", bestTree / 1e3 / events.size(),
				bestTokens / 1e3 / events.size(), sink);
	}

	private static long read(Iterator<EventStream.Parsed> stream, int expected) {
		long sink = 0;
		int read = 0;
		while (stream.hasNext()) {
			CreditEvent event = stream.next().event();
			sink += event.eventId().length() + event.subject().name().lastName().length();
			read++;
		}
		if (read != expected) {
			throw new IllegalStateException(read + " events read of " + expected);
		}
		return sink;
	}

	@Test
	void macAgainstPrecomputedPads() throws Exception {
		long sink = 0;
		byte[] key = new byte[32];
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		MessageDigest inner = MessageDigest.getInstance("SHA-256");
		MessageDigest outer = MessageDigest.getInstance("SHA-256");
		byte[] innerPad = new byte[64];
		byte[] outerPad = new byte[64];
		for (int i = 0; i < 64; i++) {
			innerPad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
			outerPad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
		}
		inner.update(innerPad);
		outer.update(outerPad);
		byte[] kind = "name-dob".getBytes(StandardCharsets.UTF_8);
		String value = "иванова|анна|петровна|1985-04-12";
		int n = 2_000_000;
		for (int round = 1; round <= 5; round++) {
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				mac.update(kind);
				mac.update((byte) 0);
				sink += mac.doFinal(value.getBytes(StandardCharsets.UTF_8))[0];
			}
			long jdk = System.nanoTime();
			for (int i = 0; i < n; i++) {
				MessageDigest in = (MessageDigest) inner.clone();
				in.update(kind);
				in.update((byte) 0);
				byte[] hash = in.digest(value.getBytes(StandardCharsets.UTF_8));
				sink += ((MessageDigest) outer.clone()).digest(hash)[0];
			}
			long pads = System.nanoTime();
			IngestionBenchmark.log("round %d: HMAC by Mac %.3f µs, from precomputed pads %.3f µs", round,
					(jdk - start) / 1e3 / n, (pads - jdk) / 1e3 / n);
		}
		IngestionBenchmark.log("(checksum %d)", sink);
	}
}
