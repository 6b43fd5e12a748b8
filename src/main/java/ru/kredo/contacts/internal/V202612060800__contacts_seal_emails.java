package ru.kredo.contacts.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import ru.kredo.privacy.PersonalData;

/**
 * Seals the contacts' e-mail addresses, until now the one identifier stored in the clear: a Flyway migration in Java
 * because SQL cannot seal (the key lives in the application, never in the database).
 * <p>
 * It is a Spring bean: Spring Boot hands every {@code JavaMigration} bean to Flyway, so the migration gets the
 * configured {@link PersonalData} (and so the keys of {@code kredo.crypto.*} or the generated ones) before any other
 * code touches the table. It runs in Flyway's transaction (PostgreSQL migrates transactionally): a new column is
 * filled in batches of {@value #BATCH} rows, the clear column dropped and the new one renamed, all or nothing, so no
 * state exists in which some addresses are clear and the code expects sealed ones. It holds the table's lock until it
 * commits: about a second per 100,000 contacts with e-mail.
 * <p>
 * Nothing looks a contact up by e-mail (people are matched by passport or ФИО and birth date), so there is no blind
 * index. Staff users' e-mails ({@code users.email}) are their logins, searched at every sign-in, and are not
 * personal data of the people Kredo watches: they stay as they are.
 */
@Component
class V202612060800__contacts_seal_emails extends BaseJavaMigration {

	static final int BATCH = 10_000;

	private final PersonalData personalData;

	V202612060800__contacts_seal_emails(PersonalData personalData) {
		this.personalData = personalData;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		seal(context.getConnection(), "contacts");
	}

	/** Seals {@code table}'s text column {@code email} into a {@code bytea} one of the same name. */
	void seal(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table " + table + " add column email_sealed bytea");
		}
		UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: the least of all
		try (PreparedStatement read = connection.prepareStatement("select id, email from " + table
				+ " where email is not null and id > ? order by id limit " + BATCH);
				PreparedStatement write = connection.prepareStatement("update " + table + " set email_sealed = ? where id = ?")) {
			boolean more = true;
			while (more) {
				read.setObject(1, after);
				int rows = 0;
				try (ResultSet row = read.executeQuery()) {
					while (row.next()) {
						after = row.getObject("id", UUID.class);
						String email = row.getString("email").strip();
						write.setBytes(1, email.isEmpty() ? null : personalData.seal("contacts.email", email).bytes());
						write.setObject(2, after);
						write.addBatch();
						rows++;
					}
				}
				write.executeBatch();
				more = rows == BATCH;
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table " + table + " drop column email");
			statement.execute("alter table " + table + " rename column email_sealed to email");
		}
	}
}
