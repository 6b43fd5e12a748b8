package ru.kredo.bench;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ru.kredo.events.internal.EventStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event on one long line of JSON Lines (a 5–50 MB {@code note}), read by {@link EventStream} from a stream that
 * gives 8 KB a read and says nothing more is available, as a request body arrives from the network; the reading
 * thread's CPU time. With the line limit raised to 100 MB the line is read whole; with the default (1 MB) it is
 * dropped as it arrives. Not part of the build (docs/bench/json-lines-long-lines.md):
 * {@code ./mvnw -B verify -DskipUTs=true -Dit.test=LongLineBenchmark}.
 */
@Tag("benchmark")
class LongLineBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@Test
	void readingALongLineCostsInProportionToItsLength() {
		for (int round = 0; round < 2; round++) {
			for (int megabytes : new int[] { 5, 10, 20, 50 }) {
				byte[] line = line(megabytes);
				System.out.printf("[bench] round %d, %d MB line: read whole %.2f s, over the 1 MB limit %.2f s of CPU%n",
						round + 1, megabytes, cpuSeconds(line, 100 * 1024 * 1024), cpuSeconds(line, 1024 * 1024));
			}
		}
	}

	private static byte[] line(int megabytes) {
		String event = """
				{"source":"b","eventId":"long","type":"1.1","occurredAt":"2026-11-20","note":"%s",\
				"subject":{"lastName":"Орлова","firstName":"Анна","birthDate":"1990-01-01"}}
				""".formatted("x".repeat(megabytes * 1024 * 1024));
		return event.getBytes(StandardCharsets.UTF_8);
	}

	private static double cpuSeconds(byte[] body, int maxLineLength) {
		long start = THREADS.getCurrentThreadCpuTime();
		EventStream events = EventStream.of(new Trickle(new ByteArrayInputStream(body)), JSON, maxLineLength);
		while (events.hasNext()) {
			events.next();
		}
		return (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
	}

	// 8 KB a read, nothing available ahead: what a network body gives.
	private static final class Trickle extends FilterInputStream {

		Trickle(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
			return super.read(buffer, offset, Math.min(length, 8192));
		}

		@Override
		public int available() {
			return 0;
		}
	}
}
