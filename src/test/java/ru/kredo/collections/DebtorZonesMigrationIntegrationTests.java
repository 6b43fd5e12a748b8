package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.Contact;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * The migration that moved where a debtor lives from his debts to him, run on a schema of its own holding debts as
 * they were: a debtor whose debts disagreed gets the zone of the one updated last.
 */
@IntegrationTest
class DebtorZonesMigrationIntegrationTests {

	private static final String SCHEMA = "debtor_zones_migration";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@AfterEach
	void dropSchema() {
		jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
	}

	@Test
	void aDebtorWhoseDebtsDisagreedTakesTheZoneOfTheOneUpdatedLast() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact moved = fixtures.contact(agency);
		Contact silent = fixtures.contact(agency);
		migrate("202612061630");
		copy("tenants", "id = ?", agency.tenant().id().value());
		copy("contacts", "id in (?, ?)", moved.id().value(), silent.id().value());
		UUID tenant = agency.tenant().id().value();
		debt(tenant, moved, "A-1", "Свердловская область", "Asia/Yekaterinburg", "2026-03-01T10:00:00Z", "2026-10-01T10:00:00Z");
		debt(tenant, moved, "A-2", "Приморский край", "Asia/Vladivostok", "2026-09-01T10:00:00Z", "2026-11-01T10:00:00Z");
		debt(tenant, moved, "A-3", null, null, "2026-11-20T10:00:00Z", null); // newest, but says nothing
		debt(tenant, silent, "B-1", null, null, "2026-01-01T10:00:00Z", null);

		migrate(null);

		Map<UUID, String> zones = jdbc.sql("select contact_id, region || ' / ' || time_zone as zone from %s.debtor_zones"
			.formatted(SCHEMA))
			.query((row, n) -> Map.entry(row.getObject("contact_id", UUID.class), row.getString("zone")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(zones).containsExactly(Map.entry(moved.id().value(), "Приморский край / Asia/Vladivostok"));
		assertThat(jdbc.sql("select count(*) from information_schema.columns where table_schema = ? and table_name = 'debts'"
				+ " and column_name in ('region', 'time_zone')").param(SCHEMA).query(Long.class).single()).isZero();
	}

	/** Copies rows of a table from the application's schema, by column name (their order may differ). */
	private void copy(String table, String where, Object... parameters) {
		String columns = String.join(", ", jdbc.sql("""
				select column_name from information_schema.columns where table_schema = ? and table_name = ?
				order by ordinal_position""")
			.params(SCHEMA, table)
			.query(String.class)
			.list());
		jdbc.sql("insert into %s.%s (%s) select %s from public.%s where %s".formatted(SCHEMA, table, columns, columns,
				table, where))
			.params(parameters)
			.update();
	}

	private void migrate(String target) {
		var configuration = Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.outOfOrder(true);
		(target == null ? configuration : configuration.target(target)).load().migrate();
	}

	private void debt(UUID tenant, Contact debtor, String contract, String region, String zone, String created,
			String updated) {
		jdbc.sql("""
				insert into %s.debts (id, tenant_id, contact_id, original_creditor, contract_number, contract_date,
				    state_duty, fees, interest, principal, penalties, original_total, created_at, updated_at, region,
				    time_zone)
				values (?, ?, ?, 'Банк', ?, date '2020-01-01', 0, 0, 0, 100, 0, 100, ?, ?, ?, ?)""".formatted(SCHEMA))
			.params(UUID.randomUUID(), tenant, debtor.id().value(), contract, Timestamp.from(Instant.parse(created)),
					updated == null ? null : Timestamp.from(Instant.parse(updated)), region, zone)
			.update();
	}
}
