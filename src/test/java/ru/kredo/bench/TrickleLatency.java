package ru.kredo.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.Population;

/**
 * The online channel: single events about watched people, one after another, each through ingestion on its own; the
 * latency is from handing the event over to its signal row being visible to another connection's query.
 */
final class TrickleLatency {

	private final JdbcClient jdbc;
	private final CreditEventIngestion ingestion;

	TrickleLatency(JdbcClient jdbc, CreditEventIngestion ingestion) {
		this.jdbc = jdbc;
		this.ingestion = ingestion;
	}

	/** p50 and p99 in milliseconds. */
	double[] measure(int count, Population watched) {
		BureauSimulator bureau = new BureauSimulator(System.currentTimeMillis(), "bench-trickle", watched,
				new Population(0, 0), 1);
		double[] millis = new double[count];
		for (int i = 0; i < count; i++) {
			CreditEvent event = bureau.next(Instant.now());
			long start = System.nanoTime();
			ingestion.ingest(List.of(event));
			while (!visible(event)) {
				if (System.nanoTime() - start > 10_000_000_000L) {
					throw new IllegalStateException("no signal 10 s after event " + event.eventId());
				}
			}
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[count / 2], millis[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] };
	}

	private boolean visible(CreditEvent event) {
		return jdbc.sql("""
				select exists (select 1 from signal_events s join credit_events e on e.id = s.event_id
				    where e.source = ? and e.source_event_id = ?)""")
			.params(event.source(), event.eventId())
			.query(Boolean.class)
			.single();
	}
}
