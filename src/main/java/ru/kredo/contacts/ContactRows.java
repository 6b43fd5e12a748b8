package ru.kredo.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantId;

/**
 * Writes many contacts in one statement each way (insert, complete) through {@code unnest} of column arrays: an
 * import of a million rows cannot afford a round trip per person. Identifiers are sealed and indexed as one by one.
 */
final class ContactRows {

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Contacts contacts;

	ContactRows(JdbcClient jdbc, PersonalData personalData, Contacts contacts) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.contacts = contacts;
	}

	void insert(Collection<Contact> added) {
		if (added.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into contacts (id, tenant_id, last_name, first_name, middle_name, birth_date, passport,
				    passport_index, inn, inn_index, snils, snils_index, phone, phone_index, email, name_dob_index, created_at,
				    external_id)
				select r.id::uuid, r.tenant_id::uuid, r.last_name, r.first_name, r.middle_name, r.birth_date, r.passport,
				    r.passport_index, r.inn, r.inn_index, r.snils, r.snils_index, r.phone, r.phone_index, r.email,
				    r.name_dob_index, r.created_at::timestamptz, r.external_id
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::bytea[],
				    ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::text[],
				    ?::text[])
				    as r (id, tenant_id, last_name, first_name, middle_name, birth_date, passport, passport_index, inn,
				    inn_index, snils, snils_index, phone, phone_index, email, name_dob_index, created_at, external_id)""")
			.params(params(texts(added, c -> c.id().toString()), texts(added, c -> c.tenantId().toString()),
					texts(added, c -> c.name().lastName()), texts(added, c -> c.name().firstName()),
					texts(added, c -> c.name().middleName()), bytes(added, c -> seal("birth_date", c.birthDate().toString())),
					identifiers(added), emails(added),
					bytes(added, c -> contacts.nameAndBirthDateIndex(c.name(), c.birthDate()).bytes()),
					texts(added, c -> c.createdAt().toString()), texts(added, Contact::externalId)))
			.update();
	}

	/** Writes the identifiers (and external id) {@code completed} contacts have gained; names and birth dates never change. */
	void complete(Collection<Contact> completed) {
		if (completed.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update contacts c set passport = u.passport, passport_index = u.passport_index, inn = u.inn,
				    inn_index = u.inn_index, snils = u.snils, snils_index = u.snils_index, phone = u.phone,
				    phone_index = u.phone_index, email = u.email, external_id = u.external_id
				from unnest(?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[],
				    ?::bytea[], ?::bytea[], ?::bytea[], ?::text[])
				    as u (id, tenant_id, passport, passport_index, inn, inn_index, snils, snils_index, phone, phone_index,
				    email, external_id)
				where c.tenant_id = u.tenant_id::uuid and c.id = u.id::uuid""")
			.params(params(texts(completed, c -> c.id().toString()), texts(completed, c -> c.tenantId().toString()),
					identifiers(completed), emails(completed), texts(completed, Contact::externalId)))
			.update();
	}

	/**
	 * Keeps the phones and e-mail addresses given for contacts beyond the one on their row: sealed, the phone indexed
	 * as the contact's own (a person is found by any of his numbers); one already kept for the contact is left as it
	 * is. Two statements, however many; each a microsecond after the one before it, to read back in file order.
	 */
	void keepOthers(List<Map.Entry<ContactId, PhoneNumber>> phones, List<Map.Entry<ContactId, String>> emails,
			TenantId tenant, Instant now) {
		if (!phones.isEmpty()) {
			jdbc.sql("""
					insert into contact_phones (tenant_id, contact_id, phone, phone_index, created_at)
					select ?, p.contact_id::uuid, p.phone, p.phone_index, ?::timestamptz + (p.n - 1) * interval '1 microsecond'
					from unnest(?::text[], ?::bytea[], ?::bytea[]) with ordinality as p (contact_id, phone, phone_index, n)
					on conflict do nothing""")
				.params(tenant.value(), Timestamp.from(now),
						phones.stream().map(p -> p.getKey().value().toString()).toArray(String[]::new),
						phones.stream().map(p -> seal("phones", p.getValue().e164())).toArray(byte[][]::new),
						phones.stream().map(p -> personalData.index("phone", p.getValue().e164()).bytes())
							.toArray(byte[][]::new))
				.update();
		}
		if (!emails.isEmpty()) {
			jdbc.sql("""
					insert into contact_emails (tenant_id, contact_id, email, email_index, created_at)
					select ?, e.contact_id::uuid, e.email, e.email_index, ?::timestamptz + (e.n - 1) * interval '1 microsecond'
					from unnest(?::text[], ?::bytea[], ?::bytea[]) with ordinality as e (contact_id, email, email_index, n)
					on conflict do nothing""")
				.params(tenant.value(), Timestamp.from(now),
						emails.stream().map(e -> e.getKey().value().toString()).toArray(String[]::new),
						emails.stream().map(e -> seal("emails", e.getValue())).toArray(byte[][]::new),
						emails.stream().map(e -> personalData.index("email", e.getValue().toLowerCase(Locale.ROOT)).bytes())
							.toArray(byte[][]::new))
				.update();
		}
	}

	/** Passport, ИНН, СНИЛС and phone, each sealed and with its blind index: eight array parameters. */
	private List<byte[][]> identifiers(Collection<Contact> all) {
		return List.of(
				bytes(all, c -> c.passport() == null ? null : seal("passport", c.passport().display())),
				bytes(all, c -> c.passport() == null ? null : contacts.passportIndex(c.passport()).bytes()),
				bytes(all, c -> c.inn() == null ? null : seal("inn", c.inn().value())),
				bytes(all, c -> c.inn() == null ? null : personalData.index("inn", c.inn().value()).bytes()),
				bytes(all, c -> c.snils() == null ? null : seal("snils", c.snils().value())),
				bytes(all, c -> c.snils() == null ? null : personalData.index("snils", c.snils().value()).bytes()),
				bytes(all, c -> c.phone() == null ? null : seal("phone", c.phone().e164())),
				bytes(all, c -> c.phone() == null ? null : personalData.index("phone", c.phone().e164()).bytes()));
	}

	/** E-mail addresses, sealed like the identifiers; nothing looks a contact up by one, so they have no index. */
	private byte[][] emails(Collection<Contact> all) {
		return bytes(all, c -> c.email() == null ? null : seal("email", c.email()));
	}

	/** The statement's parameters in order, a list (the identifiers' eight arrays) spread out. */
	private static List<Object> params(Object... values) {
		List<Object> params = new ArrayList<>();
		for (Object value : values) {
			if (value instanceof List<?> several) {
				params.addAll(several);
			}
			else {
				params.add(value);
			}
		}
		return params;
	}

	private byte[] seal(String column, String value) {
		return personalData.seal("contacts." + column, value).bytes();
	}

	private static String[] texts(Collection<Contact> all, Function<Contact, String> value) {
		return all.stream().map(value).toArray(String[]::new);
	}

	private static byte[][] bytes(Collection<Contact> all, Function<Contact, byte[]> value) {
		return all.stream().map(value).toArray(byte[][]::new);
	}
}
