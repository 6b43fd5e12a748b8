package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * The bars standing on debtors ({@code contact_bars}): marked by an operator, by a credit event, by a dispute or by
 * the debtor's own statement, lifted by whoever may; every mark and lift audited, lifted bars kept as the record.
 * Marking a bar that already stands (same kind, same debt) returns the standing one: events arrive more than once.
 */
@Service
public class ContactBars implements ru.kredo.collections.DebtorMarks {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditLog audit;

	ContactBars(JdbcClient jdbc, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/** A bar as kept: {@code source} says where it came from (e.g. {@code operator}, {@code event:BANKRUPTCY}, {@code dispute:<id>}). */
	public record StandingBar(UUID id, Bar bar, String source, String note, Instant liftedAt, String liftedBy) {

		public boolean isStanding() {
			return liftedAt == null;
		}
	}

	/** The bars standing on the debtor now. */
	public List<Bar> standing(TenantId tenant, ContactId debtor) {
		return all(tenant, debtor, true).stream().map(StandingBar::bar).toList();
	}

	/** Every bar the debtor ever had, standing first, newest first. */
	public List<StandingBar> history(TenantId tenant, ContactId debtor) {
		return all(tenant, debtor, false);
	}

	/** Marks a bar (or returns the one of that kind and debt already standing), audited as {@code actor}. */
	@Transactional
	public StandingBar mark(TenantId tenant, ContactId debtor, BarKind kind, DebtId debt, String source, String note,
			AuditActor actor) {
		if (kind.isPerDebt() && debt == null) {
			throw new IllegalArgumentException("A " + kind + " bar names the debt it covers");
		}
		DebtId about = kind.isPerDebt() ? debt : null;
		// the gate's lock on the debtor (Contacting.lock): a bar marked and a message sent to him never cross
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("contact_attempts:" + tenant.value() + ":" + debtor.value())
			.query((row, n) -> 0)
			.list();
		Optional<StandingBar> existing = all(tenant, debtor, true).stream()
			.filter(b -> b.bar().kind() == kind && java.util.Objects.equals(b.bar().debt(), about))
			.findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into contact_bars (id, tenant_id, contact_id, kind, debt_id, source, note, since)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, tenant.value(), debtor.value(), kind.name(), about == null ? null : about.value(), source, note,
					Timestamp.from(now))
			.update();
		audit.record(tenant, actor, AuditAction.CONTACT_BAR_MARKED, "contact", debtor.value(),
				"bar:" + kind.name() + (about == null ? "" : ":debt:" + about.value()) + ":" + source);
		return new StandingBar(id, new Bar(kind, about, now), source, note, null, null);
	}

	/**
	 * The debtors among {@code debtors} with a standing bankruptcy bar (from a bureau's event or an operator's mark),
	 * and since when: the mark the agency's pages show on each of their debts.
	 */
	@Override
	public java.util.Map<ContactId, Instant> bankruptSince(TenantId tenant, java.util.Collection<ContactId> debtors) {
		if (debtors.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<ContactId, Instant> since = new java.util.HashMap<>();
		jdbc.sql("""
				select contact_id, min(since) as since from contact_bars
				where tenant_id = ? and contact_id = any(?) and kind = 'BANKRUPTCY' and lifted_at is null
				group by contact_id""")
			.params(tenant.value(), debtors.stream().map(ContactId::value).distinct().toArray(UUID[]::new))
			.query((row, n) -> since.put(new ContactId(row.getObject("contact_id", UUID.class)),
					row.getTimestamp("since").toInstant()))
			.list();
		return since;
	}

	/** Lifts the standing bar of {@code kind} (and debt, for a per-debt bar); false when none stood. */
	@Transactional
	public boolean lift(TenantId tenant, ContactId debtor, BarKind kind, DebtId debt, AuditActor actor) {
		int lifted = jdbc.sql("""
				update contact_bars set lifted_at = ?, lifted_by = ?
				where tenant_id = ? and contact_id = ? and kind = ? and lifted_at is null
				  and debt_id is not distinct from ?""")
			.params(Timestamp.from(clock.instant()), actor.id(), tenant.value(), debtor.value(), kind.name(),
					kind.isPerDebt() && debt != null ? debt.value() : null)
			.update();
		if (lifted > 0) {
			audit.record(tenant, actor, AuditAction.CONTACT_BAR_LIFTED, "contact", debtor.value(),
					"bar:" + kind.name() + (debt == null || !kind.isPerDebt() ? "" : ":debt:" + debt.value()));
		}
		return lifted > 0;
	}

	private List<StandingBar> all(TenantId tenant, ContactId debtor, boolean standingOnly) {
		return jdbc.sql("""
				select id, kind, debt_id, source, note, since, lifted_at, lifted_by from contact_bars
				where tenant_id = ? and contact_id = ?""" + (standingOnly ? " and lifted_at is null" : "") + """

				order by lifted_at is not null, since desc, id""")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> new StandingBar(row.getObject("id", UUID.class),
					new Bar(BarKind.valueOf(row.getString("kind")),
							row.getObject("debt_id", UUID.class) == null ? null
									: new DebtId(row.getObject("debt_id", UUID.class)),
							row.getTimestamp("since").toInstant()),
					row.getString("source"), row.getString("note"),
					row.getTimestamp("lifted_at") == null ? null : row.getTimestamp("lifted_at").toInstant(),
					row.getString("lifted_by")))
			.list();
	}
}
