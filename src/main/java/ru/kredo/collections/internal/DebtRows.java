package ru.kredo.collections.internal;

import static ru.kredo.collections.DebtComponent.FEES;
import static ru.kredo.collections.DebtComponent.INTEREST;
import static ru.kredo.collections.DebtComponent.PENALTIES;
import static ru.kredo.collections.DebtComponent.PRINCIPAL;
import static ru.kredo.collections.DebtComponent.STATE_DUTY;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtsRestated;
import ru.kredo.collections.DebtsRestated.Restated;
import ru.kredo.collections.DebtorZones;
import ru.kredo.collections.DebtorZones.DebtorZone;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.ContactId;
import ru.kredo.collections.Allocations;
import ru.kredo.collections.DebtComponent;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * Stores a batch of a registry's debts in two statements, however many: one reads which of them the agency already
 * has (and what was paid on them through Kredo), one upserts them all through {@code unnest} on the debt's key
 * (tenant, contract number, original creditor). An upload of a hundred thousand rows cannot afford a round trip
 * per debt.
 * <p>
 * The balance is the registry's claim less what the row says was paid, less what Kredo has recorded since, split over
 * the components in the allocation order; so uploading the same registry again never undoes a payment made in the
 * cabinet. A debt Kredo has closed with a payment (paid in full, or settled by an accepted offer) stays closed; an
 * offer not yet accepted whose balance the registry changed is withdrawn. The debts not closed before whose balance
 * the registry changed, or which it closed, are published ({@link DebtsRestated}) for a plan running on them.
 */
@Repository
class DebtRows {

	private final JdbcClient jdbc;
	private final Offers offers;
	private final Allocations allocations;
	private final DebtorZones zones;
	private final Clock clock;
	private final BusinessCalendar calendar;
	private final ApplicationEventPublisher events;

