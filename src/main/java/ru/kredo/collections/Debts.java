package ru.kredo.collections;

import static ru.kredo.collections.DebtComponent.FEES;
import static ru.kredo.collections.DebtComponent.INTEREST;
import static ru.kredo.collections.DebtComponent.PENALTIES;
import static ru.kredo.collections.DebtComponent.PRINCIPAL;
import static ru.kredo.collections.DebtComponent.STATE_DUTY;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.internal.DebtorPhones;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PersonSearch;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantId;

/** A tenant's debts: added, read, and paid down by successful payments. Every query names the tenant. */
@Service
public class Debts {

	private static final Logger log = LoggerFactory.getLogger(Debts.class);
	private static final String OWN_COLUMNS = """
			id, tenant_id, contact_id, original_creditor, contract_number, contract_date, assignment_date, state_duty, fees,
			interest, principal, penalties, original_total, days_past_due, overdue_since, closed_on,
			paid_before_import, forgiven, state, closed_as""";
	/** Where the debtor lives is his, not the debt's (debtor_zones): each of his debts reads it. */
	private static final String DEBTOR_ZONE = """
			(select z.region from debtor_zones z where z.tenant_id = %1$s.tenant_id and z.contact_id = %1$s.contact_id)
			    as region,
			(select z.time_zone from debtor_zones z where z.tenant_id = %1$s.tenant_id and z.contact_id = %1$s.contact_id)
			    as time_zone""";
	private static final String COLUMNS = OWN_COLUMNS + ", " + DEBTOR_ZONE.formatted("debts");
	private static final String QUALIFIED = OWN_COLUMNS.replaceAll("(\\w+)", "d.$1") + ", "
			+ DEBTOR_ZONE.formatted("d");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Allocations allocations;
	private final Offers offers;
	private final DebtorPhones phones;
	private final DebtorZones zones;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final BusinessCalendar calendar;

	Debts(JdbcClient jdbc, Allocations allocations, Offers offers, DebtorPhones phones, DebtorZones zones, Clock clock,
			ApplicationEventPublisher events, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.allocations = allocations;
		this.offers = offers;
		this.phones = phones;
		this.zones = zones;
		this.clock = clock;
		this.events = events;
		this.calendar = calendar;
	}

	/**
	 * The debtors whom a registry gave this number for, besides the one on their contact: a debtor may sign in to the
	 * cabinet with any of his numbers.
	 */
	public List<ContactId> debtorsReachableAt(TenantId tenant, PhoneNumber phone) {
		return phones.debtorsAt(tenant, phone);
	}

	/** Adds a debt of a contact, or updates its balance when the same contract of the same creditor is there. */
	@Transactional
	public Debt add(TenantId tenant, ContactId debtor, String originalCreditor, String contractNumber,
			LocalDate contractDate, LocalDate assignmentDate, DebtComponents balance, Integer daysPastDue) {
		return add(tenant, debtor, originalCreditor, contractNumber, contractDate, assignmentDate, balance, daysPastDue,
				null, null);
	}

	/**
	 * {@link #add} with where the debtor lives: a region's name and its time zone, either {@code null} if unknown. It is
	 * the debtor's ({@link DebtorZones}), so it holds for all his debts; both {@code null} leave what is known.
	 */
	@Transactional
	public Debt add(TenantId tenant, ContactId debtor, String originalCreditor, String contractNumber,
			LocalDate contractDate, LocalDate assignmentDate, DebtComponents balance, Integer daysPastDue, String region,
			ZoneId timeZone) {
		UUID id = jdbc.sql("""
				insert into debts (id, tenant_id, contact_id, original_creditor, contract_number, contract_date,
				    assignment_date, state_duty, fees, interest, principal, penalties, original_total, days_past_due,
				    overdue_since, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, contract_number, original_creditor) do update set state_duty = excluded.state_duty,
				    fees = excluded.fees, interest = excluded.interest, principal = excluded.principal,
				    penalties = excluded.penalties, days_past_due = excluded.days_past_due,
				    overdue_since = excluded.overdue_since
				returning id""")
			.params(UUID.randomUUID(), tenant.value(), debtor.value(), originalCreditor, contractNumber,
					Date.valueOf(contractDate), assignmentDate == null ? null : Date.valueOf(assignmentDate),
					balance.of(STATE_DUTY).kopecks(), balance.of(FEES).kopecks(), balance.of(INTEREST).kopecks(),
					balance.of(PRINCIPAL).kopecks(), balance.of(PENALTIES).kopecks(), balance.total().kopecks(), daysPastDue,
					daysPastDue == null ? null : Date.valueOf(today().minusDays(daysPastDue)),
					Timestamp.from(clock.instant()))
			.query(UUID.class)
			.single();
		zones.record(tenant, debtor, region, timeZone);
		offers.makeOffers(tenant, List.of(new DebtId(id)));
		return get(tenant, new DebtId(id));
	}

