package ru.kredo.plans;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtClosed;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.DebtsRestated;
import ru.kredo.collections.Debts;
import ru.kredo.collections.DisputeOpened;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.DisputeResolved;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PaymentApplied;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * A tenant's restructuring plans: requested, considered, signed, paid, checked each day, repaired and ended, each move
 * through the {@link Plan} aggregate, stored here in one place ({@link #store}), logged in {@code plan_transitions},
 * audited and, where an integrator hears of it, published ({@link PlanRequested}, {@link PlanSigned},
 * {@link PlanFellBehind}, {@link PlanBroken}, {@link PlanCompleted}) in the same transaction. Every change takes the
 * debt's row lock first ({@link Debts#lockedForChange}), then the plan's: a payment being applied (which holds the
 * debt's lock and moves the plan, {@link #on(PaymentApplied)}) and a signature or the day's check never cross.
 * {@code docs/plan-lifecycle.md}.
 */
@Service
public class Plans {

	/** The day's check and the debt's own changes (a dispute, a write-off) move plans as this. */
	public static final AuditActor SYSTEM = new AuditActor("system:plans", "Kredo");
	private static final String INCOME = "plan.income";
	private static final String EXPENSES = "plan.expenses";
	private static final String COLUMNS = """
			id, tenant_id, debt_id, contact_id, status, reason, income, expenses, total, breaches, requested_on,
			signed_at, signature, behind_since, paused_since, repairs_used, ending, note, discounted_from""";

	private final JdbcClient jdbc;
	private final Debts debts;
	private final PlanPolicies policies;
	private final BusinessCalendar calendar;
	private final ScheduleCalculator calculator;
	private final AuditLog audit;
	private final PersonalData personalData;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TenantClocks clocks;
	private final Offers offers;

	Plans(JdbcClient jdbc, Debts debts, PlanPolicies policies, BusinessCalendar calendar, AuditLog audit,
			PersonalData personalData, ApplicationEventPublisher events, Clock clock, TenantClocks clocks,
			Offers offers) {
		this.clocks = clocks;
		this.offers = offers;
		this.jdbc = jdbc;
		this.debts = debts;
		this.policies = policies;
		this.calendar = calendar;
		this.calculator = new ScheduleCalculator(calendar.days());
		this.audit = audit;
		this.personalData = personalData;
		this.events = events;
		this.clock = clock;
	}

	/** The actor a debtor's own move is logged as. */
	public static AuditActor debtor(ContactId debtor) {
		return new AuditActor("debtor:" + debtor.value(), null);
	}

	/**
	 * A request for a plan of {@code debt} on {@code terms} from {@code first}, by the debtor or on his behalf
	 * ({@code actor}): the schedule of the whole balance, approved at once within the agency's policy for the debt's
	 * portfolio (and the debt qualifying), in the agency's inbox otherwise.
	 *
	 * @throws NotFound another debtor's debt, or none
	 * @throws Rejected the debt's own refusals ({@link Debt#restructure}: closed, disputed, under a settlement, under a
	 *     plan, nothing owed), {@code plan.already-open} (a plan of the debt is being considered or awaits his
	 *     signature), the calculator's ({@link ScheduleCalculator#schedule}), {@code plan.reason-required}
	 */
	@Transactional
	public Plan request(TenantId tenant, ContactId debtor, DebtId debtId, PlanReason reason, Money income,
			Money expenses, Terms terms, LocalDate first, AuditActor actor) {
		return request(tenant, debtor, debtId, reason, income, expenses, terms, first, false, actor);
	}

	/**
	 * As {@link #request(TenantId, ContactId, DebtId, PlanReason, Money, Money, Terms, LocalDate, AuditActor)};
	 * {@code withDiscount}: a plan of the discounted sum of the debt's live offer (the one his cabinet shows), where
	 * the debt's policy allows it ({@link PlanPolicy#withDiscount}). Such a plan repays the offer's sum and its
	 * completion forgives the rest; broken, the discount is lost ({@link Plan#discountedFrom}, docs/plans.md).
	 *
	 * @throws Rejected as the request of the whole balance, and {@code plan.discount-not-allowed} (the policy does not
	 *     combine a plan with a discount), {@code plan.no-discount-offer} (the debt has no live offer)
	 */
	@Transactional
	public Plan request(TenantId tenant, ContactId debtor, DebtId debtId, PlanReason reason, Money income,
			Money expenses, Terms terms, LocalDate first, boolean withDiscount, AuditActor actor) {
		Debt debt = ownDebt(tenant, debtor, debtId);
		debt.restructure();
		if (current(tenant, debtId).isPresent()) {
			throw new Rejected("plan.already-open");
		}
		LocalDate today = today(debt);
		PlanPolicy policy = policies.effective(tenant, debts.portfolioOf(tenant, debtId));
		Money discountedFrom = null;
		Money sum = debt.total();
		if (withDiscount) {
			if (!policy.withDiscount()) {
				throw new Rejected("plan.discount-not-allowed");
			}
			sum = discountedSum(debt).orElseThrow(() -> new Rejected("plan.no-discount-offer"));
			discountedFrom = debt.total();
		}
		Schedule schedule = calculator.schedule(sum, terms, first);
		List<PolicyBreach> breaches = new ArrayList<>(policy.qualifies(debt.total(), debt.daysPastDue()));
		breaches.addAll(calculator.breaches(schedule, first, today, policy));
		Plan plan = Plan.request(UUID.randomUUID(), tenant, debtId, debtor, reason, income, expenses, schedule, breaches,
				today, discountedFrom);
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into plans (id, tenant_id, debt_id, contact_id, status, reason, income, expenses, total, breaches,
					    requested_on, repairs_used, created_at, updated_at, portfolio_id, discounted_from)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
				.params(plan.id(), tenant.value(), debtId.value(), debtor.value(), plan.status().name(), reason.name(),
						sealed(INCOME, income), sealed(EXPENSES, expenses), plan.total().kopecks(),
						plan.breaches().toArray(String[]::new), Date.valueOf(today), Timestamp.from(now),
						Timestamp.from(now), debts.portfolioOf(tenant, debtId).orElse(null),
						discountedFrom == null ? null : discountedFrom.kopecks())
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw new Rejected("plan.already-open");
		}
		writeInstalments(plan);
		log(plan, null, actor, plan.breaches().isEmpty() ? null : "breaches:" + String.join(",", plan.breaches()));
		audit.recordAbout(tenant, actor, plan.debtorId().value(), AuditAction.PLAN_REQUESTED, "plan", plan.id(),
				"plan-status:" + plan.status().name());
		events.publishEvent(new PlanRequested(tenant, plan.id(), debtId, debtor, plan.status(), now));
		return plan;
	}

	/**
	 * The agency approves a request outside its policy as it is ({@link Plan#approve}).
	 *
	 * @throws NotFound another agency's plan, or none
	 */
	@Transactional
	public Plan approve(TenantId tenant, UUID id, AuditActor actor) {
		Plan plan = lockedWithDebt(tenant, id).plan();
		return store(plan, plan.approve(), actor, AuditAction.PLAN_APPROVED, null);
	}

	/**
	 * The agency proposes other terms ({@link Plan#propose}): {@code terms} from {@code first} on what the debt owes
	 * now, which the agency may set outside its own policy.
	 */
	@Transactional
	public Plan propose(TenantId tenant, UUID id, Terms terms, LocalDate first, AuditActor actor) {
		Locked locked = lockedWithDebt(tenant, id);
		if (first.isBefore(today(locked.debt()))) {
			throw new Rejected("plan.first-past");
		}
		Schedule schedule = calculator.schedule(basis(locked.plan(), locked.debt()), terms, first);
		return store(locked.plan(), locked.plan().propose(schedule,
				locked.plan().isDiscounted() ? locked.debt().total() : null), actor, AuditAction.PLAN_PROPOSED, null);
	}

	/** The agency declines a request with a reason the debtor sees ({@link Plan#decline}). */
	@Transactional
	public Plan decline(TenantId tenant, UUID id, String reason, AuditActor actor) {
		Plan plan = lockedWithDebt(tenant, id).plan();
		Plan declined = plan.decline(reason);
		return store(plan, declined, actor, AuditAction.PLAN_DECLINED, declined.note());
	}

	/** The debtor accepts the terms proposed ({@link Plan#acceptProposal}): he signs them next. */
	@Transactional
	public Plan acceptProposal(TenantId tenant, ContactId debtor, UUID id) {
		Plan plan = debtorsPlan(tenant, debtor, id).plan();
		return store(plan, plan.acceptProposal(), debtor(debtor), AuditAction.PLAN_PROPOSAL_ACCEPTED, null);
	}

	/** The debtor declines the terms proposed ({@link Plan#declineProposal}). */
	@Transactional
	public Plan declineProposal(TenantId tenant, ContactId debtor, UUID id) {
		Plan plan = debtorsPlan(tenant, debtor, id).plan();
		return store(plan, plan.declineProposal(), debtor(debtor), AuditAction.PLAN_DECLINED, "declined-by-debtor");
	}

	/** The debtor withdraws his request ({@link Plan#withdraw}); another may follow. */
	@Transactional
	public Plan withdraw(TenantId tenant, ContactId debtor, UUID id) {
		Plan plan = debtorsPlan(tenant, debtor, id).plan();
		return store(plan, plan.withdraw(), debtor(debtor), AuditAction.PLAN_DECLINED, "withdrawn-by-debtor");
	}

	/**
	 * The debtor signs his plan ({@link Plan#sign}) with a texted code: {@code signature} is the signing challenge he
	 * confirmed — the same simple electronic signature a settlement is signed with (the cabinet texts it with
	 * {@code CabinetSignIn.startSignature} and confirms it with {@code CabinetSignIn.confirm} before calling this) —
	 * and {@code signedTerms} the very text he read, kept with the plan. The debt is under the plan from now
	 * ({@link Debts#restructure}).
	 *
	 * @throws Rejected {@code plan.not-awaiting-signature}, {@code plan.terms-changed}, the debt's own refusals
	 */
	@Transactional
	public Plan sign(TenantId tenant, ContactId debtor, UUID id, UUID signature, String signedTerms) {
		return sign(tenant, debtor, id, signature, signedTerms, null);
	}

	/**
	 * {@link #sign(TenantId, ContactId, UUID, UUID, String)}, keeping the number the code was texted to ({@code sentTo},
	 * masked: {@code +7 *** ***-45-67}) for the copy of the agreement, as a settlement keeps it
	 * ({@code offers.signed_phone}); {@code null} when it is not known, and the copy then says it was not kept.
	 */
	@Transactional
	public Plan sign(TenantId tenant, ContactId debtor, UUID id, UUID signature, String signedTerms,
			PhoneNumber sentTo) {
		Locked locked = debtorsPlan(tenant, debtor, id);
		Plan signed = locked.plan().sign(signature, clock.instant(), locked.debt().total(),
				locked.plan().isDiscounted() ? discountedSum(locked.debt()) : Optional.empty(), today(locked.debt()));
		if (signed.isDiscounted()) {
			// The plan takes the offer: signed with the plan's signature and terms, its sum is the plan's; payments
			// count towards it as towards a settlement, and the one that completes it forgives the rest.
			offers.acceptForPlan(tenant, locked.debt().id(), id, signature, signed.total(), signedTerms);
		}
		debts.restructure(tenant, locked.debt().id());
		jdbc.sql("update plans set signed_terms = ?, signed_phone = ? where tenant_id = ? and id = ?")
			.params(signedTerms, sentTo == null ? null : sentTo.masked(), tenant.value(), id)
			.update();
		return store(locked.plan(), signed, debtor(debtor), AuditAction.PLAN_SIGNED, null);
	}

	/** The debtor repairs his plan by moving the instalment he missed ({@link Plan#moveInstalment}). */
	@Transactional
	public Plan moveInstalment(TenantId tenant, ContactId debtor, UUID id, LocalDate to) {
		Locked locked = debtorsPlan(tenant, debtor, id);
		Plan repaired = locked.plan().moveInstalment(to, today(locked.debt()), policy(locked.debt()), calculator);
		return store(locked.plan(), repaired, debtor(debtor), AuditAction.PLAN_REPAIRED, "repair:moved");
	}

	/** The debtor repairs his plan by re-planning what is left ({@link Plan#replan}). */
	@Transactional
	public Plan replan(TenantId tenant, ContactId debtor, UUID id, Terms terms, LocalDate first) {
		Locked locked = debtorsPlan(tenant, debtor, id);
		Plan repaired = locked.plan().replan(terms, first, today(locked.debt()), policy(locked.debt()), calculator);
		return store(locked.plan(), repaired, debtor(debtor), AuditAction.PLAN_REPAIRED, "repair:replanned");
	}

	/**
	 * The agency ends a running plan with a reason the debtor sees ({@link Plan#end}): the debt is owed as before, open
	 * with its offers again (a disputed one stays disputed, and is open when the dispute is rejected).
	 */
	@Transactional
	public Plan end(TenantId tenant, UUID id, String reason, AuditActor actor) {
		Locked locked = lockedWithDebt(tenant, id);
		Plan ended = locked.plan().end(reason);
		return store(locked.plan(), ended, actor, AuditAction.PLAN_BROKEN, ended.note());
	}

	/**
	 * The day's check of one running plan on {@code today} ({@link Plan#check}): behind after the grace days, broken
	 * after the days to repair (both in one run for a plan long missed), each move its own. Run again, or on another
	 * node at once, it moves nothing twice: the plan is re-read under its debt's lock and checked as it stands.
	 *
	 * @return whether the plan moved
	 */
	@Transactional
	public boolean check(TenantId tenant, UUID id, LocalDate today) {
		return check(lockedWithDebt(tenant, id), today);
	}

	/**
	 * The check of one running plan at {@code at} (his agency's clock: a sandbox's test clock's instant): on the
	 * debtor's today at that instant, in his time zone ({@code DebtorZones}; the agency's when his is unknown) — an
	 * instalment is due on a day of his life, so he is late from his own midnight, not Moscow's (docs/plans.md).
	 *
	 * @return whether the plan moved
	 */
	@Transactional
	public boolean check(TenantId tenant, UUID id, Instant at) {
		Plan unlocked = get(tenant, id);
		Debt debt = debts.get(tenant, unlocked.debtId());
		if (unlocked.check(dayOf(debt, at), policy(debt)) == unlocked) {
			return false; // nothing is due on his day: the hourly run takes no lock for it
		}
		Locked locked = lockedWithDebt(tenant, id);
		return check(locked, dayOf(locked.debt(), at));
	}

	private boolean check(Locked locked, LocalDate today) {
		PlanPolicy policy = policy(locked.debt());
		Plan plan = locked.plan();
		boolean moved = false;
		for (int step = 0; step < 2; step++) {
			Plan after = plan.check(today, policy);
			if (after == plan) {
				break;
			}
			plan = store(plan, after, SYSTEM,
					after.status() == PlanStatus.BEHIND ? AuditAction.PLAN_FELL_BEHIND : AuditAction.PLAN_BROKEN,
					after.status() == PlanStatus.BROKEN ? "ending:" + after.ending().name() : null, today);
			moved = true;
		}
		return moved;
	}

	/**
	 * The agency pauses a running plan with a reason ({@link Plan#pause}): nothing is missed while it is, and it runs
	 * again when the agency resumes it ({@link #resume}), its unpaid dates moved on by the days paused.
	 *
	 * @throws Rejected {@code plan.not-running}, {@code plan.paused}, {@code plan.note-required},
	 *     {@code plan.note-too-long}
	 */
	@Transactional
	public Plan pause(TenantId tenant, UUID id, String reason, AuditActor actor) {
		Locked locked = lockedWithDebt(tenant, id);
		String why = Plan.checkedNote(reason);
		Plan paused = locked.plan().pause(today(locked.debt()));
		return store(locked.plan(), paused, actor, AuditAction.PLAN_PAUSED, "paused:" + why);
	}

	/**
	 * The agency resumes a plan it paused ({@link Plan#resume}). A plan paused by a dispute resumes when the dispute is
	 * rejected, not here.
	 *
	 * @throws Rejected {@code plan.not-paused}, {@code plan.paused-by-dispute}
	 */
	@Transactional
	public Plan resume(TenantId tenant, UUID id, AuditActor actor) {
		Locked locked = lockedWithDebt(tenant, id);
		if (locked.debt().status() == DebtStatus.DISPUTED) {
			throw new Rejected("plan.paused-by-dispute");
		}
		Plan resumed = locked.plan().resume(today(locked.debt()), calculator);
		return store(locked.plan(), resumed, actor, AuditAction.PLAN_RESUMED, "resumed");
	}

	/**
	 * The schedule the agency would propose for a request ({@link #propose}): {@code terms} from {@code first} on what
	 * the debt owes now, shown to the operator before he sends it.
	 *
	 * @throws NotFound another agency's plan, or none
	 * @throws Rejected the calculator's refusals, {@code plan.first-past}
	 */
	public Schedule proposal(TenantId tenant, UUID id, Terms terms, LocalDate first) {
		Plan plan = get(tenant, id);
		Debt debt = debts.get(tenant, plan.debtId());
		if (first.isBefore(today(debt))) {
			throw new Rejected("plan.first-past");
		}
		return calculator.schedule(basis(plan, debt), terms, first);
	}

	/**
	 * What a plan of {@code debt} repays if made now: the discounted sum of its live offer for a discounted plan
	 * (refused with {@code plan.no-discount-offer} when none is live any more), its balance otherwise.
	 */
	private Money basis(Plan plan, Debt debt) {
		return plan.isDiscounted() ? discountedSum(debt).orElseThrow(() -> new Rejected("plan.no-discount-offer"))
				: debt.total();
	}

	/**
	 * The sum the debt's live offer asks for now (the one his cabinet shows, {@link Offers#signable}), none when it has
	 * no offer he could sign, or one that forgives nothing.
	 */
	private Optional<Money> discountedSum(Debt debt) {
		try {
			Offer offer = offers.signable(debt.tenantId(), debt);
			return debt.total().exceeds(offer.offerAmount()) ? Optional.of(offer.offerAmount()) : Optional.empty();
		}
		catch (Rejected none) {
			return Optional.empty();
		}
	}

	/**
	 * The rules of the policy a request broke ({@link Plan#breaches}), with the arguments of the policy for its debt's
	 * portfolio as it stands now, to be read as {@link PolicyBreach#messageKey}.
	 */
	public List<PolicyBreach> breachesOf(Plan plan) {
		PlanPolicy policy = policies.effective(plan.tenantId(), debts.portfolioOf(plan.tenantId(), plan.debtId()));
		return plan.breaches().stream().map(code -> new PolicyBreach(code, switch (code) {
			case "months" -> List.<Object>of(policy.minMonths(), policy.maxMonths());
			case "instalment" -> List.<Object>of(policy.minInstalment());
			case "first-late" -> List.<Object>of(policy.maxDaysToFirst());
			case "balance" -> List.<Object>of(policy.minBalance());
			case "days-past-due" -> List.<Object>of(policy.minDaysPastDue());
			default -> List.of();
		})).toList();
	}

	/**
	 * The agency's plans in one of {@code statuses}, a page at a time: the longest waiting first for requests alone,
	 * otherwise the latest moved first.
	 */
	public ListPage<Plan> list(TenantId tenant, Set<PlanStatus> statuses, Paging paging) {
		String[] names = statuses.stream().map(Enum::name).sorted().toArray(String[]::new);
		boolean waiting = statuses.equals(Set.of(PlanStatus.REQUESTED));
		long total = jdbc.sql("select count(*) from plans where tenant_id = ? and status = any (?)")
			.params(tenant.value(), names)
			.query(Long.class)
			.single();
		List<Plan> page = jdbc.sql("select " + COLUMNS + " from plans where tenant_id = ? and status = any (?) order by "
				+ (waiting ? "created_at, id" : "updated_at desc, id") + " limit ? offset ?")
			.params(tenant.value(), names, paging.limit(), paging.offset())
			.query(this::plan)
			.list();
		return ListPage.of(withInstalments(tenant, page), total, paging);
	}

	/** The API's order of requests alone: the longest waiting first, the id last. */
	public static final Keyset.Order WAITING = Keyset.Order.of(Keyset.Key.ascending("created_at", Instant.class),
			Keyset.Key.ascending("id", UUID.class));

	/** The API's order otherwise: the latest moved first, the id last. */
	public static final Keyset.Order MOVED = Keyset.Order.of(Keyset.Key.descending("updated_at", Instant.class),
			Keyset.Key.ascending("id", UUID.class));

	/** The order the list of plans in {@code statuses} comes in: {@link #WAITING} for requests alone, else {@link #MOVED}. */
	public static Keyset.Order order(Set<PlanStatus> statuses) {
		return statuses.equals(Set.of(PlanStatus.REQUESTED)) ? WAITING : MOVED;
	}

	/**
	 * The same list for the API: a page of {@code limit} after the cursor {@code after} (or, without one, after the
	 * first {@code offset}) in {@link #order}, with how many there are in all and the next page's cursor.
	 */
	public ApiList<Plan> list(TenantId tenant, Set<PlanStatus> statuses, Keyset after, int offset, int limit) {
		String[] names = statuses.stream().map(Enum::name).sorted().toArray(String[]::new);
		Keyset.Order order = order(statuses);
		String at = order == WAITING ? "created_at" : "updated_at";
		long total = jdbc.sql("select count(*) from plans where tenant_id = ? and status = any (?)")
			.params(tenant.value(), names)
			.query(Long.class)
			.single();
		List<Object> params = new ArrayList<>(List.of(tenant.value(), names));
		String keyset = order.after(after, params);
		params.add(limit + 1);
		params.add(after == null ? offset : 0);
		Map<UUID, Instant> keys = new HashMap<>();
		List<Plan> rows = jdbc.sql("select " + COLUMNS + ", " + at + " as sort_at from plans where tenant_id = ? "
				+ "and status = any (?) and " + keyset + " order by " + order.sql() + " limit ? offset ?")
			.params(params)
			.query((row, n) -> {
				Plan plan = plan(row, n);
				keys.put(plan.id(), row.getTimestamp("sort_at").toInstant());
				return plan;
			})
			.list();
		return ApiList.keyed(withInstalments(tenant, rows), limit, plan -> Keyset.of(keys.get(plan.id()), plan.id()),
				total);
	}

	/** How many of the agency's plans are in {@code status}. */
	public long count(TenantId tenant, PlanStatus status) {
		return jdbc.sql("select count(*) from plans where tenant_id = ? and status = ?")
			.params(tenant.value(), status.name())
			.query(Long.class)
			.single();
	}

	/** When the plan was requested: how long a request has waited is counted from here. */
	public Instant requestedAt(TenantId tenant, UUID id) {
		return jdbc.sql("select created_at from plans where tenant_id = ? and id = ?")
			.params(tenant.value(), id)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElseThrow(() -> new NotFound("plan.not-found", id));
	}

	/** When each of these plans was requested, read together (a page of a list). */
	public Map<UUID, Instant> requestedAt(TenantId tenant, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Instant> at = new HashMap<>();
		jdbc.sql("select id, created_at from plans where tenant_id = ? and id = any (?)")
			.params(tenant.value(), ids.toArray(UUID[]::new))
			.query(row -> {
				at.put(row.getObject("id", UUID.class), row.getTimestamp("created_at").toInstant());
			});
		return at;
	}

	/** The running plans not paused, every agency's, as {@code [tenant, plan]}: what the day's check looks at. */
	public List<RunningPlan> running() {
		return jdbc.sql("""
				select tenant_id, id from plans where status in ('ACTIVE', 'BEHIND') and paused_since is null
				order by tenant_id, id""")
			.query((row, n) -> new RunningPlan(new TenantId(row.getObject("tenant_id", UUID.class)),
					row.getObject("id", UUID.class)))
			.list();
	}

	/** A running plan the day's check looks at. */
	public record RunningPlan(TenantId tenant, UUID plan) {
	}

	public Plan get(TenantId tenant, UUID id) {
		return find(tenant, id, false).orElseThrow(() -> new NotFound("plan.not-found", id));
	}

	/** The debt's plan that is not final (being considered, awaiting his signature, running), if it has one. */
	public Optional<Plan> current(TenantId tenant, DebtId debt) {
		return jdbc.sql("select " + COLUMNS + " from plans where tenant_id = ? and debt_id = ? and status not in "
				+ "('BROKEN', 'COMPLETED', 'DECLINED')")
			.params(tenant.value(), debt.value())
			.query(this::plan)
			.optional()
			.map(this::withInstalments);
	}

	/** The debt's plans, the latest requested first. */
	public List<Plan> ofDebt(TenantId tenant, DebtId debt) {
		return jdbc.sql("select " + COLUMNS + " from plans where tenant_id = ? and debt_id = ? order by created_at desc, id")
			.params(tenant.value(), debt.value())
			.query(this::plan)
			.list()
			.stream()
			.map(this::withInstalments)
			.toList();
	}

	/** The terms as the debtor read them when he signed the plan ({@link #sign}); none before he signed. */
	public Optional<String> signedTerms(TenantId tenant, UUID plan) {
		return jdbc.sql("select signed_terms from plans where tenant_id = ? and id = ? and signed_terms is not null")
			.params(tenant.value(), plan)
			.query(String.class)
			.optional();
	}

	/**
	 * The number the plan's signing code was texted to, masked ({@link #sign}); none for a plan not signed, or signed
	 * before Kredo kept it.
	 */
	public Optional<String> signedPhone(TenantId tenant, UUID plan) {
		return jdbc.sql("select signed_phone from plans where tenant_id = ? and id = ? and signed_phone is not null")
			.params(tenant.value(), plan)
			.query(String.class)
			.optional();
	}

	/**
	 * When the agency's registry lowered what the plan's debt owes and so reshaped the plan ({@link Plan#lowered},
	 * {@link #on(DebtsRestated)}), oldest first: what the debtor is told on his plan, as the history keeps it
	 * ({@code registry:<before>><after>}).
	 */
	public List<Reshape> reshapes(TenantId tenant, UUID plan) {
		return jdbc.sql("""
				select at, reason from plan_transitions
				where tenant_id = ? and plan_id = ? and from_status = to_status and reason like 'registry:%>%' order by id""")
			.params(tenant.value(), plan)
			.query((row, n) -> {
				String[] sums = row.getString("reason").substring("registry:".length()).split(">");
				return new Reshape(row.getTimestamp("at").toInstant(), Money.ofRoubles(sums[0]), Money.ofRoubles(sums[1]));
			})
			.list();
	}

	/** A registry lowered the debt under a running plan at {@code at} from {@code before} to {@code after}. */
	public record Reshape(Instant at, Money before, Money after) {
	}

	/** The moves of a plan's state, oldest first. */
	public List<PlanTransition> transitions(TenantId tenant, UUID plan) {
		return jdbc.sql("""
				select from_status, to_status, at, actor, reason from plan_transitions
				where tenant_id = ? and plan_id = ? order by id""")
			.params(tenant.value(), plan)
			.query((row, n) -> new PlanTransition(
					row.getString("from_status") == null ? null : PlanStatus.valueOf(row.getString("from_status")),
					PlanStatus.valueOf(row.getString("to_status")), row.getTimestamp("at").toInstant(),
					row.getString("actor"), row.getString("reason")))
			.list();
	}

	/**
	 * A payment applied to a debt (in the payment's transaction, the debt's row locked): to its running plan's
	 * instalments, the earliest not paid first ({@link Plan#pay}); a plan caught up is active again; the payment that
	 * pays the debt off completes it. Its day — whether it caught up, and the adherence's on time — is the debtor's
	 * ({@link #debtorsDay}).
	 */
	@EventListener
	void on(PaymentApplied applied) {
		Optional<Plan> found = lockedCurrent(applied.tenantId(), applied.debtId()).filter(Plan::isRunning);
		if (found.isEmpty()) {
			return;
		}
		Plan plan = found.get();
		Debt debt = debts.get(applied.tenantId(), applied.debtId());
		// The payment's day is the debtor's, as his instalments' dates are: paid at 00:30 in Vladivostok on the 11th
		// (17:30 on the 10th in Moscow), an instalment due on the 10th was paid late, whatever the agency's calendar says.
		LocalDate day = applied.at() == null ? applied.day() : debtorsDay(debt, applied.at());
		Plan after = plan.pay(applied.applied(), day, policy(debt));
		if (after.isRunning() && applied.statusAfter() == DebtStatus.CLOSED) {
			after = after.complete();
		}
		recordPaid(plan, after, day);
		AuditAction action = after.status() == PlanStatus.COMPLETED ? AuditAction.PLAN_COMPLETED
				: plan.status() == PlanStatus.BEHIND && after.status() == PlanStatus.ACTIVE ? AuditAction.PLAN_CAUGHT_UP
				: null;
		store(plan, after, SYSTEM, action, "payment:" + applied.paymentId());
	}

	/**
	 * A dispute of a debt under a plan pauses the plan, in the dispute's transaction ({@link Plan#pause}), on the
	 * debtor's day of the dispute ({@link #debtorsDay}); one the agency paused already stays as it is.
	 */
	@EventListener
	void on(DisputeOpened opened) {
		lockedCurrent(opened.tenantId(), opened.debtId()).filter(plan -> plan.isRunning() && !plan.isPaused())
			.ifPresent(plan -> store(plan,
					plan.pause(debtorsDay(debts.get(opened.tenantId(), opened.debtId()), opened.openedAt())), SYSTEM,
					AuditAction.PLAN_PAUSED, "dispute:" + opened.disputeId()));
	}

	/**
	 * A dispute rejected: the debt, open again, goes back under its paused plan ({@link Debts#restructure}) and the plan
	 * resumes, its unpaid dates moved on by the days paused ({@link Plan#resume}). Upheld, the debt is written off
	 * ({@link #on(DebtClosed)}).
	 */
	@EventListener
	void on(DisputeResolved resolved) {
		if (resolved.outcome() != DisputeOutcome.REJECTED) {
			return;
		}
		Optional<Plan> paused = lockedCurrent(resolved.tenantId(), resolved.debtId())
			.filter(plan -> plan.isRunning() && plan.isPaused());
		if (paused.isEmpty()) {
			return;
		}
		Debt debt = debts.get(resolved.tenantId(), resolved.debtId());
		if (debt.status() == DebtStatus.OPEN) {
			debts.restructure(resolved.tenantId(), resolved.debtId());
		}
		// Resumed on his day, as it was paused on his: the days paused, by which his dates move, are days of his life.
		store(paused.get(), paused.get().resume(debtorsDay(debt, resolved.resolvedAt()), calculator), SYSTEM,
				AuditAction.PLAN_RESUMED, "dispute:" + resolved.disputeId());
	}

	/** A debt written off while its plan ran: the plan ends ({@link Plan#debtWrittenOff}). */
	@EventListener
	void on(DebtClosed closed) {
		if (closed.closedAs() == ClosedAs.PAID || closed.closedAs() == ClosedAs.SETTLED) {
			// The payment that paid it off, or paid a discounted plan's sum (a debt under a plan is settled no other
			// way), completes the plan (on(PaymentApplied)), published next in the same transaction.
			return;
		}
		lockedCurrent(closed.tenantId(), closed.debtId()).filter(Plan::isRunning)
			.ifPresent(plan -> store(plan, plan.debtWrittenOff(), SYSTEM, AuditAction.PLAN_BROKEN,
					"ending:" + PlanEnding.DEBT_WRITTEN_OFF.name()));
	}

	/**
	 * An uploaded registry restated debts, in the upload batch's transaction with their rows locked
	 * ({@link DebtsRestated}): the agency's books, not the plan's payments, changed what a plan's debt owes.
	 * <ul>
	 * <li>closed (the registry shows it paid): a running plan ends, {@link PlanEnding#DEBT_CLOSED}; the debt stays
	 * closed. A plan not yet running (requested, proposed, awaiting his signature) is declined: there is nothing left
	 * to plan;</li>
	 * <li>owing more than the running plan has left: the plan ends, {@link PlanEnding#BALANCE_RAISED}; the debt is
	 * open with its offers again, and he may ask for a new plan;</li>
	 * <li>owing less: the running plan is reshaped to it ({@link Plan#lowered}), audited
	 * {@link AuditAction#PLAN_RESHAPED}.</li>
	 * </ul>
	 * A plan not yet running whose debt's balance changed stays as it is: its signature refuses the old terms
	 * ({@code plan.terms-changed}), as after a payment, and he withdraws it and asks again. Each move is logged with the
	 * reason {@code registry:…}, audited as the system, and an ending published as any other ({@link PlanBroken}).
	 */
	@EventListener
	void on(DebtsRestated restated) {
		TenantId tenant = restated.tenantId();
		Map<DebtId, DebtsRestated.Restated> byDebt = new HashMap<>();
		restated.debts().forEach(debt -> byDebt.put(debt.debtId(), debt));
		List<Plan> affected = jdbc.sql("select " + COLUMNS + " from plans where tenant_id = ? and debt_id = any (?) "
				+ "and status not in ('BROKEN', 'COMPLETED', 'DECLINED') order by id for update")
			.params(tenant.value(), byDebt.keySet().stream().map(DebtId::value).toArray(UUID[]::new))
			.query(this::plan)
			.list()
			.stream()
			.map(this::withInstalments)
			.toList();
		for (Plan plan : affected) {
			DebtsRestated.Restated debt = byDebt.get(plan.debtId());
			if (!plan.isRunning()) {
				if (debt.closed()) {
					store(plan, plan.withdraw(), SYSTEM, AuditAction.PLAN_DECLINED, "registry:debt-closed");
				}
			}
			else if (debt.closed()) {
				store(plan, plan.debtClosed(), SYSTEM, AuditAction.PLAN_BROKEN,
						"ending:" + PlanEnding.DEBT_CLOSED.name() + " registry:debt-closed");
			}
			// A plan with a discount owes the discounted rest; the debt's books the whole balance less what was paid
			// (Plan.owedAfter): only a balance above that is raised, one between the two leaves the plan as it is.
			else if (debt.after().kopecks() > (plan.isDiscounted() ? plan.owedAfter() : plan.left()).kopecks()) {
				store(plan, plan.balanceRaised(), SYSTEM, AuditAction.PLAN_BROKEN,
						"ending:" + PlanEnding.BALANCE_RAISED.name() + " registry:" + debt.before() + ">" + debt.after());
			}
			else if (debt.after().kopecks() < plan.left().kopecks()) {
				store(plan, plan.lowered(debt.after()), SYSTEM, AuditAction.PLAN_RESHAPED,
						"registry:" + debt.before() + ">" + debt.after());
			}
		}
	}

	/**
	 * Stores what a move of the plan made of it, in one place: its state and instalments; a move of state (or a
	 * repair, a pause, a resumption) is logged and audited as {@code action} and published where integrators hear of
	 * it; a broken plan gives the debt back (open, its offers again). A payment that moves no state is stored only.
	 */
	private Plan store(Plan before, Plan after, AuditActor actor, AuditAction action, String reason) {
		return store(before, after, actor, action, reason, null);
	}

	/**
	 * As {@link #store(Plan, Plan, AuditActor, AuditAction, String)}; a plan that breaks keeps the debtor's day it
	 * ended ({@code plans.ended_on}: {@code today} when the caller has it, the day's check's, else his today), from
	 * which the agency's adherence expects nothing more of it.
	 */
	private Plan store(Plan before, Plan after, AuditActor actor, AuditAction action, String reason, LocalDate today) {
		Instant now = clock.instant();
		LocalDate endedOn = after.status() == PlanStatus.BROKEN && before.status() != PlanStatus.BROKEN
				? (today != null ? today : today(debts.get(after.tenantId(), after.debtId()))) : null;
		jdbc.sql("""
				update plans set status = ?, total = ?, signed_at = ?, signature = ?, behind_since = ?, paused_since = ?,
				    repairs_used = ?, ending = ?, note = ?, updated_at = ?, ended_on = coalesce(?::date, ended_on)
				where tenant_id = ? and id = ?""")
			.params(after.status().name(), after.total().kopecks(),
					after.signedAt() == null ? null : Timestamp.from(after.signedAt()), after.signature(),
					date(after.behindSince()), date(after.pausedSince()), after.repairsUsed(),
					after.ending() == null ? null : after.ending().name(), after.note(), Timestamp.from(now),
					date(endedOn), after.tenantId().value(), after.id())
			.update();
		if (!before.instalments().equals(after.instalments())) {
			jdbc.sql("delete from plan_instalments where tenant_id = ? and plan_id = ?")
				.params(after.tenantId().value(), after.id())
				.update();
			writeInstalments(after);
		}
		if (action == null) {
			return after;
		}
		log(after, before.status(), actor, reason);
		audit.recordAbout(after.tenantId(), actor, after.debtorId().value(), action, "plan", after.id(),
				"plan-status:" + before.status().name() + ">" + after.status().name());
		if (before.status() != after.status()) {
			switch (after.status()) {
				case ACTIVE -> {
					if (before.status() == PlanStatus.AWAITING_SIGNATURE) {
						events.publishEvent(new PlanSigned(after.tenantId(), after.id(), after.debtId(), after.debtorId(), now));
					}
				}
				case BEHIND -> events.publishEvent(new PlanFellBehind(after.tenantId(), after.id(), after.debtId(),
						after.debtorId(), after.behindSince(), now));
				case BROKEN -> {
					if (after.isDiscounted() && after.ending() != PlanEnding.DEBT_WRITTEN_OFF
							&& after.ending() != PlanEnding.DEBT_CLOSED) {
						// The discount is lost: the offer the plan took is released, and the whole balance less what
						// was paid is owed again (endPlan makes the debt's offers anew, a lapsed one replaced).
						offers.releaseFromPlan(after.tenantId(), after.debtId(), after.id());
					}
					if (after.ending() != PlanEnding.DEBT_WRITTEN_OFF && after.ending() != PlanEnding.DEBT_CLOSED) {
						Debt debt = debts.get(after.tenantId(), after.debtId());
						if (debt.status() == DebtStatus.UNDER_PLAN) {
							debts.endPlan(after.tenantId(), after.debtId());
						}
					}
					events.publishEvent(new PlanBroken(after.tenantId(), after.id(), after.debtId(), after.debtorId(),
							after.ending(), now));
				}
				case COMPLETED -> events.publishEvent(new PlanCompleted(after.tenantId(), after.id(), after.debtId(),
						after.debtorId(), now));
				default -> {
				}
			}
		}
		return after;
	}

	/** What a payment brought to each instalment, on the day it came: the adherence's figures ({@link PlanAdherence}). */
	private void recordPaid(Plan before, Plan after, LocalDate day) {
		for (PlanInstalment instalment : after.instalments()) {
			long was = before.instalments().stream().filter(i -> i.number() == instalment.number()).findFirst()
				.map(i -> i.paid().kopecks()).orElse(0L);
			long now = instalment.paid().kopecks() - was;
			if (now > 0) {
				jdbc.sql("""
						insert into plan_instalment_payments (tenant_id, plan_id, number, due_on, paid_on, amount)
						values (?, ?, ?, ?, ?, ?)""")
					.params(after.tenantId().value(), after.id(), instalment.number(), Date.valueOf(instalment.due()),
							Date.valueOf(day), now)
					.update();
			}
		}
	}

	private void log(Plan plan, PlanStatus from, AuditActor actor, String reason) {
		jdbc.sql("""
				insert into plan_transitions (tenant_id, plan_id, from_status, to_status, at, actor, reason)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(plan.tenantId().value(), plan.id(), from == null ? null : from.name(), plan.status().name(),
					Timestamp.from(clock.instant()), actor.id(), reason)
			.update();
	}

	private void writeInstalments(Plan plan) {
		for (PlanInstalment instalment : plan.instalments()) {
			jdbc.sql("""
					insert into plan_instalments (tenant_id, plan_id, number, due_on, amount, paid)
					values (?, ?, ?, ?, ?, ?)""")
				.params(plan.tenantId().value(), plan.id(), instalment.number(), Date.valueOf(instalment.due()),
						instalment.amount().kopecks(), instalment.paid().kopecks())
				.update();
		}
	}

	/** The plan and its debt, both locked: the debt first, as a payment locks it. */
	private Locked lockedWithDebt(TenantId tenant, UUID id) {
		Plan plan = get(tenant, id);
		Debt debt = debts.lockedForChange(tenant, plan.debtId());
		return new Locked(find(tenant, id, true).orElseThrow(), debt);
	}

	private Locked debtorsPlan(TenantId tenant, ContactId debtor, UUID id) {
		Locked locked = lockedWithDebt(tenant, id);
		if (!locked.plan().debtorId().equals(debtor)) {
			throw new NotFound("plan.not-found", id);
		}
		return locked;
	}

	private record Locked(Plan plan, Debt debt) {
	}

	/** The debt's current plan, its row locked (the caller holds the debt's lock already). */
	private Optional<Plan> lockedCurrent(TenantId tenant, DebtId debt) {
		return jdbc.sql("select " + COLUMNS + " from plans where tenant_id = ? and debt_id = ? and status not in "
				+ "('BROKEN', 'COMPLETED', 'DECLINED') for update")
			.params(tenant.value(), debt.value())
			.query(this::plan)
			.optional()
			.map(this::withInstalments);
	}

	private Optional<Plan> find(TenantId tenant, UUID id, boolean lock) {
		return jdbc.sql("select " + COLUMNS + " from plans where tenant_id = ? and id = ?" + (lock ? " for update" : ""))
			.params(tenant.value(), id)
			.query(this::plan)
			.optional()
			.map(this::withInstalments);
	}

	private Debt ownDebt(TenantId tenant, ContactId debtor, DebtId id) {
		Debt debt = debts.lockedForChange(tenant, id);
		if (!debt.contactId().equals(debtor)) {
			throw new NotFound("debt.not-found", id);
		}
		return debt;
	}

	/** The agency's policy for the debt's portfolio, as it stands now. */
	private PlanPolicy policy(Debt debt) {
		return policies.effective(debt.tenantId(), debts.portfolioOf(debt.tenantId(), debt.id()));
	}

	/**
	 * The debtor's today, in his time zone (the agency's when it is not known), on his agency's clock (a sandbox's
	 * test clock, docs/sandbox.md): a plan's dates are his.
	 */
	private LocalDate today(Debt debt) {
		return clocks.today(debt.tenantId(), debt.timeZone());
	}

	/** The debtor's day at {@code at}: in his time zone, the agency's when his is unknown. */
	private LocalDate dayOf(Debt debt, Instant at) {
		return LocalDate.ofInstant(at, debt.timeZone() != null ? debt.timeZone() : calendar.agencyZone());
	}

	/**
	 * The debtor's day when something was recorded at {@code at} on the system's clock (a payment, a dispute opened or
	 * resolved): in his time zone (the agency's when his is unknown), on his agency's clock — a sandbox's moved by its
	 * test clock's days, as the plan's own dates and the day's check are (docs/sandbox.md).
	 */
	private LocalDate debtorsDay(Debt debt, Instant at) {
		return dayOf(debt, at.plus(Duration.ofDays(clocks.daysAhead(debt.tenantId()))));
	}

	private Money opened(String field, byte[] sealed) {
		return sealed == null ? null : Money.ofKopecks(Long.parseLong(personalData.open(field, new Sealed(sealed))));
	}

	private byte[] sealed(String field, Money amount) {
		return amount == null ? null : personalData.seal(field, Long.toString(amount.kopecks())).bytes();
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private Plan withInstalments(Plan plan) {
		List<PlanInstalment> instalments = jdbc.sql("""
				select number, due_on, amount, paid from plan_instalments where tenant_id = ? and plan_id = ? order by number""")
			.params(plan.tenantId().value(), plan.id())
			.query((row, n) -> new PlanInstalment(row.getInt("number"), row.getDate("due_on").toLocalDate(),
					Money.ofKopecks(row.getLong("amount")), Money.ofKopecks(row.getLong("paid"))))
			.list();
		return new Plan(plan.id(), plan.tenantId(), plan.debtId(), plan.debtorId(), plan.status(), plan.reason(),
				plan.income(), plan.expenses(), plan.total(), instalments, plan.breaches(), plan.requestedOn(),
				plan.signedAt(), plan.signature(), plan.behindSince(), plan.pausedSince(), plan.repairsUsed(),
				plan.ending(), plan.note(), plan.discountedFrom());
	}

	/** These plans with their instalments, read in one statement for all of them (a page of a list). */
	private List<Plan> withInstalments(TenantId tenant, List<Plan> plans) {
		if (plans.isEmpty()) {
			return plans;
		}
		Map<UUID, List<PlanInstalment>> instalments = new HashMap<>();
		jdbc.sql("""
				select plan_id, number, due_on, amount, paid from plan_instalments
				where tenant_id = ? and plan_id = any (?) order by plan_id, number""")
			.params(tenant.value(), plans.stream().map(Plan::id).toArray(UUID[]::new))
			.query(row -> {
				instalments.computeIfAbsent(row.getObject("plan_id", UUID.class), id -> new ArrayList<>())
					.add(new PlanInstalment(row.getInt("number"), row.getDate("due_on").toLocalDate(),
							Money.ofKopecks(row.getLong("amount")), Money.ofKopecks(row.getLong("paid"))));
			});
		return plans.stream().map(plan -> new Plan(plan.id(), plan.tenantId(), plan.debtId(), plan.debtorId(),
				plan.status(), plan.reason(), plan.income(), plan.expenses(), plan.total(),
				instalments.getOrDefault(plan.id(), plan.instalments()), plan.breaches(), plan.requestedOn(),
				plan.signedAt(), plan.signature(), plan.behindSince(), plan.pausedSince(), plan.repairsUsed(),
				plan.ending(), plan.note(), plan.discountedFrom())).toList();
	}

	/**
	 * The plan's row; its instalments follow ({@link #withInstalments}): one placeholder until then, so that the
	 * record's checks hold. The income and expenses are opened (personal data, sealed in the row).
	 */
	private Plan plan(ResultSet row, int n) throws SQLException {
		Array breaches = row.getArray("breaches");
		Money total = Money.ofKopecks(row.getLong("total"));
		Date behind = row.getDate("behind_since");
		Date paused = row.getDate("paused_since");
		Timestamp signed = row.getTimestamp("signed_at");
		String ending = row.getString("ending");
		return new Plan(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
				new DebtId(row.getObject("debt_id", UUID.class)), new ContactId(row.getObject("contact_id", UUID.class)),
				PlanStatus.valueOf(row.getString("status")), PlanReason.valueOf(row.getString("reason")),
				opened(INCOME, row.getBytes("income")), opened(EXPENSES, row.getBytes("expenses")), total,
				List.of(new PlanInstalment(1, LocalDate.EPOCH, total, Money.ZERO)),
				breaches == null ? List.of() : Arrays.asList((String[]) breaches.getArray()),
				row.getDate("requested_on").toLocalDate(), signed == null ? null : signed.toInstant(),
				row.getObject("signature", UUID.class), behind == null ? null : behind.toLocalDate(),
				paused == null ? null : paused.toLocalDate(), row.getInt("repairs_used"),
				ending == null ? null : PlanEnding.valueOf(ending), row.getString("note"),
				row.getObject("discounted_from") == null ? null : Money.ofKopecks(row.getLong("discounted_from")));
	}
}
