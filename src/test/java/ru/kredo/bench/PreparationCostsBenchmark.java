package ru.kredo.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.EventLines;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two savings on preparing an event, measured before deciding against them (docs/benchmarks.md): reading a JSON line
 * as a stream of tokens instead of a tree, and HMAC-SHA-256 from precomputed inner and outer pads instead of the JDK's
 * {@code Mac}. A plain loop, no Spring, no database; five rounds, the first ones warming the JIT. Not part of the build:
 * {@code ./mvnw -B verify -DskipUTs=true -Dit.test=PreparationCostsBenchmark}.
 */
@Tag("benchmark")
class PreparationCostsBenchmark {

	@Test
	void jsonTreeAgainstTokensAndMacAgainstPrecomputedPads() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		EventLines writer = new EventLines(json);
		List<byte[]> lines = new BureauSimulator(2026, "costs", BenchmarkData.WATCHED, BenchmarkData.STRANGERS, 0.06)
			.next(300_000, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(1)).stream()
			.map(event -> writer.line(event).getBytes(StandardCharsets.UTF_8))
			.toList();
		ObjectReader trees = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		long sink = 0;
		for (int round = 1; round <= 5; round++) {
			long start = System.nanoTime();
			for (byte[] line : lines) {
				JsonNode node = trees.readValue(line, 0, line.length);
				sink += node.size();
			}
			long tree = System.nanoTime();
			for (byte[] line : lines) {
				try (JsonParser parser = trees.createParser(line, 0, line.length)) {
					for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
						if (token == JsonToken.PROPERTY_NAME) {
							sink += parser.currentName().length();
						}
						else if (token == JsonToken.VALUE_STRING) {
							sink += parser.getString().length();
						}
						else if (token.isNumeric()) {
							sink += parser.getDecimalValue().scale();
						}
					}
				}
			}
			long tokens = System.nanoTime();
			IngestionBenchmark.log("round %d: JSON line as a tree %.2f µs, as tokens %.2f µs", round,
					(tree - start) / 1e3 / lines.size(), (tokens - tree) / 1e3 / lines.size());
		}

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
