package ru.kredo.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIntegrationTests {

	@TempDir
	Path directory;

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

	private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
	}
}
