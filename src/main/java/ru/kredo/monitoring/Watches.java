package ru.kredo.monitoring;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.UserId;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PersonSearch;
import ru.kredo.events.CreditEventType;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * A tenant's watches: put people on monitoring (one or a whole list), read, stop; and, across tenants, the active
 * watches a credit event may concern. Days are the agency's days (its zone, {@code kredo.time-zone}): that is where the tenants and their consents are.
 */
@Service
public class Watches {

	static final String COLUMNS = """
			w.id, w.tenant_id, w.contact_id, w.list_id, w.segment, w.starts_on, w.ends_on, w.event_types, w.manager_id,
			w.notes, w.consent_given_on, w.consent_purpose, w.consent_method, w.contract_concluded_on,
			w.contract_ends_on, w.status, w.stop_reason, w.recommendations, w.recommendations_met, w.created_at""";

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final Clock clock;
	private final BusinessCalendar calendar;
	private final ApplicationEventPublisher events;
	private final WatchRows rows;

	private final TenantClocks clocks;

	Watches(JdbcClient jdbc, Contacts contacts, Clock clock, BusinessCalendar calendar, ApplicationEventPublisher events,
			TenantClocks clocks) {
		this.clocks = clocks;
		this.jdbc = jdbc;
		this.rows = new WatchRows(jdbc);
		this.contacts = contacts;
		this.clock = clock;
		this.calendar = calendar;
		this.events = events;
	}

	/** Puts one person on individual monitoring, or updates the terms of his individual watch. */
	@Transactional
	public Watch watch(TenantId tenant, PersonDetails person, WatchTerms terms) {
		return watchAll(tenant, null, List.of(person), List.of(terms)).getFirst();
	}

