package ru.kredo.cabinet.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.collections.Debt;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;

/**
 * The step that signs a debt's terms with a code texted to the debtor's phone — a settlement ({@link OfferController})
 * or a restructuring plan ({@link PlanController}), a simple electronic signature each
 * ({@link CabinetSignIn#startSignature}, {@link CabinetSignIn#confirm}): the code texted and the terms kept in the
 * session ({@link Pending}), the step a page of its own ({@code GET …/sign}, the fragment {@code cabinet/flow ::
 * signing}) so that a reload sends no second code, another code on request but not before its time, and the code
 * checked. A wrong, expired or overtried code, or another asked too soon, keeps him on the step with the reason; any
 * other refusal sends him back to the debt's page with why.
 */
@Component
class SigningStep {

	/** Refusals of a code that leave the terms standing: he stays on the signing step, where he may ask for another. */
	static final Set<String> STAY_ON_STEP = Set.of("cabinet.code-wrong", "cabinet.code-expired",
			"cabinet.too-many-attempts", "cabinet.resend-too-soon", "cabinet.too-many-codes");

	/** Terms shown to the debtor, kept in his session until the code that signs them: what every kind has. */
	interface Pending extends Serializable {

		/** The signing challenge whose code was texted. */
		UUID challenge();

		/** The debt whose terms these are. */
		UUID debt();

		/** The terms as the step's page shows them ({@code terms}). */
		Object shown();

		/** The code, shown on the page in the demo only. */
		String demoCode();

		/** When another code may be asked for. */
		Instant resendAt();
	}

	/**
	 * What one kind of signing is: where its terms wait in the session and as what, its addresses under the debt's
	 * ({@code /cabinet/{agency}/debts/{debt}/{path}/sign}, {@code …/resend}, {@code …/{confirm}}), the page of its step,
	 * what follows the debt's address once it is signed (an anchor), and whether a refusal that does not keep him on
	 * the step also forgets the terms.
	 */
	record Kind<P extends Pending>(String key, Class<P> type, String path, String confirm, String view, String signed,
			boolean forgetsOnRefusal) {
	}

	/** The addresses the step's page posts to: the code, and another code. */
	record Addresses(String confirm, String resend) {
	}

	/** What the step does once the code proved it is him: signs, and says so by the notice's key. */
	@FunctionalInterface
	interface Signing<P extends Pending> {
		String sign(P pending);
	}

	/** Texts a code and keeps the terms in the session: the start of a signing, and again for another code. */
	@FunctionalInterface
	interface Texting {
		void text();
	}

	private final CabinetSignIn codes;
	private final Clock clock;

	SigningStep(CabinetSignIn codes, Clock clock) {
		this.codes = codes;
		this.clock = clock;
	}

	/**
	 * «Принять предложение», «Подписать план»: {@code texting} texts the code and keeps the terms, then the step; refused
	 * (with why), the debt's page.
	 */
	String start(Kind<?> kind, UUID agency, UUID debt, Texting texting, RedirectAttributes redirect) {
		try {
			texting.text();
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			return debtPage(agency, debt);
		}
		return step(kind, agency, debt);
	}

	/**
	 * The step: the terms this session is signing on this debt and the code's field, with when another code may be
	 * asked for; none waiting, the debt's page.
	 */
	<P extends Pending> String show(Kind<P> kind, Tenant tenant, Debt debt, HttpServletRequest request, Model model) {
		P pending = pending(kind, request, debt.id().value());
		if (pending == null) {
			return debtPage(tenant.id().value(), debt.id().value());
		}
		String base = base(kind, tenant.id().value(), debt.id().value());
		model.addAttribute("agency", tenant);
		model.addAttribute("debt", debt);
		model.addAttribute("demoCode", pending.demoCode());
		model.addAttribute("terms", pending.shown());
		model.addAttribute("resendIn", secondsUntil(pending.resendAt()));
		model.addAttribute("step", new Addresses(base + "/" + kind.confirm(), base + "/resend"));
		return kind.view();
	}

	/**
	 * «Отправить код ещё раз» on the step: {@code again} texts a new code for the same terms, not before its time; a
	 * refusal other than the code's own forgets the terms and goes back to the debt's page.
	 */
	<P extends Pending> String resend(Kind<P> kind, UUID agency, UUID debt, HttpServletRequest request,
			RedirectAttributes redirect, java.util.function.Consumer<P> again) {
		P pending = pending(kind, request, debt);
		if (pending == null) {
			return debtPage(agency, debt);
		}
		try {
			if (clock.instant().isBefore(pending.resendAt())) {
				throw new Rejected("cabinet.resend-too-soon", secondsUntil(pending.resendAt()));
			}
			again.accept(pending);
			redirect.addFlashAttribute("notice", "cabinet.signing-code-resent");
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			if (!STAY_ON_STEP.contains(rejected.code())) {
				request.getSession().removeAttribute(kind.key());
				return debtPage(agency, debt);
			}
		}
		return step(kind, agency, debt);
	}

	/**
	 * The code that signs: only the terms this session showed on this debt (and, when the page names one, with its
	 * challenge) may be signed, by the debt's own debtor ({@code signer}); then {@code signing} signs and the debt's
	 * page says so. A wrong, expired or overtried code keeps him on the step; terms that no longer hold send him back
	 * to the debt with why.
	 */
	<P extends Pending> String confirm(Kind<P> kind, Tenant tenant, UUID debt, ContactId signer, UUID challenge,
			String code, HttpServletRequest request, RedirectAttributes redirect, Signing<P> signing) {
		UUID agency = tenant.id().value();
		try {
			P pending = pending(kind, request, debt);
			if (pending == null || (challenge != null && !pending.challenge().equals(challenge))) {
				throw new Rejected("cabinet.sign-again");
			}
			if (!codes.confirm(tenant, pending.challenge(), code).equals(signer)) {
				throw new Rejected("cabinet.code-wrong");
			}
			String notice = signing.sign(pending);
			request.getSession().removeAttribute(kind.key());
			redirect.addFlashAttribute("notice", notice);
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			if (STAY_ON_STEP.contains(rejected.code())) {
				return step(kind, agency, debt);
			}
			if (kind.forgetsOnRefusal()) {
				request.getSession().removeAttribute(kind.key());
			}
		}
		return debtPage(agency, debt) + kind.signed();
	}

	/** The terms waiting in this session, if they are of this kind and this debt. */
	private static <P extends Pending> P pending(Kind<P> kind, HttpServletRequest request, UUID debt) {
		Object kept = request.getSession().getAttribute(kind.key());
		return kind.type().isInstance(kept) && kind.type().cast(kept).debt().equals(debt) ? kind.type().cast(kept) : null;
	}

	private long secondsUntil(Instant at) {
		long millis = Duration.between(clock.instant(), at).toMillis();
		return millis <= 0 ? 0 : (millis + 999) / 1000;
	}

	private static String base(Kind<?> kind, UUID agency, UUID debt) {
		return "/cabinet/" + agency + "/debts/" + debt + "/" + kind.path();
	}

	private static String step(Kind<?> kind, UUID agency, UUID debt) {
		return "redirect:" + base(kind, agency, debt) + "/sign";
	}

	private static String debtPage(UUID agency, UUID debt) {
		return "redirect:/cabinet/" + agency + "/debts/" + debt;
	}
}
