package ru.kredo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import ru.kredo.events.CreditEventIntake;
import ru.kredo.events.QueuedReport;
import ru.kredo.events.UploadSource;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.EventLines;
import tools.jackson.databind.json.JsonMapper;

/**
 * (d) of {@link IngestionBenchmark}, the Kafka path: the run's events published to the events topic of an embedded
 * KRaft broker by Kredo's own intake (as a bureau's push is when Kafka is configured), then consumed by Kredo's own
 * consumer ({@code events/internal/KafkaEvents} as configured in production: its group, poll size, offsets committed
 * after the chunks) through the same chunked pipeline, until every event is stored. The broker runs in this JVM, its
 * threads in a group of their own, so that their CPU is told apart from Kredo's.
 */
final class KafkaPath implements AutoCloseable {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
	// Every thread the broker makes is made by one of its own threads, so it is in this group too (a thread's group
	// is its maker's).
	private static final ThreadGroup BROKER_THREADS = new ThreadGroup("bench-kafka-broker");
	private static EmbeddedKafkaKraftBroker broker;

	private final JdbcClient jdbc;
	private final CreditEventIntake intake;
	private final ConcurrentMessageListenerContainer<?, ?> consumers;
	private final KafkaAdmin admin;
	private final String topic;
	private final String group;
	private final JsonMapper json;
	private final List<Counter> read;
	private final Counter accepted;
	private final ThreadCpu brokerCpu = new ThreadCpu((thread, broker) -> broker);
	private final ThreadCpu consumerCpu = new ThreadCpu(
			(thread, broker) -> !broker && thread.getThreadName().startsWith("creditEventsConsumers"));
	// The Kafka clients' own threads: the producer's sender, the consumer's heartbeat (or the new protocol's background
	// thread), admin clients.
	private final ThreadCpu clientCpu = new ThreadCpu((thread, broker) -> !broker
			&& (thread.getThreadName().startsWith("kafka-") || thread.getThreadName().startsWith("consumer_background_thread")));
	private boolean warm;

	/**
	 * Starts a single KRaft broker (combined controller and broker, as {@code @EmbeddedKafka} makes it) and returns
	 * its address. Called before the application context is made, which then finds Kafka configured.
	 */
	static synchronized String startBroker() {
		if (broker == null) {
			EmbeddedKafkaKraftBroker starting = new EmbeddedKafkaKraftBroker(1, 1);
			// Its address in a property of its own: spring.kafka.bootstrap-servers is set for the context alone.
			starting.brokerListProperty("kredo.bench.kafka-brokers");
			starting.brokerProperty("group.initial.rebalance.delay.ms", "0");
			AtomicReference<RuntimeException> failed = new AtomicReference<>();
			Thread starter = new Thread(BROKER_THREADS, () -> {
				try {
					starting.afterPropertiesSet();
				}
				catch (RuntimeException ex) {
					failed.set(ex);
				}
			}, "bench-kafka-broker-start");
			starter.start();
			try {
				starter.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while starting the embedded Kafka broker", ex);
			}
			if (failed.get() != null) {
				throw failed.get();
			}
			broker = starting;
		}
		return broker.getBrokersAsString();
	}

	KafkaPath(ApplicationContext context, JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.intake = context.getBean(CreditEventIntake.class);
		this.consumers = context.getBean("creditEventsConsumers", ConcurrentMessageListenerContainer.class);
		this.admin = context.getBean(KafkaAdmin.class);
		this.topic = context.getEnvironment().getRequiredProperty("kredo.events.kafka.topic");
		this.group = context.getEnvironment().getRequiredProperty("kredo.events.kafka.group");
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		// The consumer's own counters, moved once a batch's chunks have committed: no query on credit_events while timed.
		this.accepted = meters.counter("kredo.events.kafka.records", "outcome", "accepted");
		this.read = List.of(accepted, meters.counter("kredo.events.kafka.records", "outcome", "duplicate"),
				meters.counter("kredo.events.kafka.records", "outcome", "rejected"));
		assertThat(intake.queued()).as("the intake publishes to Kafka").isTrue();
		assertThat(consumers.isRunning()).as("the consumer is started by (d), not with the context").isFalse();
	}

