package ru.kredo.platform;

/**
 * Present when Kredo runs on its own embedded PostgreSQL rather than a configured one: its address, and the password
 * of its superuser {@code postgres} (kept in the data directory, {@code docs/configuration.md}).
 */
public record EmbeddedDatabase(String jdbcUrl, String password) {

	@Override
	public String toString() {
		return "EmbeddedDatabase[jdbcUrl=" + jdbcUrl + "]";
	}
}
