package ru.kredo.collections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * Debtors' disputes of their debts (docs/debts.md, «Disputes»): the debtor opens one from his cabinet with a reason and
 * an explanation, which puts the debt in {@link DebtStatus#DISPUTED} (its offers withheld, {@link Offers}); the agency
 * upholds it (the debt is written off) or rejects it with a reason the debtor is shown. Each step is audited. Every
 * query names the tenant.
 */
@Service
public class Disputes {

	/** The longest explanation a debtor may write, and the longest reason an operator may give. */
	public static final int MAX_TEXT = 2000;
	private static final String FIELD = "dispute.explanation";
	private static final String COLUMNS = """
			x.id, x.tenant_id, x.debt_id, x.contact_id, x.reason, x.explanation, x.opened_at, x.resolved_at, x.outcome,
			x.resolution_reason, x.resolved_by, d.contract_number, d.original_creditor,
			c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as debtor
			from debt_disputes x join debts d on d.tenant_id = x.tenant_id and d.id = x.debt_id
			join contacts c on c.id = x.contact_id""";

	private final JdbcClient jdbc;
	private final Debts debts;
	private final Offers offers;
	private final PersonalData personalData;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Disputes(JdbcClient jdbc, Debts debts, Offers offers, PersonalData personalData, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.debts = debts;
		this.offers = offers;
		this.personalData = personalData;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The debtor disputes his debt: the debt becomes {@link DebtStatus#DISPUTED} and the dispute is recorded with his
	 * explanation, sealed.
	 *
	 * @throws NotFound another debtor's debt, or none
	 * @throws InvalidFields {@code explanation}: {@code dispute.explanation-required}, {@code dispute.explanation-too-long}
	 * @throws Rejected {@code debt.closed}, {@code debt.already-disputed}
	 */
	@Transactional
	public Dispute open(TenantId tenant, ContactId debtor, DebtId debtId, DisputeReason reason, String explanation) {
		Debt debt = debts.get(tenant, debtId);
		if (!debt.contactId().equals(debtor)) {
			throw new NotFound("debt.not-found", debtId);
		}
		String text = checkedExplanation(explanation);
		debts.dispute(tenant, debtId);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into debt_disputes (id, tenant_id, debt_id, contact_id, reason, explanation, opened_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, tenant.value(), debtId.value(), debtor.value(), reason.name(),
					personalData.seal(FIELD, text).bytes(), Timestamp.from(clock.instant()))
			.update();
		audit.recordAbout(tenant, new AuditActor("debtor:" + debtor.value(), null), debtor.value(),
				AuditAction.DISPUTE_OPENED, "debt",
				debtId.value(), "dispute-reason:" + reason.name());
		Dispute opened = get(tenant, id);
		events.publishEvent(new DisputeOpened(tenant, id, debtId, debtor, reason, opened.contractNumber(),
				opened.openedAt()));
		return opened;
	}

	/**
	 * The debtor's explanation as a dispute keeps it (stripped), or why it is refused: so that a form that carries more
	 * (his files) can name every wrong field at once before anything is opened.
	 *
	 * @throws InvalidFields {@code explanation}: {@code dispute.explanation-required}, {@code dispute.explanation-too-long}
	 */
	public static String checkedExplanation(String explanation) {
		String text = explanation == null ? "" : explanation.strip();
		if (text.isEmpty()) {
			throw new InvalidFields(Map.of("explanation", new Rejected("dispute.explanation-required")));
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidFields(Map.of("explanation", new Rejected("dispute.explanation-too-long", MAX_TEXT)));
		}
		return text;
	}

	/**
	 * The agency resolves an open dispute: upheld, the debt is written off; rejected, it is owed as before and
	 * {@code reason} (required) is what the debtor is shown. Audited as the current request's user.
	 *
	 * @throws NotFound another agency's dispute, or none
	 * @throws InvalidFields {@code reason}: {@code dispute.reason-required}, {@code dispute.reason-too-long}
	 * @throws Rejected {@code dispute.already-resolved}
	 */
	@Transactional
	public Dispute resolve(TenantId tenant, UUID id, DisputeOutcome outcome, String reason, UUID user) {
		Dispute dispute = get(tenant, id);
		String text = reason == null ? "" : reason.strip();
		if (outcome == DisputeOutcome.REJECTED && text.isEmpty()) {
			throw new InvalidFields(Map.of("reason", new Rejected("dispute.reason-required")));
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidFields(Map.of("reason", new Rejected("dispute.reason-too-long", MAX_TEXT)));
		}
		int resolved = jdbc.sql("""
				update debt_disputes set resolved_at = ?, outcome = ?, resolution_reason = ?, resolved_by = ?
				where tenant_id = ? and id = ? and resolved_at is null""")
			.params(Timestamp.from(clock.instant()), outcome.name(), text.isEmpty() ? null : text, user, tenant.value(), id)
			.update();
		if (resolved == 0) {
			throw new Rejected("dispute.already-resolved");
		}
		// A debt closed while disputed (paid off, or written off by the agency's own decision) stays as it closed: the
		// dispute is only answered, or it would stay on the list for ever.
		if (!debts.get(tenant, dispute.debtId()).isClosed()) {
			debts.resolveDispute(tenant, dispute.debtId(), outcome);
			if (outcome == DisputeOutcome.REJECTED) {
				// Its offer, withheld while disputed, is shown again; one that lapsed meanwhile is made anew now.
				offers.makeOffers(tenant, List.of(dispute.debtId()));
			}
		}
		audit.recordAbout(dispute.contactId().value(), AuditAction.DISPUTE_RESOLVED, "debt", dispute.debtId().value(),
				"dispute-outcome:" + outcome.name());
		Dispute done = get(tenant, id);
		events.publishEvent(new DisputeResolved(tenant, id, done.debtId(), done.contactId(), outcome,
				done.contractNumber(), done.resolvedAt()));
		return done;
	}

	public Dispute get(TenantId tenant, UUID id) {
		return jdbc.sql("select " + COLUMNS + " where x.tenant_id = ? and x.id = ?")
			.params(tenant.value(), id)
			.query(this::dispute)
			.optional()
			.orElseThrow(() -> new NotFound("dispute.not-found", id));
	}

	/** The agency's open disputes, the oldest first, at most {@code limit}. */
	public List<Dispute> open(TenantId tenant, int limit) {
		return jdbc.sql("select " + COLUMNS + " where x.tenant_id = ? and x.resolved_at is null order by x.opened_at, x.id limit ?")
			.params(tenant.value(), limit)
			.query(this::dispute)
			.list();
	}

	/** The disputes' order for the API: the oldest opened first, the id last. */
	public static final Keyset.Order ORDER = Keyset.Order.of(Keyset.Key.ascending("x.opened_at", Instant.class),
			Keyset.Key.ascending("x.id", UUID.class));

	/**
	 * The agency's disputes, open ({@code open} true), resolved (false) or all ({@code null}), the oldest opened first:
	 * a page of {@code limit} after the cursor {@code after} (or, without one, after the first {@code offset}), with
	 * how many there are in all and the next page's cursor.
	 */
	public ApiList<Dispute> list(TenantId tenant, Boolean open, Keyset after, int offset, int limit) {
		String where = " where x.tenant_id = ?" + (open == null ? "" : open ? " and x.resolved_at is null"
				: " and x.resolved_at is not null");
		long total = jdbc.sql("select count(*) from debt_disputes x" + where).param(tenant.value())
			.query(Long.class).single();
		List<Object> params = new ArrayList<>(List.of(tenant.value()));
		String keyset = ORDER.after(after, params);
		params.add(after == null ? offset : 0);
		params.add(limit + 1);
		List<Dispute> rows = jdbc.sql("select " + COLUMNS + where + " and " + keyset + " order by " + ORDER.sql()
				+ " offset ? limit ?")
			.params(params)
			.query(this::dispute)
			.list();
		return ApiList.keyed(rows, limit, dispute -> Keyset.of(dispute.openedAt(), dispute.id()), total);
	}

	/** How many disputes the agency has open. */
	public long countOpen(TenantId tenant) {
		return jdbc.sql("select count(*) from debt_disputes where tenant_id = ? and resolved_at is null")
			.param(tenant.value())
			.query(Long.class)
			.single();
	}

	/** The latest dispute of each of the debtor's debts that has one: what his cabinet shows of it. */
	public Map<DebtId, Dispute> latestOf(TenantId tenant, ContactId debtor) {
		Map<DebtId, Dispute> latest = new LinkedHashMap<>();
		jdbc.sql("select " + COLUMNS + " where x.tenant_id = ? and x.contact_id = ? order by x.opened_at desc, x.id")
			.params(tenant.value(), debtor.value())
			.query(this::dispute)
			.list()
			.forEach(dispute -> latest.putIfAbsent(dispute.debtId(), dispute));
		return latest;
	}

	/** The latest dispute of the debt, if it ever had one. */
	public Optional<Dispute> latestOf(TenantId tenant, DebtId debt) {
		return jdbc.sql("select " + COLUMNS + " where x.tenant_id = ? and x.debt_id = ? order by x.opened_at desc, x.id limit 1")
			.params(tenant.value(), debt.value())
			.query(this::dispute)
			.optional();
	}

	private Dispute dispute(ResultSet row, int n) throws SQLException {
		Timestamp resolved = row.getTimestamp("resolved_at");
		String outcome = row.getString("outcome");
		return new Dispute(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
				new DebtId(row.getObject("debt_id", UUID.class)), new ContactId(row.getObject("contact_id", UUID.class)),
				DisputeReason.valueOf(row.getString("reason")),
				personalData.open(FIELD, new Sealed(row.getBytes("explanation"))),
				row.getTimestamp("opened_at").toInstant(), resolved == null ? null : resolved.toInstant(),
				outcome == null ? null : DisputeOutcome.valueOf(outcome), row.getString("resolution_reason"),
				row.getObject("resolved_by", UUID.class), row.getString("debtor"), row.getString("contract_number"),
				row.getString("original_creditor"));
	}
}
