package ru.kredo.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

class EmbeddedPostgresServerIntegrationTests {

	@TempDir
	Path root;

	// In a folder of its own: the password is kept beside it (ServerPassword).
	Path directory;

	@BeforeEach
	void directory() {
		directory = root.resolve("postgres");
	}

	@Test
	void keepsItsDataAcrossARestart() throws SQLException {
		EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(directory, 0);
		try (Connection connection = connect(first); Statement sql = connection.createStatement()) {
			sql.execute("create table kept (value text)");
			sql.execute("insert into kept values ('сохранено')");
		}
		first.release();

		EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(directory, 0);
		try (Connection connection = connect(second); Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("select value from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("сохранено");
		}
		finally {
			second.release();
		}
	}

	@Test
	void contextsOfOneProcessShareOneServerUntilTheLastLetsGo() throws SQLException {
		EmbeddedPostgresServer one = EmbeddedPostgresServer.acquire(directory, 0);
		EmbeddedPostgresServer two = EmbeddedPostgresServer.acquire(directory, 0);
		assertThat(two).isSameAs(one);

		one.release();
		try (Connection stillUp = connect(two)) {
			assertThat(stillUp.isValid(2)).isTrue();
		}
		two.release();
	}

	@Test
	void isAsDurableAsAnOrdinaryPostgresql() throws SQLException {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(directory, 0);
		try (Connection connection = connect(server); Statement sql = connection.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet row = sql.executeQuery("show " + setting)) {
					row.next();
					assertThat(row.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
		finally {
			server.release();
		}
	}

	@Test
	void refusesAPortAnotherServerListensOnNamingThePortAndTheFix(@TempDir Path otherRoot) throws SQLException {
		Path other = otherRoot.resolve("postgres");
		EmbeddedPostgresServer foreign = EmbeddedPostgresServer.acquire(other, 0);
		try {
			int port = port(foreign);

			assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(directory, port))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Port " + port)
				.hasMessageContaining("kredo.embedded-database-port");
			assertThat(EmbeddedPostgresServer.livePostmaster(directory)).isEmpty();
		}
		finally {
			foreign.release();
		}
	}

	@Test
	void neverUsesNorStopsAServerOfAnotherDirectoryThatAPidFileNames(@TempDir Path otherRoot) throws IOException, SQLException {
		Path other = otherRoot.resolve("postgres");
		EmbeddedPostgresServer foreign = EmbeddedPostgresServer.acquire(other, 0);
		try {
			Files.createDirectories(directory);
			// Our directory's pid file names the other directory's live server (copied over, a reused pid and port).
			Files.copy(other.resolve("postmaster.pid"), directory.resolve("postmaster.pid"));

			// As if its owner had died: it would be stopped as an orphan, but it is not ours (nor is its password).
			assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(directory, 0))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("another directory's server")
				.hasMessageContaining("kredo.embedded-database-port");
			// As if its owner were alive: it would be shared, but it is not ours.
			try (FileChannel channel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock held = channel.lock()) {
				assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(directory, 0))
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("another directory's server");
			}
			try (Connection stillUp = connect(foreign)) {
				assertThat(stillUp.isValid(2)).isTrue();
			}
		}
		finally {
			foreign.release();
		}
	}

	@Test
	void sharesTheServerOfALiveKredoAndAfterItIsKilledStopsTheOrphanAndRunsItsOwn() throws Exception {
		Process kredo = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
				System.getProperty("java.class.path"), EmbeddedPostgresProcess.class.getName(), directory.toString())
			.redirectErrorStream(true)
			.start();
		try {
			String url = readyUrl(kredo);
			EmbeddedPostgresServer.Postmaster started = EmbeddedPostgresServer.livePostmaster(directory).orElseThrow();

			// The other process lives: its server is shared, and left running when we let go.
			EmbeddedPostgresServer shared = EmbeddedPostgresServer.acquire(directory, 0);
			assertThat(shared.jdbcUrl()).isEqualTo(url);
			shared.release();
			assertThat(started.process().isAlive()).isTrue();

			// kill -9: its PostgreSQL runs on, looked after by no one.
			kredo.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			assertThat(started.process().isAlive()).isTrue();

			EmbeddedPostgresServer own = EmbeddedPostgresServer.acquire(directory, 0);
			try (Connection connection = connect(own)) {
				assertThat(connection.isValid(2)).isTrue();
			}
			assertThat(started.process().isAlive()).as("the orphan is stopped").isFalse();
			EmbeddedPostgresServer.Postmaster fresh = EmbeddedPostgresServer.livePostmaster(directory).orElseThrow();
			assertThat(fresh.process().pid()).isNotEqualTo(started.process().pid());

			own.release();
			assertThat(fresh.process().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
			assertThat(EmbeddedPostgresServer.livePostmaster(directory)).isEmpty();
		}
		finally {
			kredo.destroyForcibly();
			EmbeddedPostgresServer.livePostmaster(directory).ifPresent(left -> left.process().destroy());
		}
	}