	DebtRows(JdbcClient jdbc, Allocations allocations, Offers offers, DebtorZones zones, Clock clock,
			BusinessCalendar calendar, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.offers = offers;
		this.allocations = allocations;
		this.zones = zones;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** A debt to store and whose it is; the batch must not hold one debt twice. */
	record Owed(ContactId debtor, ImportedDebt debt) {
	}

	/** How many of the batch's debts were new and how many were there and updated. */
	record Stored(long created, long updated) {
	}

	/**
	 * The debts of the batch that cannot be stored for their external id (issue 15, docs/portfolio-import.md
	 * «External id»), by their index in the batch: the external id is the agency's debt's identity, so a row whose id
	 * is known updates that debt even under another contract number or creditor (the registry corrected them), unless
	 * that contract is another debt's ({@code portfolio.external-id-taken}); a row whose contract is a debt that
	 * already has another external id, or that another row of the batch takes away by its id, is refused
	 * ({@code portfolio.external-id-differs}): Kredo does not guess which of the two ids is right.
	 */
	Map<Integer, Rejected> refusals(TenantId tenant, List<ImportedDebt> batch) {
		return resolve(tenant, batch).refused();
	}

	private Resolution resolve(TenantId tenant, List<ImportedDebt> batch) {
		Map<String, Existing> byKey = existing(tenant, batch.stream().map(d -> new Owed(null, d)).toList());
		Map<String, Existing> byExternalId = byExternalId(tenant, batch);
		Map<Integer, Rejected> refused = new HashMap<>();
		Map<String, Existing> renamed = new HashMap<>();
		Set<DebtId> renamedAway = new HashSet<>();
		for (int i = 0; i < batch.size(); i++) {
			ImportedDebt debt = batch.get(i);
			Existing owner = debt.externalId() == null ? null : byExternalId.get(debt.externalId());
			if (owner == null || owner.key().equals(debt.key())) {
				continue;
			}
			Existing holder = byKey.get(debt.key());
			if (holder != null) {
				refused.put(i, new Rejected("portfolio.external-id-taken", debt.externalId(), owner.contractNumber()));
			}
			else {
				renamed.put(debt.key(), owner);
				renamedAway.add(owner.id());
			}
		}
		for (int i = 0; i < batch.size(); i++) {
			ImportedDebt debt = batch.get(i);
			Existing holder = byKey.get(debt.key());
			if (refused.containsKey(i) || holder == null) {
				continue;
			}
			if (renamedAway.contains(holder.id())
					|| (holder.externalId() != null && !holder.externalId().equals(debt.externalId())
							&& debt.externalId() != null)) {
				refused.put(i, new Rejected("portfolio.external-id-differs",
						holder.externalId() == null ? "—" : holder.externalId()));
			}
		}
		return new Resolution(refused, renamed);
	}

	private record Resolution(Map<Integer, Rejected> refused, Map<String, Existing> renamed) {
	}

	Stored upsert(TenantId tenant, UUID portfolio, UUID importId, List<Owed> batch) {
		if (batch.isEmpty()) {
			return new Stored(0, 0);
		}
		Resolution resolution = resolve(tenant, batch.stream().map(Owed::debt).toList());
		if (!resolution.refused().isEmpty()) {
			throw new IllegalStateException("Debts refused for their external ids must be left out first: "
					+ resolution.refused().keySet());
		}
		// A known external id under a corrected contract number or creditor: the debt takes them, and the upsert
		// below finds it under them.
		resolution.renamed().forEach((key, debt) -> {
			ImportedDebt row = batch.stream().map(Owed::debt).filter(d -> d.key().equals(key)).findFirst().orElseThrow();
			jdbc.sql("update debts set original_creditor = ?, contract_number = ? where tenant_id = ? and id = ?")
				.params(row.originalCreditor(), row.contractNumber(), tenant.value(), debt.id().value())
				.update();
		});
		Map<String, Existing> existing = existing(tenant, batch);
		LocalDate today = calendar.today();
		int n = batch.size();
		String[] ids = new String[n];
		String[] contacts = new String[n];
		String[] creditors = new String[n];
		String[] contracts = new String[n];
		String[] contractDates = new String[n];
		String[] assignmentDates = new String[n];
		Long[][] components = new Long[DebtComponent.values().length][n];
		Long[] claims = new Long[n];
		Long[] paid = new Long[n];
		Integer[] daysPastDue = new Integer[n];
		String[] overdueSince = new String[n];
		String[] closedOn = new String[n];
		String[] externalIds = new String[n];
		// Where a debtor lives is his: of his rows in the batch, the last that says it (a later row is the newer word).
		Map<ContactId, DebtorZone> whereDebtorsLive = new LinkedHashMap<>();
		List<Restated> restated = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ImportedDebt debt = batch.get(i).debt();
			Existing known = existing.get(debt.key());
			DebtComponents balance;
			LocalDate closed;
			if (known != null && known.closedInKredo()) {
				balance = known.balance();
				closed = known.closedOn();
			}
			else {
				Money settled = debt.paid().plus(known == null ? Money.ZERO : known.paidInKredo()).min(debt.claim().total());
				balance = settled.isZero() ? debt.claim() : debt.claim().minus(allocations.allocate(settled, debt.claim()));
				closed = balance.total().isZero() ? (known != null && known.closedOn() != null ? known.closedOn() : today) : null;
			}
			ids[i] = UUID.randomUUID().toString();
			contacts[i] = batch.get(i).debtor().value().toString();
			creditors[i] = debt.originalCreditor();
			contracts[i] = debt.contractNumber();
			contractDates[i] = debt.contractDate().toString();
			assignmentDates[i] = debt.assignmentDate() == null ? null : debt.assignmentDate().toString();
			for (DebtComponent component : DebtComponent.values()) {
				components[component.ordinal()][i] = balance.of(component).kopecks();
			}
			claims[i] = debt.claim().total().kopecks();
			paid[i] = debt.paid().kopecks();
			daysPastDue[i] = debt.daysPastDue();
			overdueSince[i] = debt.overdueSince() == null ? null : debt.overdueSince().toString();
			closedOn[i] = closed == null ? null : closed.toString();
			externalIds[i] = debt.externalId();
			if (known != null && !known.wasClosed()
					&& (closed != null || !balance.total().equals(known.balance().total()))) {
				restated.add(new Restated(known.id(), batch.get(i).debtor(), known.balance().total(), balance.total(),
						closed != null));
			}
			DebtorZone zone = new DebtorZone(debt.region(), debt.timeZone());
			if (zone.isKnown()) {
				whereDebtorsLive.put(batch.get(i).debtor(), zone);
			}
		}
		Timestamp now = Timestamp.from(clock.instant());
		List<Map.Entry<UUID, Boolean>> written = jdbc.sql("""
				insert into debts (id, tenant_id, contact_id, original_creditor, contract_number, contract_date,
				    assignment_date, state_duty, fees, interest, principal, penalties, original_total, days_past_due,
				    overdue_since, closed_on, paid_before_import, portfolio_id, import_id, created_at,
				    updated_at, external_id)
				select r.id::uuid, ?, r.contact_id::uuid, r.creditor, r.contract, r.contract_date::date,
				    r.assignment_date::date, r.state_duty, r.fees, r.interest, r.principal, r.penalties, r.claim,
				    r.days_past_due, r.overdue_since::date, r.closed_on::date, r.paid, ?, ?, ?, ?, r.external_id
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
				    ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::bigint[],
				    ?::text[])
				    as r (id, contact_id, creditor, contract, contract_date, assignment_date, state_duty, fees, interest,
				    principal, penalties, claim, days_past_due, overdue_since, closed_on, paid, external_id)
				on conflict (tenant_id, contract_number, original_creditor) do update set
				    contact_id = excluded.contact_id, contract_date = excluded.contract_date,
				    assignment_date = excluded.assignment_date, state_duty = excluded.state_duty, fees = excluded.fees,
				    interest = excluded.interest, principal = excluded.principal, penalties = excluded.penalties,
				    original_total = excluded.original_total, days_past_due = excluded.days_past_due,
				    overdue_since = excluded.overdue_since,
				    closed_on = excluded.closed_on,
				    paid_before_import = excluded.paid_before_import, portfolio_id = excluded.portfolio_id,
				    import_id = excluded.import_id, updated_at = excluded.updated_at,
				    external_id = coalesce(excluded.external_id, debts.external_id)
				returning id, (xmax = 0) as inserted""")
			.params(tenant.value(), portfolio, importId, now, now, ids, contacts, creditors, contracts, contractDates,
					assignmentDates, components[STATE_DUTY.ordinal()], components[FEES.ordinal()],
					components[INTEREST.ordinal()], components[PRINCIPAL.ordinal()], components[PENALTIES.ordinal()], claims,
					daysPastDue, overdueSince, closedOn, paid, externalIds)
			.query((row, rowNumber) -> Map.entry(row.getObject("id", UUID.class), row.getBoolean("inserted")))
			.list();
		statesFollowTheRegistry(tenant, written.stream().map(w -> w.getKey().toString()).toArray(String[]::new));
		if (!restated.isEmpty()) {
			// A plan running on one of them ends or is reshaped with it, in this transaction (docs/plan-lifecycle.md).
			events.publishEvent(new DebtsRestated(tenant, restated));
		}
		zones.record(tenant, whereDebtorsLive);
		withdrawStaleOffers(tenant, written.stream().filter(w -> !w.getValue()).map(w -> w.getKey().toString())
			.toArray(String[]::new));
		// The batch's debts get the offers the rules pre-approve now, in the batch's transaction.
		offers.makeOffers(tenant, written.stream().map(w -> new DebtId(w.getKey())).toList());
		long created = written.stream().filter(Map.Entry::getValue).count();
		return new Stored(created, written.size() - created);
	}

