package ru.kredo.platform;

/** Present when Kredo runs on its own embedded PostgreSQL rather than a configured one. */
public record EmbeddedDatabase(String jdbcUrl) {
}
