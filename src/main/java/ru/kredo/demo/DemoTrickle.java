package ru.kredo.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.IngestionReport;
import ru.kredo.events.simulator.BureauSimulator;

/**
 * Keeps signals arriving in the demo: a simulated bureau's online channel feeds one event every
 * {@code kredo.simulator.interval} (15 s by default), a fifth of them about the demo's watched people, the rest about
 * strangers. On with the demo unless {@code kredo.simulator.enabled=false}.
 */
@Component
class DemoTrickle {

	static final String SOURCE = "demo-bureau";

	private final DemoData demo;
	private final CreditEventIngestion ingestion;
	private final Clock clock;
	private final boolean enabled;
	private final BureauSimulator bureau;

	DemoTrickle(DemoData demo, CreditEventIngestion ingestion, Clock clock,
			@Value("${kredo.simulator.enabled:true}") boolean enabled,
			@Value("${kredo.simulator.watched-share:0.2}") double watchedShare) {
		this.demo = demo;
		this.ingestion = ingestion;
		this.clock = clock;
		this.enabled = enabled;
		// Seeded by the start time: every run a new stream with new event ids.
		this.bureau = new BureauSimulator(clock.millis(), SOURCE, DemoData.PEOPLE, DemoMonitoring.STRANGERS, watchedShare);
	}

	// One event an interval in all, not one a node: a node whose tick comes while another's lease stands skips it.
	@Scheduled(fixedDelayString = "${kredo.simulator.interval:15s}", initialDelayString = "${kredo.simulator.interval:15s}")
	@SchedulerLock(name = "demo-trickle", lockAtMostFor = "PT1M", lockAtLeastFor = "PT10S")
	void tick() {
		if (enabled && demo.isReady()) {
			feed(1);
		}
	}

	/** Sends {@code count} events of now through ingestion, as the bureau's online channel would. */
	IngestionReport feed(int count) {
		List<CreditEvent> events = new ArrayList<>(count);
		synchronized (bureau) {
			for (int i = 0; i < count; i++) {
				events.add(bureau.next(clock.instant()));
			}
		}
		return ingestion.ingest(events);
	}
}
