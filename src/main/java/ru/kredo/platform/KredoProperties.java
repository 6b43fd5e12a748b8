package ru.kredo.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kredo's own settings.
 *
 * @param dataDirectory where the embedded database and generated keys live ({@code ./data} by default)
 * @param embeddedDatabasePort the port the embedded PostgreSQL listens on, on loopback
 * @param demo whether to load the demo tenants; unset means "only with the embedded database"
 */
@ConfigurationProperties("kredo")
public record KredoProperties(
		@DefaultValue("data") Path dataDirectory,
		@DefaultValue("54329") int embeddedDatabasePort,
		Boolean demo) {
}
