package ru.kredo.platform.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ru.kredo.platform.EmbeddedDatabase;
import ru.kredo.platform.KredoProperties;

/**
 * With no {@code spring.datasource.url}, Kredo runs its own PostgreSQL with its data under
 * {@code kredo.data-directory}/postgres, so a fresh machine needs nothing installed and a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "release")
	EmbeddedPostgresServer embeddedPostgresServer(KredoProperties properties) {
		return EmbeddedPostgresServer.acquire(properties.dataDirectory().resolve("postgres"),
				properties.embeddedDatabasePort());
	}

	@Bean
	EmbeddedDatabase embeddedDatabase(EmbeddedPostgresServer server) {
		return new EmbeddedDatabase(server.jdbcUrl(), server.password());
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedDatabase database) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.jdbcUrl());
		config.setUsername("postgres");
		config.setPassword(database.password());
		// Every session commits durably, whatever a per-database or per-role setting left in the directory says: those
		// outrank the server's own synchronous_commit=on, and only the client's options outrank them.
		config.addDataSourceProperty("options", "-c synchronous_commit=on");
		config.setPoolName("kredo-embedded");
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}
}
