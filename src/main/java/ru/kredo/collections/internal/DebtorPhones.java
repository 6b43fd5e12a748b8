package ru.kredo.collections.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * The phones registries give for a debtor, beyond the one his contact keeps: sealed, indexed like a contact's phone
 * (so a number is kept once per debtor however many registries repeat it), written a batch at a time.
 */
@Repository
public class DebtorPhones {

	private static final String FIELD = "debtor_phones.phone";

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Clock clock;

	DebtorPhones(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	/** Keeps each debtor's numbers; ones already kept for him are left as they are. */
	void add(TenantId tenant, UUID importId, List<Map.Entry<ContactId, PhoneNumber>> phones) {
		if (phones.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into debtor_phones (tenant_id, contact_id, phone, phone_index, import_id, created_at)
				select ?, p.contact_id::uuid, p.phone, p.phone_index, ?, ?
				from unnest(?::text[], ?::bytea[], ?::bytea[]) as p (contact_id, phone, phone_index)
				on conflict do nothing""")
			.params(tenant.value(), importId, Timestamp.from(clock.instant()),
					phones.stream().map(p -> p.getKey().value().toString()).toArray(String[]::new),
					phones.stream().map(p -> personalData.seal(FIELD, p.getValue().e164()).bytes()).toArray(byte[][]::new),
					phones.stream().map(p -> personalData.index("phone", p.getValue().e164()).bytes()).toArray(byte[][]::new))
			.update();
	}

	/** The debtors a registry gave this number for. */
	public List<ContactId> debtorsAt(TenantId tenant, PhoneNumber phone) {
		return jdbc.sql("select contact_id from debtor_phones where tenant_id = ? and phone_index = ?")
			.params(tenant.value(), personalData.index("phone", phone.e164()).bytes())
			.query((row, n) -> new ContactId(row.getObject("contact_id", UUID.class)))
			.list();
	}

	/** The debtor's numbers from registries, oldest first. */
	public List<PhoneNumber> of(TenantId tenant, ContactId debtor) {
		return jdbc.sql("""
				select phone from debtor_phones where tenant_id = ? and contact_id = ? order by created_at, phone_index""")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> new PhoneNumber(personalData.open(FIELD, new Sealed(row.getBytes("phone")))))
			.list();
	}
}
