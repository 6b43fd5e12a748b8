package ru.kredo.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * A tenant's contacts. Identifiers are sealed on the way in and opened on the way out; lookups go through blind
 * indexes. Every call names the tenant.
 */
@Service
public class Contacts {

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Clock clock;
	private final ContactRows rows;
	private final PersonKeys keys;

	Contacts(JdbcClient jdbc, PersonalData personalData, PersonKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.keys = keys;
		this.clock = clock;
		this.rows = new ContactRows(jdbc, personalData, this);
	}

	@Transactional
	public Contact add(TenantId tenant, FullName name, LocalDate birthDate, PassportNumber passport, Inn inn,
			Snils snils, PhoneNumber phone, String email) {
		Contact contact = newContact(tenant, new PersonDetails(name, birthDate, passport, inn, snils, phone, email));
		rows.insert(List.of(contact));
		return contact;
	}

	/**
	 * The tenant's contact for each person, matched by passport or else by ФИО + date of birth: an existing one
	 * takes the identifiers it did not have yet, a new one is added. Re-adding a person never duplicates him. The
	 * result is in the order of {@code people}; people who are one person get the same contact. The writes are
	 * gathered and made in two statements, whatever the number of people.
	 * <p>
	 * A person's {@code externalId} (his row's id in the tenant's own system) is kept on his contact, replacing the
	 * one it had; an id another contact (another person) holds is refused, as is one given to two people here.
	 *
	 * @throws InvalidFields {@code contact.external-id-taken} on {@code externalId}, with nothing written
	 */
	@Transactional
	public List<Contact> addOrFind(TenantId tenant, List<PersonDetails> people) {
		Matched matched = match(tenant, people);
		if (!matched.taken().isEmpty()) {
			throw new InvalidFields(Map.of("externalId", new Rejected("contact.external-id-taken")));
		}
		try {
			rows.insert(matched.added());
			rows.complete(matched.completed());
		}
		catch (DuplicateKeyException raced) {
			// Another transaction gave the id to another person after it was looked up: refused as if seen in time.
			if (String.valueOf(raced.getMessage()).contains("contacts_external_id_idx")) {
				throw new InvalidFields(Map.of("externalId", new Rejected("contact.external-id-taken")));
			}
			throw raced;
		}
		keepOthers(tenant, people, matched.result());
		return matched.result();
	}

	/**
	 * The positions in {@code people} whose {@code externalId} {@link #addOrFind} would refuse, because another
	 * contact of the tenant holds it (or an earlier one of {@code people}, another person): for an upload to reject
	 * those rows and keep the others. Writes nothing.
	 */
	public java.util.Set<Integer> externalIdsTaken(TenantId tenant, List<PersonDetails> people) {
		return match(tenant, people).taken();
	}

	private record Matched(List<Contact> result, java.util.Collection<Contact> added,
			java.util.Collection<Contact> completed, java.util.Set<Integer> taken) {
	}

