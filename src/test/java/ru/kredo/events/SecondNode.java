package ru.kredo.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another Kredo node in a JVM of its own, as production runs one: the test's classpath and settings (profile
 * {@code test}), the same PostgreSQL and Kafka broker, its events consumer in the same group, no web port of its own
 * to clash with. {@link #kill()} ends it with SIGKILL: no shutdown hook, no offset commit, no leaving the group, its
 * open transactions rolled back by PostgreSQL when the connections drop. Its log is {@code target/kafka-second-node.log}.
 */
final class SecondNode implements AutoCloseable {

	static final Path LOG = Path.of("target", "kafka-second-node.log");

	private final Process process;

	private SecondNode(Process process) {
		this.process = process;
	}

	/**
	 * @param database the embedded PostgreSQL (its address and password), or {@code null} when the tests use
	 *        SPRING_DATASOURCE_URL (inherited)
	 * @param settings more {@code --name=value} arguments, each name at most once in all (Spring joins a name given
	 *        twice on the command line with a comma)
	 */
	static SecondNode start(ru.kredo.platform.EmbeddedDatabase database, String brokers, String topic, String... settings)
			throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), "ru.kredo.Kredo", "--spring.profiles.active=test",
				"--kredo.data-directory=target/kafka-second-node", "--kredo.demo=false", "--server.port=0",
				"--spring.kafka.bootstrap-servers=" + brokers, "--kredo.events.kafka.topic=" + topic,
				"--kredo.events.kafka.partitions=4",
				"--spring.kafka.consumer.properties[session.timeout.ms]=6000",
				"--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000",
				"--logging.level.ru.kredo.events.internal.EventTopicFeed=debug"));
		command.addAll(List.of(settings));
		if (database != null) {
			command.add("--spring.datasource.url=" + database.jdbcUrl());
			command.add("--spring.datasource.username=postgres");
			command.add("--spring.datasource.password=" + database.password());
		}
		Files.createDirectories(LOG.getParent());
		return new SecondNode(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile()).start());
	}

	/** Whether it has stored a batch of the topic and committed its offsets (its consumer's debug line). */
	boolean hasStoredABatch() throws IOException {
		if (!process.isAlive()) {
			throw new IllegalStateException("the second node stopped: see " + LOG.toAbsolutePath());
		}
		return new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).contains("records up to");
	}

	/** SIGKILL, as {@code kill -9}. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}
}
