package ru.kredo.cabinet.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import java.nio.charset.StandardCharsets;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.Debt;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.plans.RepairOutsidePolicy;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantId;

/**
 * The debtor's side of a restructuring plan (issue 13), every step a form that answers with a redirect
 * (POST-redirect-GET): he requests a plan from the calculator's answer (approved at once within the agency's policy,
 * in its inbox otherwise), accepts or declines other terms the agency proposed, signs the plan with a code texted to
 * his phone — the settlement's simple electronic signature ({@link CabinetSignIn#startSignature},
 * {@link CabinetSignIn#confirm}), the text he read kept with the plan — and repairs a running plan (one date moved,
 * or what is left re-planned). Every move goes through {@link Plans}; another debtor's debt or plan is a 404.
 */
@Controller
@RequestMapping("/cabinet/{agency}/debts/{debt}/plan")
class PlanController {

	static final String PENDING = "kredo.cabinet.pending-plan";
	/** The plan's signing step: signed, the debt's page at the plan's card; a refusal forgets the terms. */
	private static final SigningStep.Kind<PendingPlan> STEP = new SigningStep.Kind<>(PENDING, PendingPlan.class, "plan",
			"confirm", "cabinet/plan-sign", "#plan-card", true);

	private final CabinetAgencies agencies;
	private final OwnDebts ownDebts;
	private final Plans plans;
	private final PlanQuotes quotes;
	private final CabinetSignIn codes;
	private final Contacts contacts;
	private final MessageSource messages;
	private final PlanDocuments documents;
	private final SigningStep signing;

	PlanController(CabinetAgencies agencies, OwnDebts ownDebts, Plans plans, PlanQuotes quotes, CabinetSignIn codes,
			Contacts contacts, MessageSource messages, PlanDocuments documents, SigningStep signing) {
		this.documents = documents;
		this.agencies = agencies;
		this.ownDebts = ownDebts;
		this.plans = plans;
		this.quotes = quotes;
		this.codes = codes;
		this.contacts = contacts;
		this.messages = messages;
		this.signing = signing;
	}

	/**
	 * «Оформить план»: the calculator's terms, the reason (required) and, if he wishes, his monthly income and
	 * expenses. Within the policy he goes on to sign at once; outside it the request waits for the agency. A wrong
	 * field comes back by its field, with what he typed.
	 */
	@PostMapping("/request")
	String request(@PathVariable UUID agency, @PathVariable UUID debt, Optional<SignedInDebtor> signedIn,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String income,
			@RequestParam(required = false) String expenses, @RequestParam(required = false) String by,
			@RequestParam(required = false) String months, @RequestParam(required = false) String monthly,
			@RequestParam(required = false) String first, @RequestParam(required = false) String discount,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		PlanCalculator.Form form = new PlanCalculator.Form(by == null ? "months" : by, months, monthly, first,
				discount);
		String back = "redirect:/cabinet/" + agency + "/debts/" + debt;
		try {
			InvalidFields.Collector fields = new InvalidFields.Collector();
			PlanReason why = fields.read("reason", () -> reason(reason));
			Money earns = fields.read("income", () -> MoneyText.parse(income));
			Money spends = fields.read("expenses", () -> MoneyText.parse(expenses));
			PlanCalculator.Asked asked = null;
			try {
				asked = PlanCalculator.read(form, quotes.today(owed));
			}
			catch (InvalidFields wrong) {
				wrong.errors().forEach(fields::reject);
			}
			fields.throwIfAny();
			Plan plan = plans.request(tenant.id(), owed.contactId(), owed.id(), why, earns, spends, asked.terms(),
					asked.first(), form.discounted(), Plans.debtor(owed.contactId()));
			if (plan.status() == PlanStatus.AWAITING_SIGNATURE) {
				begin(tenant, owed, plan, phoneOf(signedIn), request, locale);
				redirect.addFlashAttribute("notice", "cabinet.plan-approved");
				return back + "/plan/sign";
			}
			redirect.addFlashAttribute("notice", "cabinet.plan-requested");
			return back + "#plan-card";
		}
		catch (InvalidFields wrong) {
			redirect.addFlashAttribute("planRequestErrors", wrong.errors());
			redirect.addFlashAttribute("planRequest", typed(reason, income, expenses));
			return back + "?by=" + form.by() + "&months=" + value(months) + "&monthly=" + value(monthly) + "&first="
					+ value(first) + (form.discounted() ? "&discount=1" : "") + "#plan-request";
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return back;
		}
	}