	private Matched match(TenantId tenant, List<PersonDetails> people) {
		Map<BlindIndex, Contact> byPassport = new HashMap<>();
		Map<BlindIndex, Contact> byNameAndBirthDate = new HashMap<>();
		for (Contact existing : findByIndexes(tenant, people)) {
			remember(existing, byPassport, byNameAndBirthDate);
		}
		Map<String, ContactId> holders = holders(tenant, people);
		java.util.Set<Integer> taken = new java.util.TreeSet<>();
		Map<ContactId, Contact> added = new LinkedHashMap<>();
		Map<ContactId, Contact> completed = new LinkedHashMap<>();
		List<Contact> result = new ArrayList<>(people.size());
		for (int i = 0; i < people.size(); i++) {
			PersonDetails person = people.get(i);
			Contact found = person.passport() == null ? null : byPassport.get(passportIndex(person.passport()));
			if (found == null) {
				found = byNameAndBirthDate.get(nameAndBirthDateIndex(person.name(), person.birthDate()));
				// Namesakes born the same day with different passports are two people, as in matching events.
				if (found != null && found.passport() != null && person.passport() != null
						&& !found.passport().equals(person.passport())) {
					found = null;
				}
			}
			ContactId holder = person.externalId() == null ? null : holders.get(person.externalId());
			if (holder != null && (found == null || !holder.equals(found.id()))) {
				// Another person's id in the tenant's system: never moved to this one, never given twice.
				taken.add(i);
				person = person.withExternalId(null);
			}
			Contact contact = found == null ? newContact(tenant, person) : completed(found, person);
			if (contact != found) {
				// One added in this very call and completed by a later person is still to be inserted, whole.
				(found == null || added.containsKey(contact.id()) ? added : completed).put(contact.id(), contact);
			}
			if (contact.externalId() != null) {
				if (found != null && found.externalId() != null && !found.externalId().equals(contact.externalId())) {
					holders.remove(found.externalId());
				}
				holders.put(contact.externalId(), contact.id());
			}
			remember(contact, byPassport, byNameAndBirthDate);
			result.add(contact);
		}
		return new Matched(result, added.values(), completed.values(), taken);
	}

	/** Which contact of the tenant holds each external id the people give: one query, none when none is given. */
	private Map<String, ContactId> holders(TenantId tenant, List<PersonDetails> people) {
		String[] ids = people.stream().map(PersonDetails::externalId).filter(java.util.Objects::nonNull).distinct()
			.toArray(String[]::new);
		Map<String, ContactId> holders = new HashMap<>();
		if (ids.length > 0) {
			jdbc.sql("select id, external_id from contacts where tenant_id = ? and external_id = any(?::text[])")
				.params(tenant.value(), ids)
				.query(row -> {
					holders.put(row.getString("external_id"), new ContactId(row.getObject("id", UUID.class)));
				});
		}
		return holders;
	}