	/**
	 * Puts one person on individual monitoring, or changes his individual watch, saying what changed. A consent older
	 * than the one his watch has is refused ({@code watch.consent-older} on {@code consentDate}): sending the form again
	 * never replaces a consent with an older one; leaving the consent out keeps the one there.
	 */
	@Transactional
	public WatchChange watchOne(TenantId tenant, PersonDetails person, WatchTerms terms) {
		ContactId contact = contacts.addOrFind(tenant, List.of(person)).getFirst().id();
		Watch before = jdbc.sql("select " + COLUMNS + " from watches w where w.tenant_id = ? and w.contact_id = ? and w.list_id is null for update")
			.params(tenant.value(), contact.value())
			.query(Watches::watch)
			.optional()
			.orElse(null);
		if (before != null && before.consent() != null && terms.consent() != null
				&& terms.consent().givenOn().isBefore(before.consent().givenOn())) {
			throw new InvalidFields(Map.of("consentDate", new Rejected("watch.consent-older",
					before.consent().givenOn().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))));
		}
		return WatchChange.between(before, watch(tenant, person, terms));
	}

	/**
	 * Puts people on monitoring under one list ({@code null}: individually), each with his own terms. A person
	 * already watched under that list gets the new terms rather than a second watch. However many people, this is
	 * a handful of statements (see {@link WatchRows}).
	 */
	@Transactional
	public List<Watch> watchAll(TenantId tenant, ListId list, List<PersonDetails> people, List<WatchTerms> terms) {
		List<Contact> found = contacts.addOrFind(tenant, people);
		LocalDate today = today(tenant);
		Instant now = clock.instant();
		List<Watch> watches = new ArrayList<>(people.size());
		for (int i = 0; i < people.size(); i++) {
			WatchTerms t = terms.get(i);
			watches.add(new Watch(WatchId.random(), tenant, found.get(i).id(), list, t.segment(), today,
					today.plusMonths(t.months()), t.eventTypes(), t.managerId(), t.notes(), t.consent(),
					Watch.initialStatus(t.consent(), today), null, t.recommendations(), Set.of(), now));
		}
		Map<ContactId, UUID> ids = rows.upsert(tenant, list, watches);
		unassignedSignalsFollowTheirManager(tenant, ids.values(), now);
		Map<UUID, Watch> stored = jdbc.sql("select " + COLUMNS + " from watches w where w.tenant_id = ? and w.id = any(?::uuid[])")
			.params(tenant.value(), ids.values().stream().map(UUID::toString).toArray(String[]::new))
			.query(Watches::watch)
			.list()
			.stream()
			.collect(Collectors.toMap(w -> w.id().value(), w -> w));
		return found.stream().map(c -> stored.get(ids.get(c.id()))).toList();
	}

	/**
	 * Puts people Kredo already knows (an agency's debtors) on individual monitoring, each with his own terms, in a
	 * handful of statements however many; one already watched (by himself or in a list, not stopped) keeps his watch
	 * as it is. Returns those put on monitoring now.
	 */
	@Transactional
	public Set<ContactId> watchKnown(TenantId tenant, Map<ContactId, WatchTerms> terms) {
		if (terms.isEmpty()) {
			return Set.of();
		}
		Set<UUID> watched = Set.copyOf(jdbc.sql("""
				select distinct contact_id from watches
				where tenant_id = ? and contact_id = any(?::uuid[]) and status <> 'STOPPED'""")
			.params(tenant.value(), terms.keySet().stream().map(c -> c.value().toString()).toArray(String[]::new))
			.query((row, n) -> row.getObject("contact_id", UUID.class))
			.list());
		LocalDate today = today(tenant);
		Instant now = clock.instant();
		List<Watch> watches = new ArrayList<>();
		terms.forEach((contact, t) -> {
			if (!watched.contains(contact.value())) {
				watches.add(new Watch(WatchId.random(), tenant, contact, null, t.segment(), today,
						today.plusMonths(t.months()), t.eventTypes(), t.managerId(), t.notes(), t.consent(),
						Watch.initialStatus(t.consent(), today), null, t.recommendations(), Set.of(), now));
			}
		});
		if (watches.isEmpty()) {
			return Set.of();
		}
		rows.upsert(tenant, null, watches);
		return watches.stream().map(Watch::contactId).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * A watch's manager is who works its signals: a signal raised before the manager was set (by the form, the API or a
	 * list's «Менеджер» column) and taken by nobody since becomes his, so that it is under his «Мои» and his name is
	 * what the signal's «Назначить» shows. A signal somebody was assigned keeps its assignee.
	 */
	private void unassignedSignalsFollowTheirManager(TenantId tenant, Collection<UUID> watchIds, Instant now) {
		jdbc.sql("""
				update signals s set assignee_id = w.manager_id, updated_at = ?
				from watches w
				where w.tenant_id = ? and w.id = any(?::uuid[]) and w.manager_id is not null
				  and s.tenant_id = w.tenant_id and s.watch_id = w.id and s.status = 'OPEN' and s.assignee_id is null""")
			.params(Timestamp.from(now), tenant.value(), watchIds.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	public Watch get(TenantId tenant, WatchId id) {
		return jdbc.sql("select " + COLUMNS + " from watches w where w.tenant_id = ? and w.id = ?")
			.params(tenant.value(), id.value())
			.query(Watches::watch)
			.optional()
			.orElseThrow(() -> new NotFound("watch.not-found", id));
	}

	public List<Watch> ofContact(TenantId tenant, ContactId contact) {
		return jdbc.sql("select " + COLUMNS + " from watches w where w.tenant_id = ? and w.contact_id = ? order by w.created_at")
			.params(tenant.value(), contact.value())
			.query(Watches::watch)
			.list();
	}

	/** The watches the filter keeps, its text found as {@link ru.kredo.contacts.PersonSearch} finds a person, by name. */
	public List<WatchLine> search(TenantId tenant, WatchFilter filter, int offset, int limit) {
		PersonSearch search = contacts.searchFor(filter.lastNamePrefix());
		return jdbc.sql("""
				select %s, c.last_name, c.first_name, c.middle_name, c.external_id, l.name as list_name
				from watches w join contacts c on c.id = w.contact_id left join monitoring_lists l on l.id = w.list_id
				where %s
				order by c.last_name, c.first_name, w.id offset ? limit ?""".formatted(COLUMNS, kept(search)))
			.params(kept(tenant, filter, search, offset, limit))
			.query((row, n) -> new WatchLine(watch(row, n), String.join(" ", row.getString("last_name"),
					row.getString("first_name"), row.getString("middle_name") == null ? "" : row.getString("middle_name")).strip(),
					row.getString("list_name"), row.getString("external_id")))
			.list();
	}

	/**
	 * The API's page of the watches the filter keeps (issue 15, {@code docs/api-lists.md}): in the order they were
	 * added, then by id, the {@code limit} after {@code after} ({@code null}: from the first).
	 */
	public List<WatchLine> searchAfter(TenantId tenant, WatchFilter filter, ru.kredo.platform.Cursor after, int limit) {
		PersonSearch search = contacts.searchFor(filter.lastNamePrefix());
		Timestamp at = after == null ? null : Timestamp.from(after.at());
		return jdbc.sql("""
				select %s, c.last_name, c.first_name, c.middle_name, c.external_id, l.name as list_name
				from watches w join contacts c on c.id = w.contact_id left join monitoring_lists l on l.id = w.list_id
				where %s and (?::timestamptz is null or (w.created_at, w.id) > (?::timestamptz, ?::uuid))
				order by w.created_at, w.id limit ?""".formatted(COLUMNS, kept(search)))
			.params(kept(tenant, filter, search, at, at, after == null ? null : after.id(), limit))
			.query((row, n) -> new WatchLine(watch(row, n), String.join(" ", row.getString("last_name"),
					row.getString("first_name"), row.getString("middle_name") == null ? "" : row.getString("middle_name")).strip(),
					row.getString("list_name"), row.getString("external_id")))
			.list();
	}

	/** How many watches {@link #search} finds in all. */
	public long count(TenantId tenant, WatchFilter filter) {
		PersonSearch search = contacts.searchFor(filter.lastNamePrefix());
		return jdbc.sql("select count(*) from watches w join contacts c on c.id = w.contact_id where " + kept(search))
			.params(kept(tenant, filter, search))
			.query(Long.class)
			.single();
	}

	private static String kept(PersonSearch search) {
		return """
				w.tenant_id = ? and (?::text is null or w.segment = ?) and (?::text is null or w.status = ?)
				and (?::uuid is null or w.list_id = ?) and (?::text is null or c.external_id = ?)
				and %s""".formatted(search.matchesPerson("c"));
	}

	private static List<Object> kept(TenantId tenant, WatchFilter filter, PersonSearch search, Object... window) {
		UUID list = filter.listId() == null ? null : filter.listId().value();
		List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
		parameters.addAll(Arrays.asList(name(filter.segment()), name(filter.segment()), name(filter.status()),
				name(filter.status()), list, list, filter.externalId(), filter.externalId()));
		parameters.addAll(Arrays.asList(search.personParameters()));
		parameters.addAll(Arrays.asList(window));
		return parameters;
	}

	@Transactional
	public Watch stop(TenantId tenant, WatchId id, StopReason reason) {
		get(tenant, id);
		// Stopped once, whoever asks at the same moment (two nodes' consent checks, a user): only the update that finds
		// the watch not yet stopped tells.
		if (jdbc.sql("update watches set status = 'STOPPED', stop_reason = ?, stopped_at = ?, updated_at = ? "
				+ "where tenant_id = ? and id = ? and status <> 'STOPPED'")
			.params(reason.name(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), tenant.value(), id.value())
			.update() == 1) {
			events.publishEvent(new WatchStopped(tenant, id, reason));
		}
		return get(tenant, id);
	}

	/** Ticks off recommendations that credit events showed done, each watch once, in one statement. */
	public void recommendationsMet(List<RecommendationMet> met) {
		if (met.isEmpty()) {
			return;
		}
		UUID[] tenants = met.stream().map(m -> m.tenant().value()).toArray(UUID[]::new);
		UUID[] ids = met.stream().map(m -> m.watch().value()).toArray(UUID[]::new);
		String[] names = met.stream().map(m -> m.recommendation().name()).toArray(String[]::new);
		jdbc.sql("""
				update watches w set recommendations_met = w.recommendations_met || n.added, updated_at = ?
				from (
				    select w2.id, array(select distinct r from unnest(m.met) r
				                        where r = any(w2.recommendations) and not r = any(w2.recommendations_met)) as added
				    from (select t, id, array_agg(r) as met from unnest(?::uuid[], ?::uuid[], ?::text[]) as u(t, id, r)
				          group by t, id) m
				    join watches w2 on w2.tenant_id = m.t and w2.id = m.id) n
				where w.id = n.id and cardinality(n.added) > 0""")
			.params(Timestamp.from(clock.instant()), tenants, ids, names)
			.update();
	}

	/** A credit event showed a watch's recommendation done. */
	public record RecommendationMet(TenantId tenant, WatchId watch, Recommendation recommendation) {
	}

	/**
	 * The active watches, in every tenant, of the people these blind indexes find: one credit event may concern
	 * many tenants, and this is the one query that crosses them.
	 */
	public List<WatchedPerson> activeFor(Collection<BlindIndex> passportIndexes, Collection<BlindIndex> nameIndexes) {
		if (passportIndexes.isEmpty() && nameIndexes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select %s, c.last_name, c.first_name, c.middle_name, c.passport_index, c.name_dob_index, c.external_id,
				    l.name as list_name
				from contacts c join watches w on w.contact_id = c.id and w.status = 'ACTIVE'
				left join monitoring_lists l on l.id = w.list_id
				where c.passport_index = any(?) or c.name_dob_index = any(?)""".formatted(COLUMNS))
			.params(bytes(passportIndexes), bytes(nameIndexes))
			.query((row, n) -> new WatchedPerson(watch(row, n),
					(row.getString("last_name") + " " + row.getString("first_name") + " "
							+ (row.getString("middle_name") == null ? "" : row.getString("middle_name"))).strip(),
					row.getString("list_name"),
					row.getBytes("passport_index") == null ? null : new BlindIndex(row.getBytes("passport_index")),
					new BlindIndex(row.getBytes("name_dob_index")), row.getString("external_id")))
			.list();
	}

	public long count(TenantId tenant, WatchStatus status) {
		return jdbc.sql("select count(*) from watches where tenant_id = ? and status = ?")
			.params(tenant.value(), status.name())
			.query(Long.class)
			.single();
	}

	/** The tenant's uploaded lists, by name. */
	public List<MonitoringList> lists(TenantId tenant) {
		return jdbc.sql("select id, name from monitoring_lists where tenant_id = ? order by name")
			.param(tenant.value())
			.query((row, n) -> new MonitoringList(new ListId(row.getObject("id", UUID.class)), row.getString("name")))
			.list();
	}

	/** Active watches whose consent or period lapses within {@link ConsentLapses#WARNING_DAYS} days. */
	public long countLapsingSoon(TenantId tenant) {
		return jdbc.sql("select count(*) from watches where tenant_id = ? and status = 'ACTIVE' and expiry_warned_at is not null")
			.param(tenant.value())
			.query(Long.class)
			.single();
	}

	/** Today at the agency ({@code kredo.time-zone}), the day consents and periods are counted in. */
	public LocalDate today() {
		return calendar.today();
	}

	/** Today at the agency for {@code tenant}: a sandbox's test clock's (docs/sandbox.md). */
	public LocalDate today(TenantId tenant) {
		return clocks.today(tenant);
	}

	private static byte[][] bytes(Collection<BlindIndex> indexes) {
		return indexes.stream().map(BlindIndex::bytes).toArray(byte[][]::new);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	static Watch watch(ResultSet row, int rowNumber) throws SQLException {
		LocalDate consentDate = localDate(row, "consent_given_on");
		Consent consent = consentDate == null ? null
				: new Consent(consentDate, row.getString("consent_purpose"),
						ConsentMethod.valueOf(row.getString("consent_method")), localDate(row, "contract_concluded_on"),
						localDate(row, "contract_ends_on"));
		UUID list = row.getObject("list_id", UUID.class);
		UUID manager = row.getObject("manager_id", UUID.class);
		String stopReason = row.getString("stop_reason");
		return new Watch(new WatchId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				new ContactId(row.getObject("contact_id", UUID.class)), list == null ? null : new ListId(list),
				Segment.valueOf(row.getString("segment")), localDate(row, "starts_on"), localDate(row, "ends_on"),
				enums(row.getArray("event_types"), CreditEventType.class, CreditEventType::valueOf),
				manager == null ? null : new UserId(manager), row.getString("notes"), consent,
				WatchStatus.valueOf(row.getString("status")), stopReason == null ? null : StopReason.valueOf(stopReason),
				enums(row.getArray("recommendations"), Recommendation.class, Recommendation::valueOf),
				enums(row.getArray("recommendations_met"), Recommendation.class, Recommendation::valueOf),
				row.getTimestamp("created_at").toInstant());
	}

	private static LocalDate localDate(ResultSet row, String column) throws SQLException {
		Date date = row.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type, Function<String, E> parse)
			throws SQLException {
		String[] names = (String[]) array.getArray();
		return names.length == 0 ? Set.of()
				: Arrays.stream(names).map(parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
	}
}
