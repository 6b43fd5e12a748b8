package ru.kredo.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PersonSearch;
import ru.kredo.events.CreditEventType;
import ru.kredo.events.LenderKind;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchId;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** A tenant's signals: the queue a manager works, one signal with its person's timeline, assignment, outcomes. */
@Service
public class Signals {

	private static final String COLUMNS = """
			s.id, s.tenant_id, s.watch_id, s.contact_id, s.list_id, s.segment, s.event_type, s.priority, s.event_count,
			s.first_event_at, s.last_event_at, s.amount, s.status, s.assignee_id, s.outcome, s.closed_at,
			(select w.recommendations from watches w where w.id = s.watch_id) as watch_recommendations""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TenantDirectory tenants;
	private final org.springframework.context.ApplicationEventPublisher events;

	Signals(JdbcClient jdbc, Clock clock, TenantDirectory tenants,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.tenants = tenants;
	}

	/** The queue: most urgent first, then newest; with the person's name and the list. */
	public List<QueueLine> queue(TenantId tenant, SignalFilter filter, int offset, int limit) {
		return lines(tenant, filter, null, null, offset, limit);
	}

	/** The queue's signals of the people {@code search} finds (ФИО, phone, passport), a page at a time. */
	public List<QueueLine> queue(TenantId tenant, SignalFilter filter, PersonSearch search, int offset, int limit) {
		return lines(tenant, filter, search, null, offset, limit);
	}

	/**
	 * A page of the queue for the API: the signals after {@code after} ({@code null}: from the first), then
	 * {@code offset} more skipped, at most {@code limit}; each with its person's name and external id, in one statement.
	 */
	public List<QueueLine> page(TenantId tenant, SignalFilter filter, SignalCursor after, int offset, int limit) {
		return lines(tenant, filter, null, null, null, after, offset, limit);
	}

	/** How many signals the filter keeps in all. */
	public long count(TenantId tenant, SignalFilter filter) {
		return jdbc.sql("select count(*) from signals s where " + QUEUED)
			.params(queued(tenant, filter, null, null))
			.query(Long.class)
			.single();
	}

	/** How many signals {@link #queue(TenantId, SignalFilter, PersonSearch, int, int)} finds in all. */
	public long count(TenantId tenant, SignalFilter filter, PersonSearch search) {
		return jdbc.sql("select count(*) from signals s join contacts c on c.id = s.contact_id where " + QUEUED
				+ " and " + search.matchesPerson("c"))
			.params(queued(tenant, filter, null, search))
			.query(Long.class)
			.single();
	}

	private static final String QUEUED = """
			s.tenant_id = ? and s.status = ?
			  and (?::int is null or s.priority <= ?) and (?::text is null or s.segment = ?)
			  and (?::uuid is null or s.list_id = ?) and (?::uuid is null or s.assignee_id = ?)
			  and (?::uuid is null or s.contact_id = ?) and (?::uuid is null or s.id = ?)""";

	private static List<Object> queued(TenantId tenant, SignalFilter filter, SignalId only, PersonSearch search,
			Object... window) {
		List<Object> parameters = new ArrayList<>(Arrays.asList(tenant.value(), filter.status().name(), filter.maxPriority(),
				filter.maxPriority(), name(filter.segment()), name(filter.segment()), id(filter.listId()),
				id(filter.listId()), id(filter.assigneeId()), id(filter.assigneeId()), id(filter.contactId()),
				id(filter.contactId()), only == null ? null : only.value(), only == null ? null : only.value()));
		if (search != null) {
			parameters.addAll(Arrays.asList(search.personParameters()));
		}
		parameters.addAll(Arrays.asList(window));
		return parameters;
	}

	/** One signal as a line of the queue, whatever its status. */
	public QueueLine line(TenantId tenant, SignalId id) {
		Signal signal = get(tenant, id);
		return lines(tenant, new SignalFilter(signal.status(), null, null, null, null, null), null, id, 0, 1).getFirst();
	}

	/**
	 * The dashboard's «Позвонить сегодня»: open signals of priority 1 that call for a call, most urgent first; a
	 * «do not contact» signal ({@link Signal#stopContact()}) is never among them.
	 */
	public List<QueueLine> toCallToday(TenantId tenant, int limit) {
		return lines(tenant, new SignalFilter(SignalStatus.OPEN, 1, null, null, null, null), null, null, false, 0, limit);
	}

	/** The dashboard's «Не контактировать»: open signals that mean every contact with the person must stop. */
	public List<QueueLine> doNotContact(TenantId tenant, int limit) {
		return lines(tenant, new SignalFilter(SignalStatus.OPEN, null, null, null, null, null), null, null, true, 0, limit);
	}

	private List<QueueLine> lines(TenantId tenant, SignalFilter filter, PersonSearch search, SignalId only, int offset,
			int limit) {
		return lines(tenant, filter, search, only, null, offset, limit);
	}

	/** @param stopContact {@code null}: every signal; otherwise only those that are (or are not) «do not contact» */
	private List<QueueLine> lines(TenantId tenant, SignalFilter filter, PersonSearch search, SignalId only,
			Boolean stopContact, int offset,
			int limit) {
		return lines(tenant, filter, search, only, stopContact, null, offset, limit);
	}

	private List<QueueLine> lines(TenantId tenant, SignalFilter filter, PersonSearch search, SignalId only,
			Boolean stopContact, SignalCursor after, int offset, int limit) {
		Integer afterPriority = after == null ? null : after.priority();
		java.sql.Timestamp afterAt = after == null ? null : java.sql.Timestamp.from(after.lastEventAt());
		UUID afterId = after == null ? null : after.id();
		return jdbc.sql("""
				select %s, c.last_name, c.first_name, c.middle_name, c.external_id, l.name as list_name
				from signals s join contacts c on c.id = s.contact_id left join monitoring_lists l on l.id = s.list_id
				where %s%s and (?::boolean is null or (s.event_type = ?) = ?)
				  and (?::int is null or s.priority > ? or (s.priority = ? and (s.last_event_at < ?::timestamptz
				       or (s.last_event_at = ?::timestamptz and s.id > ?::uuid))))
				order by s.priority, s.last_event_at desc, s.id offset ? limit ?""".formatted(COLUMNS, QUEUED,
				search == null ? "" : " and " + search.matchesPerson("c")))
			.params(queued(tenant, filter, only, search, stopContact, Signal.STOP_CONTACT.name(), stopContact,
					afterPriority, afterPriority, afterPriority, afterAt, afterAt, afterId, offset, limit))
			.query((row, n) -> new QueueLine(signal(row, n), String.join(" ", row.getString("last_name"),
					row.getString("first_name"), row.getString("middle_name") == null ? "" : row.getString("middle_name")).strip(),
					row.getString("list_name"), row.getString("external_id")))
			.list();
	}

	public long countOpen(TenantId tenant) {
		return jdbc.sql("select count(*) from signals where tenant_id = ? and status = 'OPEN'")
			.param(tenant.value())
			.query(Long.class)
			.single();
	}

	public Signal get(TenantId tenant, SignalId id) {
		return jdbc.sql("select " + COLUMNS + " from signals s where s.tenant_id = ? and s.id = ?")
			.params(tenant.value(), id.value())
			.query(Signals::signal)
			.optional()
			.orElseThrow(() -> new NotFound("signal.not-found", id));
	}

	/**
	 * Every event the tenant's watches of this person matched, newest first: what the manager reads before calling.
	 * A matched event is one kept with its subject, whose ids alone are indexed.
	 */
	public List<TimelineEvent> timeline(TenantId tenant, ContactId contact) {
		return jdbc.sql("""
				select e.id, e.type, e.rutdf_code, e.occurred_at, e.lender_kind, e.amount, e.days_past_due, se.signal_id
				from signal_events se join watches w on w.id = se.watch_id
				join credit_events e on e.id = se.event_id and e.subject is not null
				where se.tenant_id = ? and w.contact_id = ? order by e.occurred_at desc, e.id desc limit 200""")
			.params(tenant.value(), contact.value())
			.query((row, n) -> new TimelineEvent(row.getLong("id"), CreditEventType.valueOf(row.getString("type")),
					row.getString("rutdf_code"), row.getTimestamp("occurred_at").toInstant(),
					row.getString("lender_kind") == null ? null : LenderKind.valueOf(row.getString("lender_kind")),
					row.getBigDecimal("amount"), (Integer) row.getObject("days_past_due"),
					new SignalId(row.getObject("signal_id", UUID.class))))
			.list();
	}

	/**
	 * The ids of the credit events this signal has folded, oldest id first: for a module that needs more of an event
	 * than a signal carries (its phone, {@code events.EventPhones}) without the signal carrying it.
	 */
	public List<Long> eventIds(TenantId tenant, SignalId id) {
		return jdbc.sql("select event_id from signal_events where tenant_id = ? and signal_id = ? order by event_id")
			.params(tenant.value(), id.value())
			.query(Long.class)
			.list();
	}

	@Transactional
	public Signal assign(TenantId tenant, SignalId id, UserId assignee) {
		get(tenant, id);
		jdbc.sql("update signals set assignee_id = ?, updated_at = ? where tenant_id = ? and id = ?")
			.params(assignee == null ? null : assignee.value(), Timestamp.from(clock.instant()), tenant.value(), id.value())
			.update();
		return get(tenant, id);
	}

	/**
	 * Records how working the signal ended; later events of its type open a new signal. Refuses an outcome of the
	 * other kind of tenant (a collector's «Оплатил» for a broker), and any but {@link Outcome#NOTED} for a «do not
	 * contact» signal, with {@code signal.outcome-not-for-tenant}. {@code by} is the user who recorded it; {@code null}
	 * when no Kredo user did (an outcome that came back from the tenant's CRM, {@code docs/crm-amocrm.md}).
	 */
	@Transactional
	public Signal close(TenantId tenant, SignalId id, Outcome outcome, UserId by) {
		Signal signal = get(tenant, id);
		if (signal.status() == SignalStatus.CLOSED) {
			throw new Rejected("signal.already-closed");
		}
		List<Outcome> allowed = Outcome.of(kind(tenant), signal);
		if (!allowed.contains(outcome)) {
			throw new Rejected("signal.outcome-not-for-tenant", outcome.name(), allowed.stream().map(Enum::name)
				.collect(java.util.stream.Collectors.joining(", ")));
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update signals set status = 'CLOSED', outcome = ?, closed_at = ?, closed_by = ?, updated_at = ?,
				    assignee_id = coalesce(assignee_id, ?)
				where tenant_id = ? and id = ?""")
			.params(outcome.name(), Timestamp.from(now), by == null ? null : by.value(), Timestamp.from(now),
					by == null ? null : by.value(), tenant.value(), id.value())
			.update();
		Signal closed = get(tenant, id);
		// The tenant's CRM hears of it after the commit (webhook signal.outcome_recorded, issue 15).
		events.publishEvent(OutcomeRecorded.of(closed));
		return closed;
	}

	/** How this signal may end: a broker's or a collection agency's outcomes, or «noted» for a «do not contact». */
	public List<Outcome> outcomes(TenantId tenant, Signal signal) {
		return Outcome.of(kind(tenant), signal);
	}

	private TenantKind kind(TenantId tenant) {
		return tenants.get(tenant).kind();
	}

	private static UUID id(Object typedId) {
		return switch (typedId) {
			case null -> null;
			case ListId list -> list.value();
			case UserId user -> user.value();
			case ContactId contact -> contact.value();
			default -> throw new IllegalArgumentException(typedId.toString());
		};
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	static Signal signal(ResultSet row, int rowNumber) throws SQLException {
		UUID list = row.getObject("list_id", UUID.class);
		UUID assignee = row.getObject("assignee_id", UUID.class);
		String outcome = row.getString("outcome");
		Timestamp closed = row.getTimestamp("closed_at");
		CreditEventType type = CreditEventType.valueOf(row.getString("event_type"));
		return new Signal(new SignalId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				new WatchId(row.getObject("watch_id", UUID.class)), new ContactId(row.getObject("contact_id", UUID.class)),
				list == null ? null : new ListId(list), Segment.valueOf(row.getString("segment")),
				type, row.getInt("priority"), row.getInt("event_count"),
				row.getTimestamp("first_event_at").toInstant(), row.getTimestamp("last_event_at").toInstant(),
				row.getBigDecimal("amount"), SignalStatus.valueOf(row.getString("status")),
				assignee == null ? null : new UserId(assignee), outcome == null ? null : Outcome.valueOf(outcome),
				closed == null ? null : closed.toInstant(), adviceFollowed(type, row.getArray("watch_recommendations")));
	}

	/** Whether the watch recommended what an event of this type shows done. */
	private static boolean adviceFollowed(CreditEventType type, java.sql.Array recommendations) throws SQLException {
		if (recommendations == null) {
			return false;
		}
		List<Object> advised = List.of((Object[]) recommendations.getArray());
		return Recommendation.metBy(type).filter(r -> advised.contains(r.name())).isPresent();
	}
}