	/** «Принять» the terms the agency proposed: he signs them next. */
	@PostMapping("/{plan}/accept-proposal")
	String acceptProposal(@PathVariable UUID agency, @PathVariable UUID debt, @PathVariable UUID plan,
			Optional<SignedInDebtor> signedIn, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		String back = "redirect:/cabinet/" + agency + "/debts/" + debt;
		try {
			Plan accepted = plans.acceptProposal(tenant.id(), owed.contactId(), ownPlan(tenant, owed, plan).id());
			begin(tenant, owed, accepted, phoneOf(signedIn), request, locale);
			redirect.addFlashAttribute("notice", "cabinet.plan-proposal-accepted");
			return back + "/plan/sign";
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return back;
		}
	}

	/** «Отказаться» from the terms the agency proposed: the debt is owed as before. */
	@PostMapping("/{plan}/decline-proposal")
	String declineProposal(@PathVariable UUID agency, @PathVariable UUID debt, @PathVariable UUID plan,
			Optional<SignedInDebtor> signedIn, RedirectAttributes redirect) {
		return answer(agency, debt, plan, signedIn, redirect, "cabinet.plan-proposal-declined", plans::declineProposal);
	}

	/** «Отозвать запрос»: while the plan is considered or awaits his signature, he withdraws it and may ask again. */
	@PostMapping("/{plan}/withdraw")
	String withdraw(@PathVariable UUID agency, @PathVariable UUID debt, @PathVariable UUID plan,
			Optional<SignedInDebtor> signedIn, RedirectAttributes redirect) {
		return answer(agency, debt, plan, signedIn, redirect, "cabinet.plan-withdrawn", plans::withdraw);
	}