	/**
	 * (d): the events published (timed on their own), the tables (d) fills truncated as before (a), then the consumer
	 * started and timed from having its partitions to the last event stored.
	 */
	Result measure(Path events, int expected, CpuMeter cpu, int warmUp) throws Exception {
		if (!warm) {
			warmUp(warmUp);
			warm = true;
		}
		Threads beforePublishing = threads();
		CpuMeter.Sample publishingStarts = cpu.sample();
		long start = System.nanoTime();
		QueuedReport queued;
		try (InputStream in = Files.newInputStream(events)) {
			queued = (QueuedReport) intake.take(in, UploadSource.commandLine("benchmark (d)"));
		}
		double publishing = IngestionBenchmark.perSecond(queued.queued(), start);
		CpuMeter.Sample published = cpu.sample();
		Threads afterPublishing = threads();
		assertThat(queued.queued()).isEqualTo(expected);
		flushBrokerFiles();

		jdbc.sql("truncate signal_events, signals, credit_events restart identity cascade").update();
		jdbc.sql("checkpoint").update();
		double before = read();
		double acceptedBefore = accepted.count();
		Threads beforeConsuming = threads();
		CpuMeter.Sample consumingStarts = cpu.sample();
		long started = System.nanoTime();
		consumers.start();
		long assigned = awaitAssignment(started);
		awaitRead(before, expected);
		double rate = expected / ((System.nanoTime() - assigned) / 1e9);
		CpuMeter.Sample consumed = cpu.sample();
		Threads afterConsuming = threads();
		assertThat(accepted.count() - acceptedBefore).as("every event new, none rejected").isEqualTo(expected);
		awaitCommitted();
		consumers.stop();
		return new Result(rate, (assigned - started) / 1e6, publishing,
				consumed.since(consumingStarts, expected), afterConsuming.since(beforeConsuming, expected),
				published.since(publishingStarts, expected), afterPublishing.since(beforePublishing, expected));
	}

	/** The broker's threads' CPU so far (to tell what it takes, idle, from (a) in the same JVM). */
	double brokerSeconds() {
		return brokerCpu.seconds(allThreads(), brokerThreads());
	}

	// The Kafka path's own code (the consumer's polling and fetching, the listener, EventStream.ofValues) is compiled
	// by the JIT only after some batches, as (a)'s path is by the warm-up: other events through the topic first.
	private void warmUp(int count) throws Exception {
		if (count == 0) {
			return;
		}
		BureauSimulator bureau = new BureauSimulator(78, "bench-kafka-warm-up", BenchmarkData.WATCHED,
				BenchmarkData.STRANGERS, IngestionBenchmark.WATCHED_SHARE);
		EventLines writer = new EventLines(json);
		Instant from = Instant.now().minusSeconds(3_600);
		long start = System.nanoTime();
		int queued = 0;
		for (int done = 0; done < count; done += 200_000) {
			StringBuilder lines = new StringBuilder();
			bureau.next(Math.min(200_000, count - done), from, Duration.ofHours(1))
				.forEach(event -> lines.append(writer.line(event)).append('\n'));
			queued += ((QueuedReport) intake.take(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
					UploadSource.commandLine("benchmark (d) warm-up"))).queued();
		}
		double before = read();
		long started = System.nanoTime();
		consumers.start();
		awaitAssignment(started);
		awaitRead(before, queued);
		awaitCommitted();
		consumers.stop();
		IngestionBenchmark.log("(d) warm-up: %,d other events through the topic in %.1f s, not timed", queued,
				(System.nanoTime() - start) / 1e9);
	}

	// The publishing left the broker's log (~400 bytes an event) in the page cache, dirty: written back now, so that
	// the write-back does not compete with PostgreSQL's writes during (d). A broker on a machine of its own writes its
	// own disk.
	private static void flushBrokerFiles() throws Exception {
		try {
			new ProcessBuilder("sync").inheritIO().start().waitFor();
		}
		catch (java.io.IOException noSync) {
			IngestionBenchmark.log("(d): no sync command, the broker's files are written back whenever the system does");
		}
	}

	private long awaitAssignment(long started) throws InterruptedException {
		while (consumers.getAssignedPartitions() == null || consumers.getAssignedPartitions().isEmpty()) {
			if (System.nanoTime() - started > 60_000_000_000L) {
				throw new IllegalStateException("the consumer got no partitions of " + topic + " in 60 s");
			}
			Thread.sleep(1);
		}
		return System.nanoTime();
	}

	// Polls the consumer's counters every 5 ms (200 wake-ups a second of this thread: nothing against the work).
	private void awaitRead(double before, long expected) throws InterruptedException {
		double last = before;
		long progressed = System.nanoTime();
		while (read() - before < expected) {
			Thread.sleep(5);
			double now = read();
			if (now > last) {
				last = now;
				progressed = System.nanoTime();
			}
			else if (System.nanoTime() - progressed > 120_000_000_000L) {
				throw new IllegalStateException(String.format("the consumer stored nothing for 120 s, at %,.0f of %,d events",
						last - before, expected));
			}
		}
	}

	private double read() {
		return read.stream().mapToDouble(Counter::count).sum();
	}

