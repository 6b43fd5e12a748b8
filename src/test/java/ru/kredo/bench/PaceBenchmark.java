package ru.kredo.bench;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Nodes;
import ru.kredo.platform.Pace;
import ru.kredo.platform.RateLimits;

/**
 * What a CRM request's turn costs when the pace is kept in PostgreSQL for all nodes (docs/scaling.md, «Limits»)
 * against the pace in memory it replaced: turns taken one after another from one account's bucket, with a spacing so
 * short that none waits, so what is measured is the bucket itself (a transaction with {@code select … for update}).
 * Best of five rounds. Not part of the build: {@code ./mvnw -B verify -DskipUTs=true -Dit.test=PaceBenchmark}.
 */
@Tag("benchmark")
class PaceBenchmark {

	private static final int TURNS = 5000;

	@Test
	void aTurnInPostgresAgainstInMemory() {
		ConfigurableApplicationContext node = Nodes.start();
		try {
			Pace shared = node.getBean(RateLimits.class).pace("bench", Duration.ofNanos(1_000));
			Pace local = Pace.local(Duration.ofNanos(1_000));
			CpuMeter cpu = new CpuMeter(node.getBean(JdbcClient.class));
			String account = UUID.randomUUID().toString();
			double bestShared = Double.MAX_VALUE;
			double bestLocal = Double.MAX_VALUE;
			double bestCpu = Double.MAX_VALUE;
			for (int round = 1; round <= 5; round++) {
				CpuMeter.Sample before = cpu.sample();
				long start = System.nanoTime();
				for (int i = 0; i < TURNS; i++) {
					shared.await(account);
				}
				double wall = (System.nanoTime() - start) / 1e3 / TURNS;
				CpuMeter.Cost cost = cpu.sample().since(before, TURNS);
				start = System.nanoTime();
				for (int i = 0; i < TURNS; i++) {
					local.await(account);
				}
				double inMemory = (System.nanoTime() - start) / 1e3 / TURNS;
				bestShared = Math.min(bestShared, wall);
				bestLocal = Math.min(bestLocal, inMemory);
				bestCpu = Math.min(bestCpu, cost.total());
				IngestionBenchmark.log("round %d: a turn in PostgreSQL %.0f µs wall, %s CPU; in memory %.2f µs", round,
						wall, cost, inMemory);
			}
			IngestionBenchmark.log("best: a turn in PostgreSQL %.0f µs wall, %.0f µs CPU; in memory %.2f µs", bestShared,
					bestCpu, bestLocal);
		}
		finally {
			node.close();
		}
	}
}
