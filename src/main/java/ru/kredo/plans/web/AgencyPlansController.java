package ru.kredo.plans.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.MessageArgument;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.collections.PortfolioNames;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanAdherence;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.Plans;
import ru.kredo.plans.PolicyBreach;
import ru.kredo.plans.ScheduleCalculator;
import ru.kredo.plans.Terms;

/**
 * The agency's side of restructuring plans (collection agencies only): the inbox's «Планы» ({@code /inbox/plans}, the
 * requests outside the policy, the longest waiting first), every plan by status ({@code /plans}), one plan's page
 * ({@code /plans/{id}}: the debtor, the debt, the terms asked with their schedule, the reason, income and expenses,
 * the rules broken, the instalments as paid, every move of its state) with what may be done to it now — approve,
 * propose other terms (the calculator's schedule shown first: {@code GET /plans/{id}?months=…&first=…}), decline,
 * pause, resume, end — and a debtor's plans for his card. Every view of a plan (income and expenses are personal
 * data) is audited; a wrong form comes back (422) with the wrong field marked.
 */
@Controller
class AgencyPlansController {

	static final int PAGE_SIZE = 50;

	/** The filters of the plans list, each the states it shows. */
	enum Filter {
		REQUESTED(EnumSet.of(PlanStatus.REQUESTED)),
		AWAITING(EnumSet.of(PlanStatus.PROPOSED, PlanStatus.AWAITING_SIGNATURE)),
		ACTIVE(EnumSet.of(PlanStatus.ACTIVE)),
		BEHIND(EnumSet.of(PlanStatus.BEHIND)),
		BROKEN(EnumSet.of(PlanStatus.BROKEN)),
		COMPLETED(EnumSet.of(PlanStatus.COMPLETED)),
		DECLINED(EnumSet.of(PlanStatus.DECLINED)),
		ALL(EnumSet.allOf(PlanStatus.class));

		final Set<PlanStatus> statuses;

		Filter(Set<PlanStatus> statuses) {
			this.statuses = statuses;
		}

		static Filter of(String name) {
			return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst().orElse(ALL);
		}
	}

	private final Plans plans;
	private final Debts debts;
	private final Contacts contacts;
	private final AuditLog audit;
	private final BusinessCalendar calendar;
	private final Clock clock;
	private final PlanAdherence adherence;
	private final PortfolioNames portfolios;
	private final PlanQuotes quotes;

	AgencyPlansController(Plans plans, Debts debts, Contacts contacts, AuditLog audit, BusinessCalendar calendar,
			Clock clock, PlanAdherence adherence, PortfolioNames portfolios, PlanQuotes quotes) {
		this.quotes = quotes;
		this.plans = plans;
		this.debts = debts;
		this.contacts = contacts;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
		this.adherence = adherence;
		this.portfolios = portfolios;
	}

	/** The inbox's tab: the requests waiting for the agency, the longest waiting first. */
	@GetMapping("/inbox/plans")
	String requests(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		ListPage<Plan> found = plans.list(me.tenantId(), Filter.REQUESTED.statuses, Paging.page(page, PAGE_SIZE));
		model.addAttribute("lines", ListPage.of(rows(me, found.items()), found.total(),
				found.paging()));
		model.addAttribute("pagerPath", "/inbox/plans");
		return "plans/requests";
	}

