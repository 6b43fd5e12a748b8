package ru.kredo.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.IntegrationTest;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;

/** The migration that seals the e-mails already stored, run on a table shaped like contacts was before it. */
@IntegrationTest
class EmailSealingIntegrationTests {

	@Autowired
	V202612060800__contacts_seal_emails migration;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Test
	void sealsEveryClearAddressInBatchesAndLeavesNoClearColumn() throws Exception {
		String table = "email_sealing_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("create table " + table + " (id uuid primary key, email text)").update();
		List<UUID> ids = new ArrayList<>();
		int rows = V202612060800__contacts_seal_emails.BATCH + 5;
		for (int i = 0; i < rows; i++) {
			ids.add(UUID.randomUUID());
		}
		jdbc.sql("insert into " + table + " select id, 'person' || row_number() over () || '@example.ru' from unnest(?::uuid[]) id")
			.param(ids.toArray(UUID[]::new))
			.update();
		jdbc.sql("insert into " + table + " values (?, null)").param(UUID.randomUUID()).update();

		try (Connection connection = dataSource.getConnection()) {
			migration.seal(connection, table);
		}

		assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = ? and column_name = 'email'")
			.param(table).query(String.class).single()).isEqualTo("bytea");
		assertThat(jdbc.sql("select count(*) from " + table + " where position(convert_to('@example.ru', 'UTF8') in email) > 0").query(Long.class).single())
			.isZero();
		List<String> opened = jdbc.sql("select email from " + table + " where email is not null")
			.query((row, n) -> personalData.open("contacts.email", new Sealed(row.getBytes(1))))
			.list();
		assertThat(opened).hasSize(rows).contains("person1@example.ru", "person" + rows + "@example.ru");
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop table " + table);
		}
	}
}
