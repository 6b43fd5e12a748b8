package ru.kredo.collections;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Where each debtor of an agency lives: his region and time zone, one per debtor and not per debt (the 230-ФЗ contact
 * hours are his local time, whichever debt they are about). Registries and the agency's forms say it; a statement
 * that names neither leaves what is known. Every debt of the debtor reads it ({@link Debt#region()},
 * {@link Debt#timeZone()}).
 */
@Service
public class DebtorZones {

	private final JdbcClient jdbc;
	private final Clock clock;

	DebtorZones(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Where a debtor lives: a region's name and its time zone, either {@code null} when unknown. */
	public record DebtorZone(String region, ZoneId timeZone) {

		public boolean isKnown() {
			return region != null || timeZone != null;
		}
	}

	/** Where the debtor lives, if anything is known. */
	public Optional<DebtorZone> find(TenantId tenant, ContactId debtor) {
		return jdbc.sql("select region, time_zone from debtor_zones where tenant_id = ? and contact_id = ?")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> new DebtorZone(row.getString("region"),
					row.getString("time_zone") == null ? null : ZoneId.of(row.getString("time_zone"))))
			.optional();
	}

	/** Records where debtors live, each replacing what was known of him; an unknown zone changes nothing. */
	public void record(TenantId tenant, Map<ContactId, DebtorZone> zones) {
		Map<ContactId, DebtorZone> known = zones.entrySet().stream()
			.filter(e -> e.getValue() != null && e.getValue().isKnown())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		if (known.isEmpty()) {
			return;
		}
		String[] contacts = new String[known.size()];
		String[] regions = new String[known.size()];
		String[] timeZones = new String[known.size()];
		int i = 0;
		for (Map.Entry<ContactId, DebtorZone> entry : known.entrySet()) {
			contacts[i] = entry.getKey().value().toString();
			regions[i] = entry.getValue().region();
			timeZones[i] = entry.getValue().timeZone() == null ? null : entry.getValue().timeZone().getId();
			i++;
		}
		jdbc.sql("""
				insert into debtor_zones (tenant_id, contact_id, region, time_zone, updated_at)
				select ?, z.contact_id::uuid, z.region, z.time_zone, ?
				from unnest(?::text[], ?::text[], ?::text[]) as z (contact_id, region, time_zone)
				on conflict (tenant_id, contact_id) do update set region = excluded.region,
				    time_zone = excluded.time_zone, updated_at = excluded.updated_at""")
			.params(tenant.value(), Timestamp.from(clock.instant()), contacts, regions, timeZones)
			.update();
	}

	/** Records where one debtor lives; nothing when both are {@code null}. */
	public void record(TenantId tenant, ContactId debtor, String region, ZoneId timeZone) {
		record(tenant, Map.of(debtor, new DebtorZone(region, timeZone)));
	}
}