	/** Every plan of the agency by status, the latest moved first. */
	@GetMapping("/plans")
	String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "ALL") String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Filter filter = Filter.of(status);
		ListPage<Plan> found = plans.list(me.tenantId(), filter.statuses, Paging.page(page, PAGE_SIZE));
		model.addAttribute("filter", filter.name());
		model.addAttribute("filters", Filter.values());
		model.addAttribute("lines", ListPage.of(rows(me, found.items()), found.total(),
				found.paging()));
		model.addAttribute("requested", plans.count(me.tenantId(), PlanStatus.REQUESTED));
		model.addAttribute("pagerPath", "/plans");
		return "plans/list";
	}

	/**
	 * Adherence: per month the cash expected against what came in, the on-time share of instalments and the broken
	 * share of the plans signed; per portfolio the same shares ({@link PlanAdherence}).
	 */
	@GetMapping("/plans/adherence")
	String adherence(@AuthenticationPrincipal SignedInUser me, Model model) {
		Map<UUID, String> names = new java.util.HashMap<>();
		portfolios.all(me.tenantId()).forEach(p -> names.put(p.id(), p.name()));
		model.addAttribute("months", adherence.months(me.tenantId()));
		model.addAttribute("portfolios", adherence.portfolios(me.tenantId()));
		model.addAttribute("names", names);
		return "plans/adherence";
	}

	/** A debtor's plans, for his card (drawn in by htmx). */
	@GetMapping("/plans/of/{id}")
	String ofDebtor(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		ContactId debtor = contacts.get(me.tenantId(), new ContactId(id)).id();
		model.addAttribute("rows", debts.ofContact(me.tenantId(), debtor).stream()
			.flatMap(debt -> plans.ofDebt(me.tenantId(), debt.id()).stream().map(p -> new Row(p, null, debt, 0)))
			.toList());
		return "plans/card :: plans";
	}

	/**
	 * One plan. For a request, {@code months} or {@code monthly} with {@code first} is the operator's calculation of
	 * other terms: its schedule is shown with the button that proposes it.
	 */
	@GetMapping("/plans/{id}")
	String plan(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) String by, @RequestParam(required = false) String months,
			@RequestParam(required = false) String monthly, @RequestParam(required = false) String first,
			Model model, HttpServletResponse response) {
		Plan plan = plans.get(me.tenantId(), id);
		audit.recordAbout(plan.debtorId().value(), AuditAction.PERSONAL_DATA_VIEWED, "plan", id, "plan");
		ProposeForm form = new ProposeForm(by, months, monthly, first);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (plan.status() == PlanStatus.REQUESTED && form.asked() && !model.containsAttribute("refused")) {
			try {
				Asked asked = form.read();
				model.addAttribute("preview", plans.proposal(me.tenantId(), id, asked.terms(), asked.first()));
			}
			catch (InvalidFields invalid) {
				model.addAttribute("errors", invalid.errors());
			}
			catch (Rejected refused) {
				model.addAttribute("errors", Map.of(form.byMonthly() ? "monthly" : "months", refused));
			}
		}
		model.addAttribute("form", form);
		Row row = row(me, plan);
		model.addAttribute("row", row);
		model.addAttribute("breaches", plans.breachesOf(plan).stream().map(AgencyPlansController::breach).toList());
		model.addAttribute("transitions", plans.transitions(me.tenantId(), id));
		model.addAttribute("maxNote", Plan.MAX_NOTE);
		// The plan's days are the debtor's, on the tenant's clock (a sandbox's test clock): an instalment is overdue, and
		// a proposal's first date may be, as Plans itself counts them (docs/plans.md «Today is the debtor's»).
		model.addAttribute("today", quotes.today(row.debt()));
		return "plans/plan";
	}

	@PostMapping("/plans/{id}/approve")
	String approve(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(me, id, redirect, "plans.approved", () -> plans.approve(me.tenantId(), id, AuditActor.of(me)));
	}

	@PostMapping("/plans/{id}/propose")
	String propose(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) String by, @RequestParam(required = false) String months,
			@RequestParam(required = false) String monthly, @RequestParam(required = false) String first, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		plans.get(me.tenantId(), id);
		ProposeForm form = new ProposeForm(by, months, monthly, first);
		try {
			Asked asked = form.read();
			plans.propose(me.tenantId(), id, asked.terms(), asked.first(), AuditActor.of(me));
		}
		catch (InvalidFields invalid) {
			return refused(me, id, invalid.errors(), form, model, response);
		}
		catch (Rejected refused) {
			if (refused.code().startsWith("plan.month")) {
				return refused(me, id, Map.of(form.byMonthly() ? "monthly" : "months", refused), form, model, response);
			}
			if (refused.code().equals("plan.first-past")) {
				return refused(me, id, Map.of("first", refused), form, model, response);
			}
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/plans/" + id;
		}
		redirect.addFlashAttribute("notice", "plans.proposed");
		return "redirect:/plans/" + id;
	}

	@PostMapping("/plans/{id}/decline")
	String decline(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return withNote(me, id, "decline", reason, model, response, redirect, "plans.declined",
				() -> plans.decline(me.tenantId(), id, reason, AuditActor.of(me)));
	}

	@PostMapping("/plans/{id}/pause")
	String pause(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return withNote(me, id, "pause", reason, model, response, redirect, "plans.paused-notice",
				() -> plans.pause(me.tenantId(), id, reason, AuditActor.of(me)));
	}

	@PostMapping("/plans/{id}/resume")
	String resume(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(me, id, redirect, "plans.resumed", () -> plans.resume(me.tenantId(), id, AuditActor.of(me)));
	}

	@PostMapping("/plans/{id}/end")
	String end(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return withNote(me, id, "end", reason, model, response, redirect, "plans.ended",
				() -> plans.end(me.tenantId(), id, reason, AuditActor.of(me)));
	}

	private String act(SignedInUser me, UUID id, RedirectAttributes redirect, String notice, Runnable action) {
		plans.get(me.tenantId(), id);
		try {
			action.run();
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/plans/" + id;
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/plans/" + id;
	}

	/** A move with a reason: a reason missing or too long comes back on its form's field ({@code <form>-reason}). */
	private String withNote(SignedInUser me, UUID id, String formName, String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect, String notice, Runnable action) {
		plans.get(me.tenantId(), id);
		try {
			action.run();
		}
		catch (Rejected refused) {
			if (refused.code().startsWith("plan.note-")) {
				model.addAttribute(formName + "Reason", reason);
				return refused(me, id, Map.of(formName + "-reason", refused), new ProposeForm(null, null, null, null),
						model, response);
			}
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/plans/" + id;
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/plans/" + id;
	}

	private String refused(SignedInUser me, UUID id, Map<String, Rejected> errors, ProposeForm form, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errors", errors);
		model.addAttribute("refused", true);
		return plan(me, id, form.by(), form.months(), form.monthly(), form.first(), model, response);
	}

	/** A page's rows: their debts, debtors' names and request times in one statement each, not one per plan. */
	private List<Row> rows(SignedInUser me, List<Plan> page) {
		Map<DebtId, Debt> owed = debts.get(me.tenantId(), page.stream().map(Plan::debtId).toList());
		Map<ContactId, FullName> names = contacts.names(me.tenantId(), page.stream().map(Plan::debtorId).toList());
		Map<UUID, Instant> requested = plans.requestedAt(me.tenantId(), page.stream().map(Plan::id).toList());
		return page.stream()
			.map(plan -> new Row(plan, names.get(plan.debtorId()).display(), owed.get(plan.debtId()),
					Duration.between(requested.get(plan.id()), clock.instant()).toHours()))
			.toList();
	}

	private Row row(SignedInUser me, Plan plan) {
		Debt debt = debts.get(me.tenantId(), plan.debtId());
		Instant requested = plans.requestedAt(me.tenantId(), plan.id());
		long waitedHours = Duration.between(requested, clock.instant()).toHours();
		return new Row(plan, contacts.name(me.tenantId(), plan.debtorId()).display(), debt, waitedHours);
	}

	private static Breach breach(PolicyBreach breach) {
		return new Breach(breach.messageKey(), breach.arguments().stream()
			.map(a -> a instanceof MessageArgument argument ? argument.inMessages() : a)
			.toArray());
	}

	/** A plan as the pages list it: its debtor's name ({@code null} on his own card), its debt, how long it waited. */
	record Row(Plan plan, String debtorName, Debt debt, long waitedHours) {

		public long waitedDays() {
			return waitedHours / 24;
		}
	}

	/** A rule of the policy a request broke, as a message. */
	record Breach(String key, Object[] arguments) {
	}

	record Asked(Terms terms, LocalDate first) {
	}

	/** The operator's other terms as typed: a number of months or a monthly sum, and the first payment's day. */
	record ProposeForm(String by, String months, String monthly, String first) {

		public boolean byMonthly() {
			return "monthly".equals(by);
		}

		public boolean asked() {
			return by != null || months != null || monthly != null || first != null;
		}

		Asked read() {
			InvalidFields.Collector fields = new InvalidFields.Collector();
			Terms terms = byMonthly() ? fields.read("monthly", () -> new Terms.ByMonthly(monthly(monthly)))
					: fields.read("months", () -> new Terms.ByMonths(months(months)));
			LocalDate day = fields.read("first", () -> day(first));
			fields.throwIfAny();
			return new Asked(terms, day);
		}

		private static int months(String typed) {
			String text = typed == null ? "" : typed.strip();
			if (!text.matches("\\d{1,4}")) {
				throw new Rejected("plan.months-invalid", ScheduleCalculator.MAX_INSTALMENTS);
			}
			return Integer.parseInt(text);
		}

		private static ru.kredo.money.Money monthly(String typed) {
			ru.kredo.money.Money read = MoneyText.parse(typed);
			if (read == null) {
				throw new Rejected("plan.monthly-invalid");
			}
			return read;
		}

		private static LocalDate day(String typed) {
			try {
				return LocalDate.parse(typed == null ? "" : typed.strip());
			}
			catch (DateTimeParseException ex) {
				throw new Rejected("plan.first-past");
			}
		}
	}

}