	// The listener acknowledges right after the counters move; the consumer is stopped only once the group's offsets
	// are at the topic's end, or the next (d) would read the last batch again as duplicates.
	private void awaitCommitted() throws Exception {
		try (Admin client = Admin.create(admin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetSpec> partitions = client.describeTopics(List.of(topic)).allTopicNames().get()
				.get(topic).partitions().stream()
				.collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
			long started = System.nanoTime();
			while (true) {
				Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata().get();
				boolean atEnd = client.listOffsets(partitions).all().get().entrySet().stream()
					.allMatch(end -> end.getValue().offset() == 0 || committed.get(end.getKey()) != null
							&& committed.get(end.getKey()).offset() == end.getValue().offset());
				if (atEnd) {
					return;
				}
				if (System.nanoTime() - started > 60_000_000_000L) {
					throw new IllegalStateException("the group's offsets did not reach the end of " + topic + " in 60 s");
				}
				Thread.sleep(50);
			}
		}
	}

	private Threads threads() {
		ThreadInfo[] all = allThreads();
		Set<Long> broker = brokerThreads();
		return new Threads(brokerCpu.seconds(all, broker), consumerCpu.seconds(all, broker), clientCpu.seconds(all, broker));
	}

	private static ThreadInfo[] allThreads() {
		return THREADS.getThreadInfo(THREADS.getAllThreadIds());
	}

	private static Set<Long> brokerThreads() {
		Thread[] group = new Thread[BROKER_THREADS.activeCount() * 2 + 16];
		int count = BROKER_THREADS.enumerate(group, true);
		Set<Long> ids = new HashSet<>();
		for (int i = 0; i < count; i++) {
			ids.add(group[i].threadId());
		}
		return ids;
	}

	@Override
	public void close() {
		if (consumers.isRunning()) {
			consumers.stop();
		}
		synchronized (KafkaPath.class) {
			if (broker != null) {
				broker.destroy();
				broker = null;
			}
		}
	}

	/**
	 * CPU seconds of some of this JVM's threads, from the thread MXBean: the broker's by their thread group, others by
	 * name. A thread's last reading is kept after it ends, so the sum never goes back (a thread that ended since the
	 * last reading loses only what it spent after it).
	 */
	private static final class ThreadCpu {

		interface Choice {

			boolean ours(ThreadInfo thread, boolean broker);
		}

		private final Choice choice;
		private final Map<Long, Long> nanos = new HashMap<>();

		ThreadCpu(Choice choice) {
			this.choice = choice;
		}

		double seconds(ThreadInfo[] all, Set<Long> broker) {
			for (ThreadInfo info : all) {
				if (info != null && choice.ours(info, broker.contains(info.getThreadId()))) {
					long cpu = THREADS.getThreadCpuTime(info.getThreadId());
					if (cpu >= 0) {
						nanos.merge(info.getThreadId(), cpu, Math::max);
					}
				}
			}
			return nanos.values().stream().mapToLong(Long::longValue).sum() / 1e9;
		}
	}

	/** CPU seconds so far: the broker's threads, the consumer's (polling, handing batches over), the Kafka clients'. */
	record Threads(double broker, double consumer, double clients) {

		Split since(Threads earlier, long events) {
			double perEvent = 1e6 / events;
			return new Split((broker - earlier.broker) * perEvent, (consumer - earlier.consumer) * perEvent,
					(clients - earlier.clients) * perEvent);
		}
	}

	/** Microseconds per event of the broker's, the consumer's and the Kafka clients' threads. */
	record Split(double broker, double consumer, double clients) {
	}

	/**
	 * (d) of one run: events per second from the consumer's assignment to the last event stored, the time it took to
	 * join its group, the publishing's events per second, and the CPU of each (per event).
	 */
	record Result(double perSecond, double joinMillis, double publishingPerSecond, CpuMeter.Cost cost, Split threads,
			CpuMeter.Cost publishingCost, Split publishingThreads) {

		/** What Kredo's node spends per event, the broker's threads taken out: a broker runs on machines of its own. */
		String withoutBroker() {
			double jvm = cost.jvm() - threads.broker();
			return String.format("%.1f + %.1f = %.1f µs", jvm, cost.postgres(), jvm + cost.postgres());
		}

		String jvmSplit() {
			return String.format("consumer thread %.1f, broker (in this JVM) %.1f, Kafka clients' threads %.1f, JIT %.1f, "
					+ "GC %.1f, other threads (the pipeline's preparing and storing) %.1f µs", threads.consumer(),
					threads.broker(), threads.clients(), cost.jit(), cost.gc(),
					cost.jvm() - threads.consumer() - threads.broker() - threads.clients() - cost.jit() - cost.gc());
		}
	}
}