	public Debt get(TenantId tenant, DebtId id) {
		return jdbc.sql("select " + COLUMNS + " from debts where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(this::debt)
			.optional()
			.orElseThrow(() -> new NotFound("debt.not-found", id));
	}

	/**
	 * The portfolio (registry) the debt came in, none for a debt added one by one; terms that differ per portfolio
	 * (a restructuring plan's policy) are looked up by it.
	 */
	public Optional<UUID> portfolioOf(TenantId tenant, DebtId id) {
		return jdbc.sql("select portfolio_id from debts where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query((row, n) -> Optional.ofNullable(row.getObject("portfolio_id", UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFound("debt.not-found", id));
	}

	/** These debts of the agency, read together (another agency's, or none, are not in the map): for a page of rows. */
	public Map<DebtId, Debt> get(TenantId tenant, Collection<DebtId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<DebtId, Debt> found = new HashMap<>();
		jdbc.sql("select " + COLUMNS + " from debts where tenant_id = ? and id = any (?)")
			.params(tenant.value(), ids.stream().map(DebtId::value).distinct().toArray(UUID[]::new))
			.query(this::debt)
			.list()
			.forEach(debt -> found.put(debt.id(), debt));
		return found;
	}

	/** Debts whose debtor's last name starts with {@code query}, largest balance first. */
	public List<DebtLine> search(TenantId tenant, String query, int offset, int limit) {
		return jdbc.sql("""
				select %s, c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as debtor
				from debts d join contacts c on c.id = d.contact_id
				where d.tenant_id = ? and lower(c.last_name) like lower(?) || '%%'
				order by (d.closed_on is not null), d.state_duty + d.fees + d.interest + d.principal + d.penalties desc, d.id
				offset ? limit ?""".formatted(QUALIFIED))
			.params(tenant.value(), query == null ? "" : query.strip(), offset, limit)
			.query((row, n) -> new DebtLine(debt(row, n), row.getString("debtor")))
			.list();
	}

	/**
	 * The debts a list shows: those in {@code state} ({@code null}: all) whose debtor {@code search} finds (ФИО,
	 * phone, passport; a phone also among the numbers a registry gave) or whose contract number it holds; open ones
	 * first, then by balance, largest first.
	 */
	public List<DebtLine> find(TenantId tenant, PersonSearch search, DebtState state, int offset, int limit) {
		return jdbc.sql("""
				select %s, c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as debtor
				from debts d join contacts c on c.id = d.contact_id
				where %s
				order by (d.closed_on is not null), d.state_duty + d.fees + d.interest + d.principal + d.penalties desc, d.id
				offset ? limit ?""".formatted(QUALIFIED,
				found(search)))
			.params(found(tenant, search, state, offset, limit))
			.query((row, n) -> new DebtLine(debt(row, n), row.getString("debtor")))
			.list();
	}

	/**
	 * The debts {@link #find} finds, for the API's cursor paging: in the order they were added (then by id), which a
	 * payment does not change as it changes the balance {@link #find} orders by, so a page never skips or repeats a
	 * debt; {@code after} is where the previous page ended ({@code null}: the first page).
	 */
	public List<ListedDebt> findAfter(TenantId tenant, PersonSearch search, DebtState state,
			ru.kredo.platform.Cursor after, int limit) {
		return findAfter(tenant, search, state, null, after, limit);
	}

	/** {@link #findAfter}, narrowed to the debt of this external id when one is given (issue 15). */
	public List<ListedDebt> findAfter(TenantId tenant, PersonSearch search, DebtState state, String externalId,
			ru.kredo.platform.Cursor after, int limit) {
		List<Object> parameters = found(tenant, search, state);
		parameters.add(externalId);
		parameters.add(externalId);
		parameters.add(after == null ? null : Timestamp.from(after.at()));
		parameters.add(after == null ? null : Timestamp.from(after.at()));
		parameters.add(after == null ? null : after.id());
		parameters.add(limit);
		return jdbc.sql("""
				select %s, d.created_at, c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as debtor
				from debts d join contacts c on c.id = d.contact_id
				where %s and (?::text is null or d.external_id = ?)
				    and (?::timestamptz is null or (d.created_at, d.id) > (?::timestamptz, ?::uuid))
				order by d.created_at, d.id
				limit ?""".formatted(QUALIFIED, found(search)))
			.params(parameters)
			.query((row, n) -> new ListedDebt(debt(row, n), row.getString("debtor"),
					row.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** A debt in the API's list: with its debtor's name, and when it was added (the list's order, its cursor). */
	public record ListedDebt(Debt debt, String debtor, java.time.Instant addedAt) {
	}

	/** How many debts {@link #find} finds in all. */
	public long count(TenantId tenant, PersonSearch search, DebtState state) {
		return count(tenant, search, state, null);
	}

	/** How many debts {@link #findAfter} finds in all, with the external id if one is given. */
	public long count(TenantId tenant, PersonSearch search, DebtState state, String externalId) {
		List<Object> parameters = found(tenant, search, state);
		parameters.add(externalId);
		parameters.add(externalId);
		return jdbc.sql("select count(*) from debts d join contacts c on c.id = d.contact_id where " + found(search)
				+ " and (?::text is null or d.external_id = ?)")
			.params(parameters)
			.query(Long.class)
			.single();
	}

	/**
	 * The agency's debt whose id in the registry or the agency's own system is {@code externalId} (issue 15; unique
	 * per agency).
	 *
	 * @throws NotFound {@code debt.not-found} when the agency has none of that id
	 */
	public Debt byExternalId(TenantId tenant, String externalId) {
		return jdbc.sql("select " + COLUMNS + " from debts where tenant_id = ? and external_id = ?")
			.params(tenant.value(), externalId == null ? "" : externalId.strip())
			.query(this::debt)
			.optional()
			.orElseThrow(() -> new NotFound("debt.not-found", externalId));
	}

	/** The external ids of these debts of the agency that have one (issue 15): for a page of rows. */
	public Map<DebtId, String> externalIds(TenantId tenant, Collection<DebtId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<DebtId, String> found = new HashMap<>();
		jdbc.sql("select id, external_id from debts where tenant_id = ? and id = any (?) and external_id is not null")
			.params(tenant.value(), ids.stream().map(DebtId::value).distinct().toArray(UUID[]::new))
			.query((row, n) -> Map.entry(new DebtId(row.getObject("id", UUID.class)), row.getString("external_id")))
			.list()
			.forEach(entry -> found.put(entry.getKey(), entry.getValue()));
		return found;
	}

	/** The debt's external id, {@code null} when it has none (or is not the agency's). */
	public String externalId(TenantId tenant, DebtId id) {
		return externalIds(tenant, List.of(id)).get(id);
	}

	private static String found(PersonSearch search) {
		return """
				d.tenant_id = ? and (?::text is null or (d.closed_on is null) = (?::text = 'OPEN'))
				and (%s
				     or (?::text is not null and %s like '%%' || ? || '%%')
				     or (?::bytea is not null and exists (select 1 from debtor_phones p
				         where p.tenant_id = d.tenant_id and p.contact_id = d.contact_id and p.phone_index = ?)))"""
			.formatted(search.matchesPerson("c"), PersonSearch.contractText("d.contract_number"));
	}

	private static List<Object> found(TenantId tenant, PersonSearch search, DebtState state, Object... window) {
		List<Object> parameters = new ArrayList<>();
		parameters.add(tenant.value());
		parameters.add(state == null ? null : state.name());
		parameters.add(state == null ? null : state.name());
		parameters.addAll(Arrays.asList(search.personParameters()));
		parameters.add(search.contractPattern());
		parameters.add(search.contractPattern());
		parameters.add(search.phoneIndex());
		parameters.add(search.phoneIndex());
		parameters.addAll(Arrays.asList(window));
		return parameters;
	}

	public long count(TenantId tenant) {
		return jdbc.sql("select count(*) from debts where tenant_id = ?").param(tenant.value()).query(Long.class).single();
	}

	public List<Debt> ofContact(TenantId tenant, ContactId contact) {
		return jdbc.sql("select " + COLUMNS + " from debts where tenant_id = ? and contact_id = ? order by contract_date")
			.params(tenant.value(), contact.value())
			.query(this::debt)
			.list();
	}

	/**
	 * A debtor's debts with their payments and offers, in one statement: his home page's reads, which as five queries
	 * (the debts, their payments, their offers, the offers' schedules, …) cost the database more in round trips than
	 * in work. The payments and the schedule come as JSON arrays beside each debt.
	 */
	public DebtorsDebts ofDebtor(TenantId tenant, ContactId contact) {
		LocalDate today = offers.today(tenant);
		List<Debt> found = new ArrayList<>();
		Map<DebtId, List<DebtPayment>> payments = new LinkedHashMap<>();
		Map<DebtId, Offer> offered = new LinkedHashMap<>();
		Set<DebtId> disputed = new HashSet<>();
		jdbc.sql("""
				select %s,
				    o.id as offer_id, o.debt_id, o.rule_name, o.discount_percent, o.full_amount, o.offer_amount,
				    o.valid_until, o.status, o.paid_since_accepted, o.max_parts, o.part_interval, o.grace_days,
				    o.accepted_at, o.signed_terms, o.plan_id as offer_plan_id,
				    (select json_agg(json_build_array(p.payment_id, p.amount, p.state_duty, p.fees, p.interest,
				            p.principal, p.penalties, p.paid_at, p.outside) order by p.paid_at desc)
				        from debt_payments p where p.tenant_id = d.tenant_id and p.debt_id = d.id) as payments,
				    case when o.accepted_at is not null then
				        (select json_agg(json_build_array(x.number, x.due_on, x.amount) order by x.number)
				            from offer_parts x where x.tenant_id = o.tenant_id and x.offer_id = o.id) end as parts,
				    exists (select 1 from debt_disputes x where x.tenant_id = d.tenant_id and x.contact_id = d.contact_id
				        and x.debt_id = d.id) as ever_disputed
				from debts d left join offers o on o.tenant_id = d.tenant_id and o.debt_id = d.id
				where d.tenant_id = ? and d.contact_id = ? order by d.contract_date, d.id""".formatted(QUALIFIED))
			.params(tenant.value(), contact.value())
			.query(row -> {
				Debt debt = debt(row, 0);
				found.add(debt);
				payments.put(debt.id(), paymentsIn(row.getString("payments")));
				if (row.getBoolean("ever_disputed")) {
					disputed.add(debt.id());
				}
				// An offer a discounted plan took is the plan's: the plan's card shows it, its agreement and schedule are
				// the plan's documents, and the certificate names the plan; it is no settlement card of its own.
				boolean plans = row.getObject("offer_plan_id") != null;
				if (row.getObject("offer_id") != null && !plans) {
					// Withheld, not deleted, while disputed or under a restructuring plan.
					Offer offer = Offers.shown(Offers.offer(row, "offer_id"), debt.total(), debt.isClosed(),
							debt.status() == DebtStatus.DISPUTED || debt.status() == DebtStatus.UNDER_PLAN);
					if (offer != null) {
						offered.put(debt.id(), Offers.withSchedule(offer, partsIn(row.getString("parts"))).on(today));
					}
				}
			});
		return new DebtorsDebts(found, payments, offered, disputed);
	}

	/** {@code [[payment_id, amount, state_duty, fees, interest, principal, penalties, paid_at, outside], …]}. */
	private static List<DebtPayment> paymentsIn(String json) {
		List<DebtPayment> payments = new ArrayList<>();
		if (json != null) {
			for (JsonNode p : JSON.readTree(json)) {
				payments.add(new DebtPayment(UUID.fromString(p.get(0).asString()), Money.ofKopecks(p.get(1).asLong()),
						DebtComponents.of(Money.ofKopecks(p.get(2).asLong()), Money.ofKopecks(p.get(3).asLong()),
								Money.ofKopecks(p.get(4).asLong()), Money.ofKopecks(p.get(5).asLong()),
								Money.ofKopecks(p.get(6).asLong())),
						OffsetDateTime.parse(p.get(7).asString()).toInstant(), p.get(8).asBoolean()));
			}
		}
		return payments;
	}

	/** {@code [[number, due_on, amount], …]}. */
	private static List<OfferPart> partsIn(String json) {
		List<OfferPart> parts = new ArrayList<>();
		if (json != null) {
			for (JsonNode p : JSON.readTree(json)) {
				parts.add(new OfferPart(p.get(0).asInt(), LocalDate.parse(p.get(1).asString()),
						Money.ofKopecks(p.get(2).asLong())));
			}
		}
		return parts;
	}

	public List<DebtPayment> payments(TenantId tenant, DebtId debt) {
		return payments(tenant, List.of(debt)).get(debt);
	}

	/** The payments applied to each of these debts, newest first, in one query: a debtor's page needs them all. */
	public Map<DebtId, List<DebtPayment>> payments(TenantId tenant, Collection<DebtId> debts) {
		Map<DebtId, List<DebtPayment>> byDebt = new LinkedHashMap<>();
		debts.forEach(debt -> byDebt.put(debt, new ArrayList<>()));
		if (debts.isEmpty()) {
			return byDebt;
		}
		jdbc.sql("""
				select debt_id, payment_id, amount, state_duty, fees, interest, principal, penalties, paid_at, outside
				from debt_payments
				where tenant_id = ? and debt_id = any(?::uuid[]) order by paid_at desc""")
			.params(tenant.value(), debts.stream().map(debt -> debt.value().toString()).toArray(String[]::new))
			.query(row -> {
				byDebt.get(new DebtId(row.getObject("debt_id", UUID.class))).add(new DebtPayment(
						row.getObject("payment_id", UUID.class), Money.ofKopecks(row.getLong("amount")), components(row),
						row.getTimestamp("paid_at").toInstant(), row.getBoolean("outside")));
			});
		return byDebt;
	}

	/**
	 * Pays the debt down by a succeeded payment, in the payment's own transaction: the debt itself works out what the
	 * payment does ({@link Debt#pay}: split per the configured order, towards a settlement in force, closed at zero);
	 * here it is recorded once (a payment id applies once to a debt however often it is announced; a combined payment
	 * applies to each of its debts once, its part of it) and stored, and then {@link PaymentApplied} is published.
	 */
	@EventListener
	void on(PaymentSucceeded paid) {
		Optional<Debt> found = locked(paid.tenantId(), new DebtId(paid.debtId()));
		if (found.isEmpty()) {
			// The payment stands (the money arrived); failing here would only make the provider retry forever.
			log.warn("Payment {} succeeded for debt {}, which tenant {} does not have", paid.paymentId(), paid.debtId(),
					paid.tenantId());
			return;
		}
		Debt debt = found.get();
		// A payment applies up to what is owed when it arrives: under a settlement in force what is left of its sum,
		// otherwise the balance, nothing on a closed debt (which refuses a payment). The rest (two payments racing for
		// the last rouble, one started before the debt was paid off or settled) is recorded with it, an overpayment to
		// refund, never lost.
		Optional<Offer> settlement = debt.isClosed() ? Optional.empty()
				: offers.inForce(paid.tenantId(), debt.id(), paid.succeededAt());
		AppliedPayment applied = debt.isClosed()
				? new AppliedPayment(debt, Money.ZERO, new Allocation(Map.of()), paid.amount(), false)
				: debt.pay(paid.amount(), calendar.agencyDate(paid.succeededAt()), settlement, allocations.order());
		Allocation split = applied.split();
		int recorded = jdbc.sql("""
				insert into debt_payments (tenant_id, debt_id, payment_id, amount, state_duty, fees, interest, principal,
				    penalties, paid_at, outside) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (payment_id, debt_id) do nothing""")
			.params(paid.tenantId().value(), paid.debtId(), paid.paymentId().value(), paid.amount().kopecks(),
					split.to(STATE_DUTY).kopecks(), split.to(FEES).kopecks(), split.to(INTEREST).kopecks(),
					split.to(PRINCIPAL).kopecks(), split.to(PENALTIES).kopecks(), Timestamp.from(paid.succeededAt()),
					paid.outside())
			.update();
		if (recorded == 0) {
			return;
		}
		if (!applied.refund().isZero()) {
			log.warn("Payment {} of {} to debt {} of tenant {} exceeds what was owed ({}): {} to refund", paid.paymentId(),
					paid.amount(), paid.debtId(), paid.tenantId(), applied.applied(), applied.refund());
		}
		if (applied.applied().isZero()) {
			return;
		}
		// The settlement counts what the payment brought; the one that completes its sum is paid (ст. 415 ГК РФ).
		if (settlement.isPresent() && offers.paid(paid.tenantId(), settlement.get(), applied.applied())
				!= applied.settlementPaid()) {
			throw new IllegalStateException("Debt " + debt.id() + " and its settlement disagree on payment "
					+ paid.paymentId());
		}
		store(debt, applied.debt());
		// What moves with the debt in this transaction (a restructuring plan's instalments) hears of it here.
		events.publishEvent(new PaymentApplied(paid.tenantId(), debt.id(), debt.contactId(), paid.paymentId().value(),
				applied.applied(), calendar.agencyDate(paid.succeededAt()), paid.succeededAt(), applied.debt().status()));
	}

	/** The debt, its row locked until the transaction ends: every change of its state starts here. */
	Optional<Debt> locked(TenantId tenant, DebtId id) {
		return jdbc.sql("select " + COLUMNS + " from debts where tenant_id = ? and id = ? for update")
			.params(tenant.value(), id.value())
			.query(this::debt)
			.optional();
	}

	/**
	 * Stores what a transition of the debt made of it ({@code after}, from {@code before}, read {@link #locked}): its
	 * balance, forgiven rest, state and closing, in one statement. The one place a debt's state is written, and so
	 * the one place {@link DebtClosed} is published, in the same transaction.
	 */
	void store(Debt before, Debt after) {
		if (!before.id().equals(after.id()) || !before.tenantId().equals(after.tenantId())) {
			throw new IllegalArgumentException("Not the same debt: " + before.id() + ", " + after.id());
		}
		DebtComponents left = after.balance();
		jdbc.sql("""
				update debts set state_duty = ?, fees = ?, interest = ?, principal = ?, penalties = ?, closed_on = ?,
				    forgiven = ?, state = ?, closed_as = ?
				where tenant_id = ? and id = ?""")
			.params(left.of(STATE_DUTY).kopecks(), left.of(FEES).kopecks(), left.of(INTEREST).kopecks(),
					left.of(PRINCIPAL).kopecks(), left.of(PENALTIES).kopecks(),
					after.closedOn() == null ? null : Date.valueOf(after.closedOn()), after.forgiven().kopecks(),
					after.status().name(), after.closedAs() == null ? null : after.closedAs().name(),
					after.tenantId().value(), after.id().value())
			.update();
		if (!before.isClosed() && after.isClosed()) {
			events.publishEvent(new DebtClosed(after.id(), after.tenantId(), after.contactId(), after.closedAs(),
					after.closedOn()));
		}
	}

	/** The debtor disputes the debt ({@link Debt#dispute}); its offers are withheld until it is resolved. */
	@Transactional
	public Debt dispute(TenantId tenant, DebtId id) {
		Debt debt = locked(tenant, id).orElseThrow(() -> new NotFound("debt.not-found", id));
		Debt disputed = debt.dispute();
		store(debt, disputed);
		return disputed;
	}

	/** The agency resolves the debt's dispute today ({@link Debt#resolveDispute}); upheld, the debt is written off. */
	@Transactional
	public Debt resolveDispute(TenantId tenant, DebtId id, DisputeOutcome outcome) {
		Debt debt = locked(tenant, id).orElseThrow(() -> new NotFound("debt.not-found", id));
		// An offer a discounted restructuring plan took is the plan's, not a settlement the debt is under: the plan,
		// paused by the dispute, puts the debt under it again (module plans).
		Debt resolved = debt.resolveDispute(outcome,
				offers.takenByPlan(tenant, id) ? Optional.empty() : offers.find(tenant, id), today());
		store(debt, resolved);
		return resolved;
	}

	/**
	 * The debtor signed a restructuring plan of the debt ({@link Debt#restructure}): under it until paid or the plan
	 * ends; its offers are withheld meanwhile. In the caller's transaction, under the debt's row lock, which the plan's
	 * signing takes first ({@link #lockedForChange}).
	 */
	@Transactional
	public Debt restructure(TenantId tenant, DebtId id) {
		Debt debt = locked(tenant, id).orElseThrow(() -> new NotFound("debt.not-found", id));
		Debt restructured = debt.restructure();
		store(debt, restructured);
		return restructured;
	}

	/**
	 * The debt's plan ended unpaid ({@link Debt#endPlan}): owed as before, and its offers are made again as the day's
	 * renewal makes them (a lapsed one anew).
	 */
	@Transactional
	public Debt endPlan(TenantId tenant, DebtId id) {
		Debt debt = locked(tenant, id).orElseThrow(() -> new NotFound("debt.not-found", id));
		Debt ended = debt.endPlan();
		store(debt, ended);
		offers.makeOffers(tenant, List.of(id));
		return ended;
	}

	/**
	 * The debt read under its row lock until the caller's transaction ends, for another module whose change must
	 * agree with the debt's state (a restructuring plan signed, paid or ended): a payment being applied at the same
	 * moment waits for it, or it for the payment.
	 */
	@Transactional
	public Debt lockedForChange(TenantId tenant, DebtId id) {
		return locked(tenant, id).orElseThrow(() -> new NotFound("debt.not-found", id));
	}

	/** The agency writes the debt off today ({@link Debt#writeOff}). */
	@Transactional
	public Debt writeOff(TenantId tenant, DebtId id) {
		Debt debt = locked(tenant, id).orElseThrow(() -> new NotFound("debt.not-found", id));
		Debt writtenOff = debt.writeOff(today());
		store(debt, writtenOff);
		return writtenOff;
	}

	private static DebtComponents components(ResultSet row) throws SQLException {
		return DebtComponents.of(Money.ofKopecks(row.getLong("state_duty")), Money.ofKopecks(row.getLong("fees")),
				Money.ofKopecks(row.getLong("interest")), Money.ofKopecks(row.getLong("principal")),
				Money.ofKopecks(row.getLong("penalties")));
	}

	/** Today at the agency, as debts close and registries are read. */
	private LocalDate today() {
		return calendar.today();
	}

	/**
	 * Days past due today, or on the day it closed: counted from the day the debt fell overdue, so that they grow
	 * with time; the registry's own figure only for a debt that has no such day.
	 */
	static Integer daysPastDue(LocalDate overdueSince, LocalDate closedOn, Integer stated, LocalDate today) {
		if (overdueSince == null) {
			return stated;
		}
		LocalDate until = closedOn != null && closedOn.isBefore(today) ? closedOn : today;
		return (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(overdueSince, until));
	}

	private Debt debt(ResultSet row, int rowNumber) throws SQLException {
		Date assigned = row.getDate("assignment_date");
		Date closed = row.getDate("closed_on");
		Date overdueSince = row.getDate("overdue_since");
		String zone = row.getString("time_zone");
		return new Debt(new DebtId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				new ContactId(row.getObject("contact_id", UUID.class)), row.getString("original_creditor"),
				row.getString("contract_number"), row.getDate("contract_date").toLocalDate(),
				assigned == null ? null : assigned.toLocalDate(), components(row), Money.ofKopecks(row.getLong("original_total")),
				daysPastDue(overdueSince == null ? null : overdueSince.toLocalDate(),
						closed == null ? null : closed.toLocalDate(), (Integer) row.getObject("days_past_due"), today()),
				closed == null ? null : closed.toLocalDate(),
				row.getString("region"), zone == null ? null : ZoneId.of(zone), Money.ofKopecks(row.getLong("paid_before_import")),
				Money.ofKopecks(row.getLong("forgiven")), DebtStatus.valueOf(row.getString("state")),
				row.getString("closed_as") == null ? null : ClosedAs.valueOf(row.getString("closed_as")));
	}
}
