package ru.kredo.collections;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.documents.Agency;
import ru.kredo.tenancy.TenantId;

/** An agency's legal details for its documents; validated as {@link Agency} (ИНН, ОГРН) before they are kept. */
@Service
public class AgencyRequisites {

	private final JdbcClient jdbc;
	private final Clock clock;

	AgencyRequisites(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Agency> of(TenantId tenant) {
		return jdbc.sql("select full_name, inn, ogrn, address, phone from agency_requisites where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> new Agency(row.getString("full_name"), row.getString("inn"), row.getString("ogrn"),
					row.getString("address"), row.getString("phone")))
			.optional();
	}

	public Agency save(TenantId tenant, Agency agency) {
		jdbc.sql("""
				insert into agency_requisites (tenant_id, full_name, inn, ogrn, address, phone, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id) do update set full_name = excluded.full_name, inn = excluded.inn,
				    ogrn = excluded.ogrn, address = excluded.address, phone = excluded.phone, updated_at = excluded.updated_at""")
			.params(tenant.value(), agency.fullName(), agency.inn(), agency.ogrn(), agency.address(), agency.phone(),
					Timestamp.from(clock.instant()))
			.update();
		return agency;
	}
}