	/**
	 * A registry restates a debt that Kredo did not close (paid in Kredo, or written off): one it says is paid closes
	 * as paid, one it says is owed again is open. The state follows the closing day the upsert wrote; a debt whose
	 * state already agrees (an open debt under a settlement or disputed, a closed one) is left as it is. The agency's
	 * own books, not a closing in Kredo: no {@code DebtClosed} is published for it (docs/debts.md).
	 */
	private void statesFollowTheRegistry(TenantId tenant, String[] written) {
		if (written.length == 0) {
			return;
		}
		jdbc.sql("""
				update debts set state = case when closed_on is null then 'OPEN' else 'CLOSED' end,
				    closed_as = case when closed_on is null then null else 'PAID' end
				where tenant_id = ? and id = any(?::uuid[]) and (closed_on is null) = (state = 'CLOSED')""")
			.params(tenant.value(), written)
			.update();
	}

	/**
	 * An offer not yet accepted names the balance it discounts; when the registry has changed that balance, the offer
	 * is withdrawn, and the debt gets a fresh one from the same rules at once. An accepted offer is a
	 * settlement the debtor signed and stays.
	 */
	private void withdrawStaleOffers(TenantId tenant, String[] updated) {
		if (updated.length == 0) {
			return;
		}
		jdbc.sql("""
				delete from offers o using debts d
				where o.tenant_id = ? and o.debt_id = any(?::uuid[]) and o.status = 'OFFERED'
				    and d.tenant_id = o.tenant_id and d.id = o.debt_id
				    and o.full_amount <> d.state_duty + d.fees + d.interest + d.principal + d.penalties""")
			.params(tenant.value(), updated)
			.update();
	}

