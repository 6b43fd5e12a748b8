package ru.kredo.collections.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * The phones registries give for a debtor, beyond the one his contact keeps: sealed, indexed like a contact's phone
 * (so a number is kept once per debtor however many registries repeat it), written a batch at a time. Also the phones
 * a bureau gives for him (issue 14: source {@code BUREAU}, with the signal and event they came from), which he
 * confirms by signing in to the cabinet with them.
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

	/**
	 * Keeps a phone a bureau gave for the debtor, not confirmed; false, and nothing changed, if he has it already (from
	 * a registry, or the bureau before).
	 */
	public boolean addFromBureau(TenantId tenant, ContactId debtor, PhoneNumber phone, UUID signalId, long eventId) {
		return jdbc.sql("""
				insert into debtor_phones (tenant_id, contact_id, phone, phone_index, created_at, source, signal_id, event_id)
				values (?, ?, ?, ?, ?, 'BUREAU', ?, ?)
				on conflict do nothing""")
			.params(tenant.value(), debtor.value(), personalData.seal(FIELD, phone.e164()).bytes(),
					personalData.index("phone", phone.e164()).bytes(), Timestamp.from(clock.instant()), signalId, eventId)
			.update() == 1;
	}

	/** Marks the debtor's bureau phone with this index confirmed now; false if there is none waiting to be. */
	public boolean confirm(TenantId tenant, ContactId debtor, BlindIndex phoneIndex) {
		return jdbc.sql("""
				update debtor_phones set confirmed_at = ?
				where tenant_id = ? and contact_id = ? and phone_index = ? and source = 'BUREAU' and confirmed_at is null""")
			.params(Timestamp.from(clock.instant()), tenant.value(), debtor.value(), phoneIndex.bytes())
			.update() == 1;
	}

	/** The debtor's numbers, oldest first, each with where it came from and, for a bureau's, when he confirmed it. */
	public List<Listed> listed(TenantId tenant, ContactId debtor) {
		return jdbc.sql("""
				select phone, source, confirmed_at from debtor_phones where tenant_id = ? and contact_id = ?
				order by created_at, phone_index""")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> new Listed(new PhoneNumber(personalData.open(FIELD, new Sealed(row.getBytes("phone")))),
					"BUREAU".equals(row.getString("source")),
					row.getTimestamp("confirmed_at") == null ? null : row.getTimestamp("confirmed_at").toInstant()))
			.list();
	}

	/**
	 * One of the debtor's numbers.
	 *
	 * @param fromBureau given by a bureau's event (else by a registry)
	 * @param confirmedAt when he confirmed a bureau's number by signing in with it; {@code null} while he has not
	 */
	public record Listed(PhoneNumber phone, boolean fromBureau, Instant confirmedAt) {
	}

	/** The debtor's number from a bureau, as {@link #listed} gives it; none if no bureau gave it for him. */
	public java.util.Optional<Listed> fromBureau(TenantId tenant, ContactId debtor, PhoneNumber phone) {
		return jdbc.sql("""
				select confirmed_at from debtor_phones
				where tenant_id = ? and contact_id = ? and phone_index = ? and source = 'BUREAU'""")
			.params(tenant.value(), debtor.value(), personalData.index("phone", phone.e164()).bytes())
			.query((row, n) -> new Listed(phone, true,
					row.getTimestamp("confirmed_at") == null ? null : row.getTimestamp("confirmed_at").toInstant()))
			.optional();
	}

	/** The debtors a registry (or a bureau) gave this number for. */
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
