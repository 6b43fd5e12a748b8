package ru.kredo.collections;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * Pre-approved discounts: the agency's rules, the offer each open debt gets (the richest rule it meets, made when a
 * rule or the debt changes and renewed once a day, see {@link #makeOffers(TenantId, Collection)}),
 * its acceptance signed with an SMS code together with the schedule of parts the debtor chose, payments counted
 * against that schedule, and its lapse when a date passes unpaid (derived when read, see {@link Offer}). Paying the
 * whole discounted sum forgives the rest of the debt ({@link Debts} applies it).
 */
@Service
public class Offers {

	private static final String COLUMNS = """
			id, debt_id, rule_name, discount_percent, full_amount, offer_amount, valid_until, status, paid_since_accepted,
			max_parts, part_interval, grace_days, accepted_at, signed_terms""";

	private final JdbcClient jdbc;
	private final Clock clock;
	/** The debts, whose state a signature changes; {@link Debts} needs offers too, so it is looked up when used. */
	private final ObjectProvider<Debts> debts;

	private final BusinessCalendar calendar;

	private final TenantClocks clocks;

	private final org.springframework.context.ApplicationEventPublisher events;

	Offers(JdbcClient jdbc, Clock clock, ObjectProvider<Debts> debts, BusinessCalendar calendar, TenantClocks clocks,
			org.springframework.context.ApplicationEventPublisher events) {
		this.clocks = clocks;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.debts = debts;
		this.calendar = calendar;
	}

	@Transactional
	public OfferRule addRule(TenantId tenant, String name, int minDaysPastDue, Money minBalance, int discountPercent,
			int validDays, PartPolicy parts) {
		OfferRule rule = new OfferRule(UUID.randomUUID(), name, minDaysPastDue, minBalance, discountPercent, validDays, parts);
		jdbc.sql("""
				insert into offer_rules (id, tenant_id, name, min_days_past_due, min_balance, discount_percent, valid_days,
				    max_parts, part_interval, grace_days, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(rule.id(), tenant.value(), rule.name(), minDaysPastDue, minBalance.kopecks(), discountPercent, validDays,
					parts.maxParts(), parts.interval().name(), parts.graceDays(), Timestamp.from(clock.instant()))
			.update();
		makeOffers(tenant);
		return rule;
	}

	/** The rules that make offers: those switched on (all of them, with their state: {@link OfferRules}). */
	public List<OfferRule> rules(TenantId tenant) {
		return jdbc.sql("""
				select id, name, min_days_past_due, min_balance, discount_percent, valid_days, max_parts, part_interval,
				       grace_days from offer_rules
				where tenant_id = ? and enabled order by discount_percent desc, name""")
			.param(tenant.value())
			.query((row, n) -> rule(row))
			.list();
	}

	static OfferRule rule(ResultSet row) throws SQLException {
		return new OfferRule(row.getObject("id", UUID.class), row.getString("name"), row.getInt("min_days_past_due"),
				Money.ofKopecks(row.getLong("min_balance")), row.getInt("discount_percent"), row.getInt("valid_days"),
				policy(row));
	}

	/**
	 * Makes the offers the agency's rules pre-approve, for every open debt of the tenant that has none; see
	 * {@link #makeOffers(TenantId, Collection)}.
	 *
	 * @return how many offers were made
	 */
	@Transactional
	public int makeOffers(TenantId tenant) {
		return makeOffers(tenant, null);
	}

	/**
	 * Makes the offers the agency's rules pre-approve for these debts ({@code null}: all the tenant's): each open debt
	 * without an offer gets one from the richest rule it meets (most discount first, then the rule's name), valid for
	 * the rule's days from today; its days past due are counted to today from the day it fell overdue, as
	 * {@link Debt#daysPastDue()} counts them. An offer never signed whose date has passed is replaced the same way, so a debtor
	 * who comes later is not shown a lapsed offer he never saw; a signed one stays. Offers are made here, when a rule
	 * or a debt changes and once a day ({@code OfferRenewal}), never when a page is shown: a page only reads them.
	 * One statement each way, whatever the number of debts; a debt keeps the first offer made.
	 *
	 * @return how many offers were made
	 */
	@Transactional
	public int makeOffers(TenantId tenant, Collection<DebtId> debts) {
		if (debts != null && debts.isEmpty()) {
			return 0;
		}
		// Each rule counts the offers it ever made (an offer that lapsed unsigned is deleted below): a rule that has made
		// one may not be deleted (OfferRules.delete). The tenant's rules are locked first, in one order, so that two
		// runs at once (two uploads, an upload and the day's renewal) wait for each other instead of deadlocking on
		// the counts. Without a rule switched on there is nothing to make, and a lapsed offer stays as it is.
		List<UUID> rules = jdbc.sql("select id from offer_rules where tenant_id = ? and enabled order by id for update")
			.param(tenant.value())
			.query(UUID.class)
			.list();
		if (rules.isEmpty()) {
			return 0;
		}
		LocalDate today = today(tenant);
		String[] ids = debts == null ? null : debts.stream().map(d -> d.value().toString()).toArray(String[]::new);
		// Two forms of each statement, for given debts and for all: one form with «? is null or id = any(?)» can be
		// planned once for both (a generic plan), which reads every debt of the agency for each batch of an upload; one
		// such statement was seen running for over 30 s in the portfolio benchmark at 20,000 rows.
		String onlyOffers = ids == null ? "" : " and o.debt_id = any(cast(? as uuid[]))";
		jdbc.sql("delete from offers o where o.tenant_id = ? and o.status = 'OFFERED' and o.valid_until < ?" + onlyOffers)
			.params(ids == null ? new Object[] { tenant.value(), Date.valueOf(today) }
					: new Object[] { tenant.value(), Date.valueOf(today), ids })
			.update();
		String onlyDebts = ids == null ? "" : " and id = any(cast(? as uuid[]))";
		return jdbc.sql("""
				with made as (
				insert into offers (id, tenant_id, debt_id, rule_id, rule_name, discount_percent, full_amount, offer_amount,
				    valid_until, status, max_parts, part_interval, grace_days, created_at)
				select gen_random_uuid(), d.tenant_id, d.id, r.id, r.name, r.discount_percent, d.total,
				    d.total - d.total * r.discount_percent / 100, cast(? as date) + r.valid_days, 'OFFERED', r.max_parts,
				    r.part_interval, r.grace_days, ?
				from (select id, tenant_id, state_duty + fees + interest + principal + penalties as total,
				          coalesce(greatest(0, cast(? as date) - overdue_since), days_past_due, 0) as days_past_due
				      from debts
				      where tenant_id = ? and closed_on is null and state not in ('DISPUTED', 'UNDER_PLAN')%s) d
				cross join lateral (
				    select * from offer_rules r
				    where r.tenant_id = d.tenant_id and r.enabled and d.days_past_due >= r.min_days_past_due
				        and r.min_balance <= d.total
				    order by r.discount_percent desc, r.name limit 1) r
				where d.total > 0 and not exists (select 1 from offers o where o.debt_id = d.id)
				on conflict (debt_id) do nothing
				returning rule_id),
				counted as (
				    update offer_rules r set offers_made = r.offers_made + m.n
				    from (select rule_id, count(*) as n from made group by rule_id) m where r.id = m.rule_id)
				select count(*) from made""".formatted(onlyDebts))
			.params(ids == null
					? new Object[] { Date.valueOf(today), Timestamp.from(clock.instant()), Date.valueOf(today), tenant.value() }
					: new Object[] { Date.valueOf(today), Timestamp.from(clock.instant()), Date.valueOf(today), tenant.value(),
							ids })
			.query(Integer.class)
			.single();
	}

	/**
	 * The largest discount, in percent, an operator may offer a debtor from their conversation: the largest of the
	 * agency's rules switched on, none (0) when it has none. The agency's admin decides what discounts the agency
	 * grants on its rules page; an operator negotiating with one debtor may go as far as the agency goes for any of
	 * its debtors, never further (docs/settlements.md, «Offered from the conversation»).
	 */
	public int conversationCeiling(TenantId tenant) {
		return jdbc.sql("select coalesce(max(discount_percent), 0) from offer_rules where tenant_id = ? and enabled")
			.param(tenant.value())
			.query(Integer.class)
			.single();
	}

	/**
	 * An operator offers the debtor a settlement on his open debt from their conversation: the discount (or the sum to
	 * pay) within {@link #conversationCeiling}, valid for the days given, paid in full. The debtor signs it in his
	 * cabinet with a texted code as he signs a rule's offer ({@link #signable}, {@link #accept}): it is the debt's offer
	 * like any other. An unsigned offer the debt already has is replaced only by one better for the debtor (less to
	 * pay); one he signed is never replaced. The debt's row is locked first, as a signature locks it.
	 * <p>
	 * A sum is exact for the balance it was offered on; its discount is kept in whole percent rounded down (what the
	 * card shows), so if a payment lowers the balance before he signs, the offer discounts the new balance by that
	 * percent, never more than was granted.
	 *
	 * @param operatorName who offered it, shown to staff on the debtor's card in place of a rule's name
	 * @throws NotFound another debtor's debt, another agency's, or none
	 * @throws InvalidFields {@code debt}: {@code offer.debt-closed}, {@code debt.disputed}, {@code offer.already-signed},
	 *     {@code offer.open-not-worse}; {@code discountPercent} or {@code sumToPay}: {@code offer.no-ceiling},
	 *     {@code offer.above-ceiling}, {@code offer.sum-out-of-range}
	 */
	@Transactional
	public Offer offerFromConversation(TenantId tenant, ContactId debtor, DebtId debtId, OperatorOffer terms,
			UUID operator, String operatorName) {
		return offerFromConversation(tenant, debtor, debtId, terms, OfferedBy.user(operator, operatorName));
	}

	/**
	 * As {@link #offerFromConversation(TenantId, ContactId, DebtId, OperatorOffer, UUID, String)}, offered by a user
	 * of the agency or by one of its API keys ({@code by}); the offer records which.
	 */
	@Transactional
	public Offer offerFromConversation(TenantId tenant, ContactId debtor, DebtId debtId, OperatorOffer terms,
			OfferedBy by) {
		Debt debt = debts.getObject().locked(tenant, debtId)
			.filter(found -> found.contactId().equals(debtor))
			.orElseThrow(() -> new NotFound("debt.not-found", debtId));
		if (debt.isClosed() || debt.total().isZero()) {
			throw new InvalidFields(Map.of("debt", new Rejected("offer.debt-closed")));
		}
		if (debt.status() == DebtStatus.DISPUTED) {
			throw new InvalidFields(Map.of("debt", new Rejected("debt.disputed")));
		}
		if (debt.status() == DebtStatus.UNDER_PLAN) {
			throw new InvalidFields(Map.of("debt", new Rejected("debt.under-plan")));
		}
		Money balance = debt.total();
		int ceiling = conversationCeiling(tenant);
		String field = terms.discountPercent() != null ? "discountPercent" : "sumToPay";
		InvalidFields.Collector wrong = new InvalidFields.Collector();
		int percent = 0;
		Money toPay = null;
		if (ceiling == 0) {
			wrong.reject(field, new Rejected("offer.no-ceiling"));
		}
		else if (terms.discountPercent() != null) {
			percent = terms.discountPercent();
			if (percent < 1 || percent > ceiling) {
				wrong.reject(field, new Rejected("offer.above-ceiling", ceiling));
			}
			toPay = Offer.discounted(balance, percent);
		}
		else {
			toPay = terms.sumToPay();
			// At least 1 % off and at most the ceiling: the least sum is the balance less the ceiling's discount
			// (rounded down to the kopeck, as Offer.discounted rounds it), the most the balance less 1 %.
			Money least = Offer.discounted(balance, ceiling);
			Money most = Offer.discounted(balance, 1);
			if (least.exceeds(toPay) || toPay.exceeds(most)) {
				wrong.reject(field, new Rejected("offer.sum-out-of-range", least, most));
			}
			percent = (int) ((balance.kopecks() - toPay.kopecks()) * 100 / balance.kopecks());
		}
		if (terms.validDays() < 1 || terms.validDays() > OperatorOffer.MOST_VALID_DAYS) {
			wrong.reject("validDays", new Rejected("offer.valid-days-invalid"));
		}
		wrong.throwIfAny();
		LocalDate today = today(tenant);
		Optional<Offer> existing = jdbc.sql("select " + COLUMNS + " from offers where tenant_id = ? and debt_id = ? for update")
			.params(tenant.value(), debtId.value())
			.query(Offers::offer)
			.optional()
			.map(offer -> rebased(offer, balance).on(today));
		if (existing.isPresent()) {
			Offer open = existing.get();
			if (open.wasAccepted()) {
				// One offer per debt, and a signed one stays on record: a lapsed settlement is not replaced.
				boolean lapsed = find(tenant, debtId, today).map(Offer::status).orElse(null) == Offer.Status.LAPSED;
				throw new InvalidFields(Map.of("debt",
						new Rejected(lapsed ? "offer.settlement-lapsed" : "offer.already-signed")));
			}
			// An open offer at least as good for him stays: an operator never makes him pay more than he was offered.
			if (open.status() == Offer.Status.OFFERED && !open.offerAmount().exceeds(toPay)) {
				throw new InvalidFields(Map.of("debt", new Rejected("offer.open-not-worse", open.offerAmount(),
						open.validUntil().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))));
			}
			jdbc.sql("delete from offers where tenant_id = ? and id = ? and accepted_at is null")
				.params(tenant.value(), open.id())
				.update();
		}
		PartPolicy parts = PartPolicy.IN_FULL;
		jdbc.sql("""
				insert into offers (id, tenant_id, debt_id, rule_id, offered_by, offered_by_api_key, rule_name,
				    discount_percent, full_amount, offer_amount, valid_until, status, max_parts, part_interval, grace_days,
				    created_at)
				values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, 'OFFERED', ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), tenant.value(), debtId.value(), by.user(), by.apiKey(), by.name(), percent,
					balance.kopecks(), toPay.kopecks(), Date.valueOf(today.plusDays(terms.validDays())),
					parts.maxParts(), parts.interval().name(), parts.graceDays(), Timestamp.from(clock.instant()))
			.update();
		return find(tenant, debtId).orElseThrow();
	}

	/** Which of these debts' offers an operator made from a conversation (the rest were made by rules). */
	public java.util.Set<DebtId> fromConversation(TenantId tenant, Collection<DebtId> debts) {
		if (debts.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select debt_id from offers where tenant_id = ? and debt_id = any(?::uuid[]) and rule_id is null""")
			.params(tenant.value(), debts.stream().map(debt -> debt.value().toString()).toArray(String[]::new))
			.query((row, n) -> new DebtId(row.getObject("debt_id", UUID.class)))
			.list());
	}

	/** The tenants that have offer rules switched on: those whose offers the day's renewal makes. */
	/** The agencies with a debt under a signed settlement, whose settlements may have lapsed. */
	public List<TenantId> tenantsWithSettlements() {
		return jdbc.sql("select distinct tenant_id from debts where state = 'UNDER_SETTLEMENT'")
			.query((row, n) -> new TenantId(row.getObject("tenant_id", UUID.class)))
			.list();
	}

	/**
	 * Records in the debts' state the settlements that lapsed unpaid as of today ({@link Debt#settlementLapsed}): each
	 * such debt is open again, owed in full (its lapsed agreement stays on record). Run daily; running it twice, or on
	 * two nodes at once, changes each debt once (the row is locked and its state read again).
	 *
	 * @return how many debts were opened again
	 */
	@Transactional
	public int reopenLapsedSettlements(TenantId tenant) {
		List<DebtId> under = jdbc.sql("select id from debts where tenant_id = ? and state = 'UNDER_SETTLEMENT'")
			.param(tenant.value())
			.query((row, n) -> new DebtId(row.getObject("id", UUID.class)))
			.list();
		int reopened = 0;
		for (Map.Entry<DebtId, Offer> entry : find(tenant, under).entrySet()) {
			if (entry.getValue().status() != Offer.Status.LAPSED) {
				continue;
			}
			Optional<Debt> locked = debts.getObject().locked(tenant, entry.getKey());
			if (locked.isPresent() && locked.get().status() == DebtStatus.UNDER_SETTLEMENT) {
				debts.getObject().store(locked.get(), locked.get().settlementLapsed());
				reopened++;
			}
		}
		return reopened;
	}

	public List<TenantId> tenantsWithRules() {
		return jdbc.sql("select distinct tenant_id from offer_rules where enabled")
			.query((row, n) -> new TenantId(row.getObject("tenant_id", UUID.class)))
			.list();
	}

	/**
	 * Accepts an offer still open, to be paid in {@code parts} parts, signed by the SMS challenge the debtor confirmed;
	 * keeps the schedule and the terms he signed. The settlement is made on the balance at signing (a part paid before
	 * has already lowered it): its {@code fullAmount} is that balance and its {@code offerAmount} the discounted sum,
	 * which must be what the debtor read ({@code offerAmountRead}). The debt's row is locked first, so a payment being
	 * applied at the same moment either comes before (and the terms he read are refused as changed) or after (and
	 * counts towards the settlement). The debt is then under the settlement ({@link Debt#settle}).
	 *
	 * @throws Rejected {@code offer.debt-closed}, {@code offer.already-signed}, {@code offer.expired},
	 *     {@code offer.not-open} (none is open), {@code offer.terms-changed} (the balance moved since he read them), or
	 *     {@code debt.disputed}
	 */
	@Transactional
	public Offer accept(TenantId tenant, DebtId debt, UUID signature, int parts, Money offerAmountRead,
			String signedTerms) {
		return accept(tenant, debt, signature, parts, offerAmountRead, signedTerms, null);
	}

	/**
	 * As {@link #accept(TenantId, DebtId, UUID, int, Money, String)}, and keeps the number the signing code was texted
	 * to, masked as the copy of the agreement prints it ({@link SettlementAgreements}); {@code null}: not known.
	 */
	@Transactional
	public Offer accept(TenantId tenant, DebtId debt, UUID signature, int parts, Money offerAmountRead,
			String signedTerms, PhoneNumber sentTo) {
		Debt locked = debts.getObject().locked(tenant, debt).orElseThrow(() -> new NotFound("debt.not-found", debt));
		if (locked.isClosed() || locked.total().isZero()) {
			throw new Rejected("offer.debt-closed");
		}
		Offer offer = jdbc.sql("select " + COLUMNS + " from offers where tenant_id = ? and debt_id = ? for update")
			.params(tenant.value(), debt.value())
			.query(Offers::offer)
			.optional()
			.orElseThrow(() -> new Rejected("offer.not-open"));
		offer = rebased(offer, locked.total()).on(today(tenant));
		refuseUnlessOpen(offer);
		if (!offer.offerAmount().equals(offerAmountRead)) {
			throw new Rejected("offer.terms-changed");
		}
		Debt settled = locked.settle();
		List<OfferPart> schedule = offer.scheduleFor(parts);
		Instant signedAt = clock.instant();
		jdbc.sql("""
				update offers set status = 'ACCEPTED', accepted_at = ?, signature = ?, signed_terms = ?, full_amount = ?,
				    offer_amount = ?, signed_phone = ?
				where tenant_id = ? and id = ?""")
			.params(Timestamp.from(signedAt), signature, signedTerms, offer.fullAmount().kopecks(),
					offer.offerAmount().kopecks(), sentTo == null ? null : sentTo.masked(), tenant.value(), offer.id())
			.update();
		for (OfferPart part : schedule) {
			jdbc.sql("insert into offer_parts (tenant_id, offer_id, number, due_on, amount) values (?, ?, ?, ?, ?)")
				.params(tenant.value(), offer.id(), part.number(), Date.valueOf(part.dueOn()), part.amount().kopecks())
				.update();
		}
		debts.getObject().store(locked, settled);
		// The agency's systems hear of it after the commit (webhook offer.signed, issue 15).
		events.publishEvent(new OfferSigned(tenant, offer.id(), debt, locked.contactId(), locked.contractNumber(),
				offer.discountPercent(), offer.fullAmount(), offer.offerAmount(), schedule, signedAt));
		return find(tenant, debt).orElseThrow();
	}

	/**
	 * A restructuring plan combined with this debt's offer was signed (module {@code plans}, docs/plans.md «A plan
	 * with a discount»): the offer, still open and asking {@code sumRead} (the plan's total) on the debt's balance, is
	 * signed with the plan's signature and terms and its sum is the plan's. Payments count towards it as towards a
	 * settlement ({@link #inForce}, {@link #paid}), so the one that completes it forgives the rest and closes the debt
	 * as settled, under the plan's agreement ({@link #fulfilled}). It has no parts of its own: the plan's instalments
	 * are its schedule, and its own date no longer matters — it does not lapse while the plan runs. The debt's state
	 * is the plan's business ({@link Debts#restructure}); the caller holds the debt's row lock.
	 *
	 * @throws Rejected {@code plan.discount-lapsed} (no offer open any more, or another sum)
	 */
	@Transactional
	public Offer acceptForPlan(TenantId tenant, DebtId debt, UUID plan, UUID signature, Money sumRead,
			String signedTerms) {
		Debt locked = debts.getObject().locked(tenant, debt).orElseThrow(() -> new NotFound("debt.not-found", debt));
		Offer offer = jdbc.sql("select " + COLUMNS + " from offers where tenant_id = ? and debt_id = ? for update")
			.params(tenant.value(), debt.value())
			.query(Offers::offer)
			.optional()
			.map(found -> rebased(found, locked.total()).on(today(tenant)))
			.filter(found -> found.status() == Offer.Status.OFFERED && found.offerAmount().equals(sumRead))
			.orElseThrow(() -> new Rejected("plan.discount-lapsed"));
		jdbc.sql("""
				update offers set status = 'ACCEPTED', accepted_at = ?, signature = ?, signed_terms = ?, full_amount = ?,
				    offer_amount = ?, plan_id = ?
				where tenant_id = ? and id = ?""")
			.params(Timestamp.from(clock.instant()), signature, signedTerms, offer.fullAmount().kopecks(),
					offer.offerAmount().kopecks(), plan, tenant.value(), offer.id())
			.update();
		return find(tenant, debt).orElseThrow();
	}

	/**
	 * The discounted plan that took this debt's offer ({@link #acceptForPlan}) broke, or was ended: the discount is
	 * lost. The offer is open again as it was before the plan took it (what was paid under the plan has lowered the
	 * balance, which it discounts as any open offer), and the renewal replaces it if its date has passed
	 * ({@link #makeOffers(TenantId, Collection)}). The plan's own record keeps what was signed.
	 */
	@Transactional
	public void releaseFromPlan(TenantId tenant, DebtId debt, UUID plan) {
		jdbc.sql("""
				update offers set status = 'OFFERED', accepted_at = null, signature = null, signed_terms = null,
				    signed_phone = null, paid_since_accepted = 0, plan_id = null
				where tenant_id = ? and debt_id = ? and plan_id = ? and status = 'ACCEPTED'""")
			.params(tenant.value(), debt.value(), plan)
			.update();
	}

	/**
	 * Which of these debts' offers a discounted restructuring plan took ({@link #acceptForPlan}): the plan's, shown
	 * and printed as the plan (module plans), never as a settlement card or agreement of its own.
	 */
	public java.util.Set<DebtId> takenByPlans(TenantId tenant, Collection<DebtId> debts) {
		if (debts.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select debt_id from offers where tenant_id = ? and debt_id = any(?::uuid[]) and plan_id is not null""")
			.params(tenant.value(), debts.stream().map(debt -> debt.value().toString()).toArray(String[]::new))
			.query((row, n) -> new DebtId(row.getObject("debt_id", UUID.class)))
			.list());
	}

	/** Whether the debt's offer was taken by a discounted restructuring plan ({@link #acceptForPlan}). */
	boolean takenByPlan(TenantId tenant, DebtId debt) {
		return jdbc.sql("select exists (select 1 from offers where tenant_id = ? and debt_id = ? and plan_id is not null)")
			.params(tenant.value(), debt.value())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The debt's offer as the debtor may sign it now, or why he may not: the debt is repaid, it is already under a
	 * signed settlement, the offer expired, or it has none. The signing itself checks all of it again ({@link #accept}).
	 */
	public Offer signable(TenantId tenant, Debt debt) {
		if (debt.isClosed() || debt.total().isZero()) {
			throw new Rejected("offer.debt-closed");
		}
		if (debt.status() == DebtStatus.DISPUTED) {
			throw new Rejected("debt.disputed");
		}
		if (debt.status() == DebtStatus.UNDER_PLAN) {
			throw new Rejected("debt.under-plan");
		}
		Offer offer = find(tenant, debt.id()).orElseThrow(() -> new Rejected("offer.not-open"));
		refuseUnlessOpen(offer);
		return offer;
	}

	private static void refuseUnlessOpen(Offer offer) {
		switch (offer.status()) {
			case OFFERED -> {
			}
			case ACCEPTED, PAID -> throw new Rejected("offer.already-signed");
			// A settlement that lapsed unpaid is not signed again: the debt is owed in full.
			case LAPSED -> throw new Rejected("offer.expired");
		}
	}

	/**
	 * What the debtor owes on the debt now, the most a payment may bring: under a signed settlement still in force,
	 * what is left of its sum (never more than the balance); otherwise the balance; nothing once the debt is closed.
	 */
	public Money owed(TenantId tenant, Debt debt) {
		return owed(debt, find(tenant, debt.id()).filter(o -> o.status() == Offer.Status.ACCEPTED));
	}

	static Money owed(Debt debt, Optional<Offer> settlement) {
		return debt.owed(settlement);
	}

	/** The settlement signed and in force on the day of {@code at} (Moscow), towards which a payment then counts. */
	Optional<Offer> inForce(TenantId tenant, DebtId debt, Instant at) {
		return find(tenant, debt, calendar.agencyDate(at)).filter(o -> o.status() == Offer.Status.ACCEPTED);
	}

	/**
	 * Counts what a payment applied towards a settlement in force ({@link #inForce}); true when it completes the
	 * settlement's sum, so the rest is forgiven. The caller never applies more than is left of it.
	 */
	boolean paid(TenantId tenant, Offer settlement, Money applied) {
		Money paid = settlement.paidSinceAccepted().plus(applied);
		boolean settled = !settlement.offerAmount().exceeds(paid);
		jdbc.sql("update offers set paid_since_accepted = ?, status = ? where tenant_id = ? and id = ?")
			.params(paid.kopecks(), settled ? "PAID" : "ACCEPTED", tenant.value(), settlement.id())
			.update();
		return settled;
	}

	/**
	 * The settlement that closed the debt, if one did: the agreement the debtor signed (a discounted restructuring
	 * plan's own id when the plan's completion settled it, {@link #acceptForPlan}), when, with which SMS signature,
	 * and its figures. Empty for a debt paid without one.
	 */
	public Optional<SignedSettlement> fulfilled(TenantId tenant, DebtId debt) {
		return jdbc.sql("""
				select coalesce(plan_id, id) as id, plan_id is not null as of_plan, accepted_at, signature, full_amount,
				    offer_amount from offers
				where tenant_id = ? and debt_id = ? and status = 'PAID' and accepted_at is not null""")
			.params(tenant.value(), debt.value())
			.query((row, n) -> new SignedSettlement(row.getObject("id", UUID.class),
					row.getTimestamp("accepted_at").toInstant(), row.getObject("signature", UUID.class),
					Money.ofKopecks(row.getLong("full_amount")), Money.ofKopecks(row.getLong("offer_amount")),
					row.getBoolean("of_plan")))
			.optional();
	}

	/**
	 * The signature of this debt's signed settlement: its record's id and the number the code was texted to, masked
	 * ({@code null} for one signed before Kredo kept it); empty when the debt has none signed.
	 */
	Optional<Signature> signature(TenantId tenant, DebtId debt) {
		return jdbc.sql("""
				select signature, signed_phone from offers
				where tenant_id = ? and debt_id = ? and accepted_at is not null and signature is not null""")
			.params(tenant.value(), debt.value())
			.query((row, n) -> new Signature(row.getObject("signature", UUID.class), row.getString("signed_phone")))
			.optional();
	}

	/** A settlement's simple electronic signature: its record (the SMS challenge) and the phone, masked. */
	record Signature(UUID record, String maskedPhone) {
	}

	/** The debt's offer as it stands today (lapse is derived when read, see {@link Offer}). */
	public Optional<Offer> find(TenantId tenant, DebtId debt) {
		return find(tenant, debt, today(tenant));
	}

	/** These debts' offers as they stand today, read together; a debt without one is not in the map. */
	public Map<DebtId, Offer> find(TenantId tenant, List<DebtId> debts) {
		return find(tenant, debts, today(tenant));
	}

	private Optional<Offer> find(TenantId tenant, DebtId debt, LocalDate day) {
		return Optional.ofNullable(find(tenant, List.of(debt), day).get(debt));
	}

	/**
	 * These debts' offers as they stand on {@code day}, each with its schedule: one query for the offers and, when any
	 * was accepted, one for all their parts.
	 */
	private Map<DebtId, Offer> find(TenantId tenant, List<DebtId> debts, LocalDate day) {
		Map<DebtId, Offer> offers = new HashMap<>();
		if (debts.isEmpty()) {
			return offers;
		}
		List<Offer> found = jdbc.sql("""
				select o.id, o.debt_id, o.rule_name, o.discount_percent, o.full_amount, o.offer_amount, o.valid_until,
				       o.status, o.paid_since_accepted, o.max_parts, o.part_interval, o.grace_days, o.accepted_at,
				       o.signed_terms, d.state_duty + d.fees + d.interest + d.principal + d.penalties as debt_balance,
				       d.closed_on as debt_closed_on
				from offers o join debts d on d.tenant_id = o.tenant_id and d.id = o.debt_id
				where o.tenant_id = ? and o.debt_id = any(?::uuid[])""")
			.params(tenant.value(), debts.stream().map(debt -> debt.value().toString()).toArray(String[]::new))
			.query((row, n) -> shown(offer(row, n), Money.ofKopecks(row.getLong("debt_balance")),
					row.getDate("debt_closed_on") != null, false))
			.list();
		Map<UUID, List<OfferPart>> schedules = schedules(tenant,
				found.stream().filter(o -> o != null && o.wasAccepted()).map(Offer::id).toList());
		for (Offer offer : found) {
			if (offer == null) {
				continue;
			}
			List<OfferPart> parts = schedules.getOrDefault(offer.id(), List.of());
			offers.put(offer.debtId(), withSchedule(offer, parts).on(day));
		}
		return offers;
	}

	/** The parts of these offers' schedules, in order, in one query. */
	private Map<UUID, List<OfferPart>> schedules(TenantId tenant, List<UUID> offerIds) {
		Map<UUID, List<OfferPart>> schedules = new HashMap<>();
		if (offerIds.isEmpty()) {
			return schedules;
		}
		jdbc.sql("""
				select offer_id, number, due_on, amount from offer_parts
				where tenant_id = ? and offer_id = any(?::uuid[]) order by offer_id, number""")
			.params(tenant.value(), offerIds.stream().map(UUID::toString).toArray(String[]::new))
			.query(row -> {
				schedules.computeIfAbsent(row.getObject("offer_id", UUID.class), id -> new ArrayList<>())
					.add(new OfferPart(row.getInt("number"), row.getDate("due_on").toLocalDate(),
							Money.ofKopecks(row.getLong("amount"))));
			});
		return schedules;
	}

	/**
	 * The offer as a debt with this balance shows it: one not yet signed discounts what is owed now (a part paid since
	 * it was made lowers both sums), and a debt repaid or closed has none to sign ({@code null}), nor one disputed
	 * in the debtor's view ({@code disputed}, {@link Debts#ofDebtor}: withheld until the dispute is resolved,
	 * {@link Disputes}; the agency still sees it, and {@link #signable} and {@link #accept} refuse it); a signed one
	 * is as signed.
	 */
	static Offer shown(Offer offer, Money balance, boolean debtClosed, boolean disputed) {
		if (offer.status() != Offer.Status.OFFERED) {
			return offer;
		}
		return debtClosed || disputed || balance.isZero() ? null : rebased(offer, balance);
	}

	/** An offer not yet signed, as it stands on this balance: the same discount of what is owed now. */
	private static Offer rebased(Offer offer, Money balance) {
		if (offer.status() != Offer.Status.OFFERED || offer.fullAmount().equals(balance)) {
			return offer;
		}
		return new Offer(offer.id(), offer.debtId(), offer.ruleName(), offer.discountPercent(), balance,
				Offer.discounted(balance, offer.discountPercent()), offer.validUntil(), offer.status(),
				offer.paidSinceAccepted(), offer.policy(), offer.schedule(), offer.acceptedAt(), offer.signedTerms());
	}

	static Offer withSchedule(Offer offer, List<OfferPart> parts) {
		return parts.isEmpty() ? offer : new Offer(offer.id(), offer.debtId(), offer.ruleName(), offer.discountPercent(),
				offer.fullAmount(), offer.offerAmount(), offer.validUntil(), offer.status(), offer.paidSinceAccepted(),
				offer.policy(), parts, offer.acceptedAt(), offer.signedTerms());
	}

	/**
	 * Today at the agency, where offers' dates are set and read, on the tenant's clock: a sandbox's test clock moves
	 * its offers' lapses with it (docs/sandbox.md).
	 */
	LocalDate today(TenantId tenant) {
		return clocks.today(tenant);
	}

	private static PartPolicy policy(ResultSet row) throws SQLException {
		return new PartPolicy(row.getInt("max_parts"), PartInterval.valueOf(row.getString("part_interval")),
				row.getInt("grace_days"));
	}

	private static Offer offer(ResultSet row, int rowNumber) throws SQLException {
		return offer(row, "id");
	}

	/** The offer in this row, whose own id is in the column {@code idColumn} (a join names it apart). */
	static Offer offer(ResultSet row, String idColumn) throws SQLException {
		Timestamp accepted = row.getTimestamp("accepted_at");
		return new Offer(row.getObject(idColumn, UUID.class), new DebtId(row.getObject("debt_id", UUID.class)),
				row.getString("rule_name"), row.getInt("discount_percent"), Money.ofKopecks(row.getLong("full_amount")),
				Money.ofKopecks(row.getLong("offer_amount")), row.getDate("valid_until").toLocalDate(),
				Offer.Status.valueOf(row.getString("status")), Money.ofKopecks(row.getLong("paid_since_accepted")),
				policy(row), List.of(), accepted == null ? null : accepted.toInstant(), row.getString("signed_terms"));
	}
}