	/** The batch's debts the tenant already has, by key, with what was paid on each through Kredo. */
	private Map<String, Existing> existing(TenantId tenant, List<Owed> batch) {
		Map<String, Existing> found = new HashMap<>();
		jdbc.sql("""
				select d.id, d.state, d.original_creditor, d.contract_number, d.external_id, d.closed_on, d.closed_as, d.state_duty, d.fees, d.interest, d.principal,
				    d.penalties, coalesce((select sum(p.state_duty + p.fees + p.interest + p.principal + p.penalties)
				        from debt_payments p where p.tenant_id = d.tenant_id and p.debt_id = d.id), 0) as paid_in_kredo
				from unnest(?::text[], ?::text[]) as k (original_creditor, contract_number)
				join debts d on d.tenant_id = ? and d.contract_number = k.contract_number
				    and d.original_creditor = k.original_creditor""")
			.params(texts(batch, ImportedDebt::originalCreditor), texts(batch, ImportedDebt::contractNumber), tenant.value())
			.query(DebtRows::existingRow)
			.list()
			.forEach(entry -> found.put(entry.getKey(), entry.getValue()));
		return found;
	}

	/** The batch's external ids the agency already has, each with its debt (keyed by the external id). */
	private Map<String, Existing> byExternalId(TenantId tenant, List<ImportedDebt> batch) {
		String[] ids = batch.stream().map(ImportedDebt::externalId).filter(java.util.Objects::nonNull)
			.toArray(String[]::new);
		if (ids.length == 0) {
			return Map.of();
		}
		Map<String, Existing> found = new HashMap<>();
		jdbc.sql("""
				select d.id, d.state, d.original_creditor, d.contract_number, d.external_id, d.closed_on, d.closed_as,
				    d.state_duty, d.fees, d.interest, d.principal, d.penalties, 0 as paid_in_kredo
				from debts d where d.tenant_id = ? and d.external_id = any(?::text[])""")
			.params(tenant.value(), ids)
			.query(DebtRows::existingRow)
			.list()
			.forEach(entry -> found.put(entry.getValue().externalId(), entry.getValue()));
		return found;
	}

	private static Map.Entry<String, Existing> existingRow(java.sql.ResultSet row, int n) throws java.sql.SQLException {
				java.sql.Date closed = row.getDate("closed_on");
				return Map.entry(ImportedDebt.key(row.getString("original_creditor"), row.getString("contract_number")),
						new Existing(new DebtId(row.getObject("id", UUID.class)), "CLOSED".equals(row.getString("state")),
								DebtComponents.of(Money.ofKopecks(row.getLong("state_duty")),
								Money.ofKopecks(row.getLong("fees")), Money.ofKopecks(row.getLong("interest")),
								Money.ofKopecks(row.getLong("principal")), Money.ofKopecks(row.getLong("penalties"))),
								Money.ofKopecks(row.getLong("paid_in_kredo")), closed == null ? null : closed.toLocalDate(),
								"WRITTEN_OFF".equals(row.getString("closed_as")), row.getString("original_creditor"),
								row.getString("contract_number"), row.getString("external_id")));
	}

	private static String[] texts(List<Owed> batch, Function<ImportedDebt, String> value) {
		return batch.stream().map(Owed::debt).map(value).toArray(String[]::new);
	}

	private record Existing(DebtId id, boolean wasClosed, DebtComponents balance, Money paidInKredo, LocalDate closedOn,
			boolean writtenOff, String originalCreditor, String contractNumber, String externalId) {

		String key() {
			return ImportedDebt.key(originalCreditor, contractNumber);
		}

		/**
		 * Closed in Kredo: by a payment through it (in full, or with an accepted offer's discount forgiven), or written
		 * off by the agency.
		 */
		boolean closedInKredo() {
			return closedOn != null && (!paidInKredo.isZero() || writtenOff);
		}
	}
}
