package ru.kredo.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server per data directory and process, shared by every application context that asks for it and
 * stopped when the last one closes. When a server started by another Kredo process (the web application, say)
 * already runs on the directory, a command-line run connects to it instead of starting a second one.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Map<Path, EmbeddedPostgresServer> running = new HashMap<>();

	private final Path directory;
	private final EmbeddedPostgres postgres;
	private final int port;
	private int users;

	private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, int port) {
		this.directory = directory;
		this.postgres = postgres;
		this.port = port;
	}

	static synchronized EmbeddedPostgresServer acquire(Path directory, int port) {
		Path dir = directory.toAbsolutePath().normalize();
		EmbeddedPostgresServer server = running.computeIfAbsent(dir, d -> start(d, port));
		server.users++;
		return server;
	}

	synchronized void release() {
		synchronized (EmbeddedPostgresServer.class) {
			if (--users > 0) {
				return;
			}
			running.remove(directory);
		}
		if (postgres != null) {
			try {
				postgres.close();
				log.info("Embedded PostgreSQL on {} stopped", directory);
			}
			catch (IOException ex) {
				log.warn("Embedded PostgreSQL on {} did not stop cleanly: {}", directory, ex.getMessage());
			}
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	private static EmbeddedPostgresServer start(Path dir, int port) {
		Optional<Integer> alreadyRunning = portOfLiveServer(dir);
		if (alreadyRunning.isPresent()) {
			log.info("Using the embedded PostgreSQL already running on {} (port {})", dir, alreadyRunning.get());
			return new EmbeddedPostgresServer(dir, null, alreadyRunning.get());
		}
		try {
			Files.createDirectories(dir);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("listen_addresses", "localhost")
				// Stopped by release() when the last application context closes. zonky's own JVM shutdown hook
				// would stop it concurrently with Spring's, while beans still use it on their way down.
				.setRegisterShutdownHook(false)
				.start();
			log.info("Embedded PostgreSQL started on {} (port {})", dir, postgres.getPort());
			return new EmbeddedPostgresServer(dir, postgres, postgres.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	/** PostgreSQL's {@code postmaster.pid}: line 1 is the process id, line 4 the port. */
	private static Optional<Integer> portOfLiveServer(Path dir) {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			long pid = Long.parseLong(lines.get(0).trim());
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}
}