	/** The contact's id in the tenant's own system, or {@code null}; nothing opened. */
	public String externalId(TenantId tenant, ContactId id) {
		return jdbc.sql("select external_id from contacts where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query((row, n) -> java.util.Optional.ofNullable(row.getString("external_id")))
			.optional()
			.orElseThrow(() -> new NotFound("contact.not-found", id))
			.orElse(null);
	}

	/** The tenant's contact whose row in the tenant's own system has this id, if one has. */
	public Optional<Contact> findByExternalId(TenantId tenant, String externalId) {
		String id = externalId == null ? null : externalId.strip();
		return jdbc.sql("select * from contacts where tenant_id = ? and external_id = ?")
			.params(tenant.value(), id)
			.query(this::contact)
			.optional();
	}

	/**
	 * The tenant's contact whose row in the tenant's own system has this id.
	 *
	 * @throws NotFound {@code contact.not-found} when no contact of the tenant has it (another tenant's never counts)
	 */
	public Contact byExternalId(TenantId tenant, String externalId) {
		return findByExternalId(tenant, externalId).orElseThrow(() -> new NotFound("contact.not-found", externalId));
	}

	/** Every phone and address the people came with that their contacts' rows do not hold already. */
	private void keepOthers(TenantId tenant, List<PersonDetails> people, List<Contact> contacts) {
		List<Map.Entry<ContactId, PhoneNumber>> phones = new ArrayList<>();
		List<Map.Entry<ContactId, String>> emails = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			Contact contact = contacts.get(i);
			for (PhoneNumber phone : people.get(i).phones()) {
				if (!phone.equals(contact.phone())) {
					phones.add(Map.entry(contact.id(), phone));
				}
			}
			PersonDetails person = people.get(i);
			java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(person.email()), person.otherEmails().stream())
				.filter(email -> !email.equalsIgnoreCase(contact.email()))
				.forEach(email -> emails.add(Map.entry(contact.id(), email)));
		}
		rows.keepOthers(phones, emails, tenant, clock.instant());
	}

	/** Every phone known for the contact: the one on his row first, then the others files gave, oldest first. */
	public List<PhoneNumber> phones(TenantId tenant, ContactId id) {
		List<PhoneNumber> phones = new ArrayList<>();
		Optional.ofNullable(get(tenant, id).phone()).ifPresent(phones::add);
		jdbc.sql("select phone from contact_phones where tenant_id = ? and contact_id = ? order by created_at, phone_index")
			.params(tenant.value(), id.value())
			.query((row, n) -> new PhoneNumber(open("phones", row.getBytes("phone"))))
			.list()
			.stream().filter(p -> !phones.contains(p)).forEach(phones::add);
		return phones;
	}

	/**
	 * Makes this number the one on the contact's row — the phone Kredo's texts and an operator's calls go to — and keeps
	 * the number the row had among his others, so that nothing known of him is lost and he still signs in with it
	 * (issue 14: an operator makes a bureau's phone the debtor's own). Nothing changes when it is his row's already.
	 *
	 * @return whether the row changed
	 */
	@Transactional
	public boolean makePhoneOwn(TenantId tenant, ContactId id, PhoneNumber phone) {
		Contact contact = get(tenant, id);
		if (phone.equals(contact.phone())) {
			return false;
		}
		if (contact.phone() != null) {
			rows.keepOthers(List.of(Map.entry(id, contact.phone())), List.of(), tenant, clock.instant());
		}
		byte[] index = personalData.index("phone", phone.e164()).bytes();
		jdbc.sql("update contacts set phone = ?, phone_index = ? where tenant_id = ? and id = ?")
			.params(seal("phone", phone.e164()), index, tenant.value(), id.value())
			.update();
		// On his row now, it is no longer one of his others.
		jdbc.sql("delete from contact_phones where tenant_id = ? and contact_id = ? and phone_index = ?")
			.params(tenant.value(), id.value(), index)
			.update();
		return true;
	}

	/** Every e-mail address known for the contact, the one on his row first. */
	public List<String> emails(TenantId tenant, ContactId id) {
		List<String> emails = new ArrayList<>();
		Optional.ofNullable(get(tenant, id).email()).ifPresent(emails::add);
		jdbc.sql("select email from contact_emails where tenant_id = ? and contact_id = ? order by created_at, email_index")
			.params(tenant.value(), id.value())
			.query((row, n) -> open("emails", row.getBytes("email")))
			.list()
			.stream().filter(e -> emails.stream().noneMatch(e::equalsIgnoreCase)).forEach(emails::add);
		return emails;
	}

	/**
	 * Every phone of each of these contacts, his own first, each once, in the order of {@link #phones}: for an export
	 * of many, one query for all their other phones.
	 */
	public Map<ContactId, List<PhoneNumber>> phones(TenantId tenant, List<Contact> people) {
		Map<ContactId, List<PhoneNumber>> all = new HashMap<>();
		people.forEach(c -> all.put(c.id(), new ArrayList<>(c.phone() == null ? List.of() : List.of(c.phone()))));
		jdbc.sql("select contact_id, phone from contact_phones where tenant_id = ? order by created_at, phone_index")
			.param(tenant.value())
			.query((row, n) -> {
				List<PhoneNumber> his = all.get(new ContactId(row.getObject("contact_id", UUID.class)));
				if (his != null) {
					PhoneNumber phone = new PhoneNumber(open("phones", row.getBytes("phone")));
					if (!his.contains(phone)) {
						his.add(phone);
					}
				}
				return null;
			})
			.list();
		return all;
	}

	/** Every e-mail address of each of these contacts, his own first, each once, as {@link #emails} gives them. */
	public Map<ContactId, List<String>> emails(TenantId tenant, List<Contact> people) {
		Map<ContactId, List<String>> all = new HashMap<>();
		people.forEach(c -> all.put(c.id(), new ArrayList<>(c.email() == null ? List.of() : List.of(c.email()))));
		jdbc.sql("select contact_id, email from contact_emails where tenant_id = ? order by created_at, email_index")
			.param(tenant.value())
			.query((row, n) -> {
				List<String> his = all.get(new ContactId(row.getObject("contact_id", UUID.class)));
				if (his != null) {
					String email = open("emails", row.getBytes("email"));
					if (his.stream().noneMatch(email::equalsIgnoreCase)) {
						his.add(email);
					}
				}
				return null;
			})
			.list();
		return all;
	}

	private List<Contact> findByIndexes(TenantId tenant, List<PersonDetails> people) {
		byte[][] passports = people.stream().filter(p -> p.passport() != null)
			.map(p -> passportIndex(p.passport()).bytes()).toArray(byte[][]::new);
		byte[][] namesAndDates = people.stream()
			.map(p -> nameAndBirthDateIndex(p.name(), p.birthDate()).bytes()).toArray(byte[][]::new);
		return jdbc.sql("""
				select * from contacts where tenant_id = ?
				and (passport_index = any(?) or name_dob_index = any(?))""")
			.params(tenant.value(), passports, namesAndDates)
			.query(this::contact)
			.list();
	}

	private void remember(Contact contact, Map<BlindIndex, Contact> byPassport, Map<BlindIndex, Contact> byNameAndBirthDate) {
		if (contact.passport() != null) {
			byPassport.put(passportIndex(contact.passport()), contact);
		}
		byNameAndBirthDate.put(nameAndBirthDateIndex(contact.name(), contact.birthDate()), contact);
	}

	/** Fills identifiers the contact lacks; never overwrites a known one (a typo in a file must not replace it). */
	private Contact completed(Contact found, PersonDetails person) {
		if ((found.passport() != null || person.passport() == null) && (found.inn() != null || person.inn() == null)
				&& (found.snils() != null || person.snils() == null) && (found.phone() != null || person.phone() == null)
				&& (found.email() != null || person.email() == null)
				&& (person.externalId() == null || person.externalId().equals(found.externalId()))) {
			return found;
		}
		PassportNumber passport = found.passport() != null ? found.passport() : person.passport();
		Inn inn = found.inn() != null ? found.inn() : person.inn();
		Snils snils = found.snils() != null ? found.snils() : person.snils();
		PhoneNumber phone = found.phone() != null ? found.phone() : person.phone();
		String email = found.email() != null ? found.email() : person.email();
		// The tenant's system is the authority on its own ids: the newest one given replaces the one kept.
		String externalId = person.externalId() != null ? person.externalId() : found.externalId();
		return new Contact(found.id(), found.tenantId(), found.name(), found.birthDate(), passport, inn, snils, phone,
				email, found.createdAt(), externalId);
	}

	private Contact newContact(TenantId tenant, PersonDetails person) {
		return new Contact(new ContactId(UUID.randomUUID()), tenant, person.name(), person.birthDate(),
				person.passport(), person.inn(), person.snils(), person.phone(), person.email(), clock.instant(),
				person.externalId());
	}

	public Contact get(TenantId tenant, ContactId id) {
		return jdbc.sql("select * from contacts where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(this::contact)
			.optional()
			.orElseThrow(() -> new NotFound("contact.not-found", id));
	}

	/** Only the contact's name, with nothing opened: for pages that greet a person and show none of his identifiers. */
	public FullName name(TenantId tenant, ContactId id) {
		return jdbc.sql("select last_name, first_name, middle_name from contacts where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query((row, n) -> new FullName(row.getString("last_name"), row.getString("first_name"),
					row.getString("middle_name")))
			.optional()
			.orElseThrow(() -> new NotFound("contact.not-found", id));
	}

	/**
	 * The names of the tenant's contacts {@code ids}, in one statement whatever their number: for a list that shows a
	 * name per line ({@link #name} per line would read them one by one).
	 *
	 * @throws NotFound when one of them is not the tenant's
	 */
	public Map<ContactId, FullName> names(TenantId tenant, java.util.Collection<ContactId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<ContactId, FullName> names = new HashMap<>();
		jdbc.sql("select id, last_name, first_name, middle_name from contacts where tenant_id = ? and id = any(?::uuid[])")
			.params(tenant.value(), ids.stream().map(id -> id.value().toString()).distinct().toArray(String[]::new))
			.query(row -> {
				names.put(new ContactId(row.getObject("id", UUID.class)), new FullName(row.getString("last_name"),
						row.getString("first_name"), row.getString("middle_name")));
			});
		ids.stream().filter(id -> !names.containsKey(id)).findFirst().ifPresent(missing -> {
			throw new NotFound("contact.not-found", missing);
		});
		return names;
	}

	/** What was typed in a list's search box, read as a search for a person ({@link PersonSearch}). */
	public PersonSearch searchFor(String query) {
		return new PersonSearch(query, this);
	}

	BlindIndex phoneIndex(PhoneNumber phone) {
		return personalData.index("phone", phone.e164());
	}

	/** The contacts {@code query} finds ({@link PersonSearch}: ФИО in any order, phone, passport), by name. */
	public List<ContactSummary> search(TenantId tenant, String query, int offset, int limit) {
		PersonSearch search = searchFor(query);
		return jdbc.sql("""
				select c.id, c.last_name, c.first_name, c.middle_name, c.phone, c.passport_index is not null as has_passport, c.created_at,
				    c.external_id
				from contacts c where c.tenant_id = ? and %s
				order by c.last_name, c.first_name, c.id offset ? limit ?""".formatted(search.matchesPerson("c")))
			.params(parameters(tenant.value(), search.personParameters(), offset, limit))
			.query((row, n) -> new ContactSummary(new ContactId(row.getObject("id", UUID.class)),
					new FullName(row.getString("last_name"), row.getString("first_name"), row.getString("middle_name")).display(),
					Optional.ofNullable(row.getBytes("phone")).map(b -> new PhoneNumber(open("phone", b)).masked()).orElse(null),
					row.getBoolean("has_passport"), row.getTimestamp("created_at").toInstant(), row.getString("external_id")))
			.list();
	}

	/**
	 * The API's page of the contacts {@code query} finds (issue 15, {@code docs/api-lists.md}): in the order they were
	 * added, then by id, the {@code limit} after {@code after} ({@code null}: from the first).
	 */
	public List<ContactSummary> searchAfter(TenantId tenant, String query, ru.kredo.platform.Cursor after, int limit) {
		PersonSearch search = searchFor(query);
		java.sql.Timestamp at = after == null ? null : java.sql.Timestamp.from(after.at());
		return jdbc.sql("""
				select c.id, c.last_name, c.first_name, c.middle_name, c.phone, c.passport_index is not null as has_passport, c.created_at,
				    c.external_id
				from contacts c where c.tenant_id = ? and %s
				and (?::timestamptz is null or (c.created_at, c.id) > (?::timestamptz, ?::uuid))
				order by c.created_at, c.id limit ?""".formatted(search.matchesPerson("c")))
			.params(parameters(tenant.value(), search.personParameters(), at, at, after == null ? null : after.id(), limit))
			.query((row, n) -> new ContactSummary(new ContactId(row.getObject("id", UUID.class)),
					new FullName(row.getString("last_name"), row.getString("first_name"), row.getString("middle_name")).display(),
					Optional.ofNullable(row.getBytes("phone")).map(b -> new PhoneNumber(open("phone", b)).masked()).orElse(null),
					row.getBoolean("has_passport"), row.getTimestamp("created_at").toInstant(), row.getString("external_id")))
			.list();
	}

	/** How many contacts {@code query} finds. */
	public long count(TenantId tenant, String query) {
		PersonSearch search = searchFor(query);
		return jdbc.sql("select count(*) from contacts c where c.tenant_id = ? and " + search.matchesPerson("c"))
			.params(parameters(tenant.value(), search.personParameters()))
			.query(Long.class)
			.single();
	}

	private static List<Object> parameters(Object first, Object[] middle, Object... last) {
		List<Object> all = new ArrayList<>(middle.length + last.length + 1);
		all.add(first);
		all.addAll(java.util.Arrays.asList(middle));
		all.addAll(java.util.Arrays.asList(last));
		return all;
	}

	public long count(TenantId tenant) {
		return jdbc.sql("select count(*) from contacts where tenant_id = ?").param(tenant.value()).query(Long.class).single();
	}

	/** Every contact of the tenant, in full, for an export. */
	public List<Contact> all(TenantId tenant) {
		return jdbc.sql("select * from contacts where tenant_id = ? order by last_name, first_name, id")
			.param(tenant.value())
			.query(this::contact)
			.list();
	}

	public List<Contact> findByPassport(TenantId tenant, PassportNumber passport) {
		return jdbc.sql("select * from contacts where tenant_id = ? and passport_index = ?")
			.params(tenant.value(), passportIndex(passport).bytes())
			.query(this::contact)
			.list();
	}

	/**
	 * Contacts with this phone, on their row or among the others files gave for them, whose normalized ФИО is this
	 * one: how a debtor is recognised at the cabinet's door.
	 */
	public List<Contact> findByNameAndPhone(TenantId tenant, FullName name, PhoneNumber phone) {
		byte[] index = personalData.index("phone", phone.e164()).bytes();
		java.util.Set<ContactId> seen = new java.util.HashSet<>();
		// Two indexed lookups (contacts_phone_idx, contact_phones_number_idx): an «or» of the two would scan.
		return jdbc.sql("""
				select * from contacts where tenant_id = ? and phone_index = ?
				union all
				select c.* from contact_phones p join contacts c on c.tenant_id = p.tenant_id and c.id = p.contact_id
				where p.tenant_id = ? and p.phone_index = ?""")
			.params(tenant.value(), index, tenant.value(), index)
			.query(this::contact)
			.list()
			.stream()
			.filter(contact -> contact.name().normalized().equals(name.normalized()))
			.filter(contact -> seen.add(contact.id()))
			.toList();
	}

	public List<Contact> findByNameAndBirthDate(TenantId tenant, FullName name, LocalDate birthDate) {
		return jdbc.sql("select * from contacts where tenant_id = ? and name_dob_index = ?")
			.params(tenant.value(), nameAndBirthDateIndex(name, birthDate).bytes())
			.query(this::contact)
			.list();
	}

	/** The blind index every module uses to find a person by passport, in any tenant's data. */
	public BlindIndex passportIndex(PassportNumber passport) {
		return keys.passport(passport);
	}

	/** The blind index every module uses to find a person by normalized ФИО and date of birth. */
	public BlindIndex nameAndBirthDateIndex(FullName name, LocalDate birthDate) {
		return keys.nameAndBirthDate(name, birthDate);
	}

	private byte[] seal(String column, String value) {
		return personalData.seal("contacts." + column, value).bytes();
	}

	private String open(String column, byte[] sealed) {
		return personalData.open("contacts." + column, new Sealed(sealed));
	}

	private Contact contact(ResultSet row, int rowNumber) throws SQLException {
		byte[] passport = row.getBytes("passport");
		byte[] inn = row.getBytes("inn");
		byte[] snils = row.getBytes("snils");
		byte[] phone = row.getBytes("phone");
		byte[] email = row.getBytes("email");
		return new Contact(new ContactId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				new FullName(row.getString("last_name"), row.getString("first_name"), row.getString("middle_name")),
				LocalDate.parse(open("birth_date", row.getBytes("birth_date"))),
				passport == null ? null : PassportNumber.parse(open("passport", passport)),
				inn == null ? null : new Inn(open("inn", inn)),
				snils == null ? null : new Snils(open("snils", snils)),
				phone == null ? null : new PhoneNumber(open("phone", phone)),
				email == null ? null : open("email", email), row.getTimestamp("created_at").toInstant(),
				row.getString("external_id"));
	}
}