	/** A step of his own plan's that ends on the debt's page: done with {@code notice}, or refused with why. */
	private String answer(UUID agency, UUID debt, UUID plan, Optional<SignedInDebtor> signedIn,
			RedirectAttributes redirect, String notice, Step step) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		try {
			step.take(tenant.id(), owed.contactId(), ownPlan(tenant, owed, plan).id());
			redirect.addFlashAttribute("notice", notice);
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
		}
		return "redirect:/cabinet/" + agency + "/debts/" + debt;
	}

	/** A move of {@link Plans} the debtor makes on his plan. */
	@FunctionalInterface
	private interface Step {
		Plan take(TenantId tenant, ContactId debtor, UUID plan);
	}

	/** «Подписать план»: texts the signing code for a plan awaiting his signature, then the signing step. */
	@PostMapping("/{plan}/sign")
	String startSigning(@PathVariable UUID agency, @PathVariable UUID debt, @PathVariable UUID plan,
			Optional<SignedInDebtor> signedIn, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		return signing.start(STEP, agency, debt,
				() -> begin(tenant, owed, ownPlan(tenant, owed, plan), phoneOf(signedIn), request, locale), redirect);
	}

	/** The signing step ({@link SigningStep#show}): the plan's terms as he will sign them and the code's field. */
	@GetMapping("/sign")
	String signing(@PathVariable UUID agency, @PathVariable UUID debt, SignedInDebtor signedIn,
			HttpServletRequest request, Model model) {
		Tenant tenant = agencies.get(agency);
		return signing.show(STEP, tenant, ownDebts.get(tenant, signedIn, debt), request, model);
	}

	/** «Отправить код ещё раз» on the signing step, not before its time. */
	@PostMapping("/resend")
	String resend(@PathVariable UUID agency, @PathVariable UUID debt, Optional<SignedInDebtor> signedIn,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		return signing.resend(STEP, agency, debt, request, redirect,
				pending -> begin(tenant, owed, ownPlan(tenant, owed, pending.plan()), phoneOf(signedIn), request,
						locale));
	}

	/**
	 * The code that signs ({@link SigningStep#confirm}): right, the plan is active and the debt's page shows its
	 * schedule; a wrong, expired or overtried code keeps him on the step; a plan no longer awaiting his signature, or
	 * terms that no longer hold, send him back to the debt with why.
	 */
	@PostMapping("/confirm")
	String confirm(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam(defaultValue = "") String code,
			Optional<SignedInDebtor> signedIn, HttpServletRequest request, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		return signing.confirm(STEP, tenant, debt, owed.contactId(), null, code, request, redirect, pending -> {
			// The number the code went to is kept with the signature, for the copy of the agreement (as a settlement's).
			plans.sign(tenant.id(), owed.contactId(), pending.plan(), pending.challenge(), pending.terms(),
					pending.sentTo() == null ? null : new PhoneNumber(pending.sentTo()));
			return "cabinet.plan-signed";
		});
	}

	/** A repair: the earliest instalment not paid moved to the day he chooses ({@link Plans#moveInstalment}). */
	@PostMapping("/{plan}/move")
	String move(@PathVariable UUID agency, @PathVariable UUID debt, @PathVariable UUID plan,
			@RequestParam(required = false) String to, Optional<SignedInDebtor> signedIn, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		try {
			LocalDate day;
			try {
				day = LocalDate.parse(to == null ? "" : to.strip());
			}
			catch (DateTimeParseException unreadable) {
				throw new InvalidFields(Map.of("to", new Rejected("cabinet.plan-date-invalid")));
			}
			plans.moveInstalment(tenant.id(), owed.contactId(), ownPlan(tenant, owed, plan).id(), day);
			redirect.addFlashAttribute("notice", "cabinet.plan-repaired");
		}
		catch (InvalidFields wrong) {
			redirect.addFlashAttribute("planRepairErrors", wrong.errors());
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("planRepairErrors", Map.of("to", refused));
		}
		return "redirect:/cabinet/" + agency + "/debts/" + debt + "#plan-card";
	}

	/** A repair: what is left re-planned with the calculator's terms ({@link Plans#replan}). */
	@PostMapping("/{plan}/replan")
	String replan(@PathVariable UUID agency, @PathVariable UUID debt, @PathVariable UUID plan,
			@RequestParam(required = false) String by, @RequestParam(required = false) String months,
			@RequestParam(required = false) String monthly, @RequestParam(required = false) String first,
			Optional<SignedInDebtor> signedIn, Locale locale, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		// By months or by a monthly sum, as the calculator asks (plandays, issue 13).
		PlanCalculator.Form form = new PlanCalculator.Form("monthly".equals(by) ? "monthly" : "months", months, monthly,
				first);
		try {
			PlanCalculator.Asked asked = PlanCalculator.read(form, quotes.today(owed));
			plans.replan(tenant.id(), owed.contactId(), ownPlan(tenant, owed, plan).id(), asked.terms(), asked.first());
			redirect.addFlashAttribute("notice", "cabinet.plan-repaired");
			return "redirect:/cabinet/" + agency + "/debts/" + debt + "#plan-card";
		}
		catch (InvalidFields wrong) {
			redirect.addFlashAttribute("planRepairErrors", wrong.errors());
		}
		catch (RepairOutsidePolicy outside) {
			redirect.addFlashAttribute("planRepairErrors",
					Map.of("monthly".equals(form.by()) ? "monthly" : "months", outside));
			// Which of the agency's rules, worded as under the calculator's answer.
			redirect.addFlashAttribute("planRepairBreaches", outside.breaches().stream().map(PlanCalculator::breach)
				.map(b -> messages.getMessage(b.key(), b.arguments(), locale)).toList());
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("planRepairErrors",
					Map.of("monthly".equals(form.by()) ? "monthly" : "months", refused));
		}
		// Refused: the form comes back with what he typed.
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("by", form.by());
		typed.put("months", months == null ? "" : months);
		typed.put("monthly", monthly == null ? "" : monthly);
		typed.put("first", first == null ? "" : first);
		redirect.addFlashAttribute("planReplanTyped", typed);
		return "redirect:/cabinet/" + agency + "/debts/" + debt + "#plan-card";
	}

	/**
	 * The copy of the plan's agreement he signed, as a PDF; only his: a guest, another debtor and a debt with no plan
	 * signed are answered 404 alike.
	 */
	@GetMapping("/agreement.pdf")
	ResponseEntity<byte[]> agreement(@PathVariable UUID agency, @PathVariable UUID debt,
			Optional<SignedInDebtor> signedIn) {
		Debt his = ownDebts.get(agencies.get(agency), signedIn, debt);
		return pdf(documents.agreement(his), "soglashenie-plan-" + fileSafe(his) + ".pdf");
	}

	/** The plan's schedule as it stands, as a PDF; only his, as {@link #agreement}. */
	@GetMapping("/schedule.pdf")
	ResponseEntity<byte[]> schedule(@PathVariable UUID agency, @PathVariable UUID debt,
			Optional<SignedInDebtor> signedIn) {
		Debt his = ownDebts.get(agencies.get(agency), signedIn, debt);
		return pdf(documents.schedule(his), "grafik-plan-" + fileSafe(his) + ".pdf");
	}

	private static String fileSafe(Debt debt) {
		return debt.contractNumber().replaceAll("[^\\w-]", "_");
	}

	private static ResponseEntity<byte[]> pdf(byte[] pdf, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(pdf);
	}

	/**
	 * Texts a signing code for the plan and keeps its terms, as he will read them, in the session; the code goes to
	 * the number he signed in with ({@link CabinetSignIn#signingPhone}).
	 */
	private void begin(Tenant tenant, Debt owed, Plan plan, String signedInWith, HttpServletRequest request,
			Locale locale) {
		if (plan.status() != PlanStatus.AWAITING_SIGNATURE) {
			throw new Rejected("plan.not-awaiting-signature");
		}
		Contact debtor = contacts.get(tenant.id(), owed.contactId());
		PhoneNumber to = codes.signingPhone(tenant, debtor, signedInWith);
		CabinetSignIn.Challenge challenge = codes.startSignature(tenant, debtor.name(), to, owed.contractNumber());
		PlanTerms terms = PlanTerms.of(messages, locale, tenant, owed, plan, quotes.eligibility(owed).policy());
		request.getSession().setAttribute(PENDING, new PendingPlan(challenge.id(), owed.id().value(), plan.id(),
				terms.text(), terms, challenge.demoCode(), challenge.resendAt(), to.e164()));
	}

	/** The number (E.164) he signed in with, if this session knows it. */
	private static String phoneOf(Optional<SignedInDebtor> signedIn) {
		return signedIn.map(SignedInDebtor::phone).orElse(null);
	}

	/** His plan of this debt; another's, or one of another debt, is a 404. */
	private Plan ownPlan(Tenant tenant, Debt owed, UUID id) {
		Plan plan = plans.get(tenant.id(), id);
		if (!plan.debtId().equals(owed.id()) || !plan.debtorId().equals(owed.contactId())) {
			throw new NotFound("plan.not-found", id);
		}
		return plan;
	}

	private static PlanReason reason(String typed) {
		try {
			return PlanReason.valueOf(typed == null ? "" : typed);
		}
		catch (IllegalArgumentException unknown) {
			throw new Rejected("plan.reason-required");
		}
	}

	private static Map<String, String> typed(String reason, String income, String expenses) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("reason", reason == null ? "" : reason);
		typed.put("income", income == null ? "" : income);
		typed.put("expenses", expenses == null ? "" : expenses);
		return typed;
	}

	private static String value(String typed) {
		return typed == null ? "" : java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A plan's terms shown to the debtor, waiting for the code that signs them. */
	record PendingPlan(UUID challenge, UUID debt, UUID plan, String terms, PlanTerms shown, String demoCode,
			Instant resendAt, String sentTo) implements SigningStep.Pending {
	}
}