	@Test
	void nobodyConnectsWithoutThePasswordNeitherByTcpNorByTheSocket() throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(directory, 0);
		try {
			// Any local user could connect as the superuser and read keys.properties with pg_read_file.
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "guess").close())
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
			try (Connection connection = connect(server)) {
				assertThat(connection.isValid(2)).isTrue();
			}
			assertThat(Files.readAllLines(directory.resolve("pg_hba.conf")).stream()
				.filter(line -> !line.isBlank() && !line.startsWith("#")))
				.hasSize(3)
				.allMatch(line -> line.endsWith("scram-sha-256"));
			assertThat(Files.getPosixFilePermissions(root.resolve("postgres.password")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			try (var files = Files.list(root)) {
				assertThat(files.map(f -> f.getFileName().toString())).as("initdb's password file is gone")
					.containsExactlyInAnyOrder("postgres", "postgres.password");
			}
		}
		finally {
			server.release();
		}
	}

	@Test
	void aDirectoryAnOlderVersionMadeWithoutAPasswordGetsOneAndKeepsItsData() throws Exception {
		// As every earlier version made it: the library's initdb -A trust.
		Files.createDirectories(directory);
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
			.setPort(0).setRegisterShutdownHook(false).start();
				Connection connection = old.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("create table kept (value text)");
			sql.execute("insert into kept values ('сохранено')");
		}
		assertThat(ServerPassword.trusts(directory)).isTrue();

		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(directory, 0);
		try {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			try (Connection connection = connect(server); Statement sql = connection.createStatement();
					ResultSet rows = sql.executeQuery("select value from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("сохранено");
			}
		}
		finally {
			server.release();
		}
		assertThat(ServerPassword.trusts(directory)).isFalse();

		EmbeddedPostgresServer again = EmbeddedPostgresServer.acquire(directory, 0);
		try (Connection connection = connect(again)) {
			assertThat(connection.isValid(2)).as("the same password, kept").isTrue();
		}
		finally {
			again.release();
		}
	}

	@Test
	void aLostPasswordStopsTheStartSayingHowToRecover() throws Exception {
		EmbeddedPostgresServer.acquire(directory, 0).release();
		Files.delete(root.resolve("postgres.password"));

		assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(directory, 0))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(root.resolve("postgres.password").toString())
			.hasMessageContaining("host all postgres 127.0.0.1/32 trust");

		// The way out it names: a trusting pg_hba.conf for one start, and a new password is set.
		Files.writeString(directory.resolve("pg_hba.conf"), "host all postgres 127.0.0.1/32 trust\n");
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(directory, 0);
		try (Connection connection = connect(server)) {
			assertThat(connection.isValid(2)).isTrue();
		}
		finally {
			server.release();
		}
	}

	@Test
	void startsWhenAPidFileLeftByACrashNamesAProcessThatIsNoPostgresql() throws Exception {
		EmbeddedPostgresServer.acquire(directory, 0).release();
		// After a power loss or a container's restart the old postmaster's pid is another program's.
		Process other = new ProcessBuilder("sleep", "120").start();
		try {
			Files.writeString(directory.resolve("postmaster.pid"), other.pid() + "\n" + directory + "\n1700000000\n"
					+ "54329\n/tmp\nlocalhost\n");

			EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(directory, 0);
			try (Connection connection = connect(server)) {
				assertThat(connection.isValid(2)).isTrue();
			}
			finally {
				server.release();
			}
			assertThat(other.isAlive()).as("the other program is left alone").isTrue();
		}
		finally {
			other.destroyForcibly();
		}
	}

	@Test
	void staysDurableWhateverAnOldDirectorysSettingsSay() throws Exception {
		EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(directory, 0);
		try (Connection connection = connect(first); Statement sql = connection.createStatement()) {
			// postgresql.auto.conf, as a tuning script or an older version may have left it, and per-database and
			// per-role settings, which outrank the server's command line for every session.
			sql.execute("alter system set fsync = off");
			sql.execute("alter system set synchronous_commit = off");
			sql.execute("alter system set full_page_writes = off");
			sql.execute("alter database postgres set synchronous_commit = off");
			sql.execute("alter role postgres set synchronous_commit = off");
		}
		first.release();

		EmbeddedPostgresServer again = EmbeddedPostgresServer.acquire(directory, 0);
		try (HikariDataSource pool = (HikariDataSource) new EmbeddedDatabaseConfiguration()
			.dataSource(new ru.kredo.platform.EmbeddedDatabase(again.jdbcUrl(), again.password()));
				Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "data_checksums")) {
				try (ResultSet row = sql.executeQuery("show " + setting)) {
					row.next();
					assertThat(row.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
		finally {
			again.release();
		}
	}

	private static String readyUrl(Process process) throws IOException {
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			if (line.startsWith("READY ")) {
				return line.substring("READY ".length());
			}
			seen.append(line).append('\n');
		}
		throw new AssertionError("the other process ended before its server started:\n" + seen);
	}

	private static int port(EmbeddedPostgresServer server) {
		String url = server.jdbcUrl();
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
	}

	private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
	}
}
