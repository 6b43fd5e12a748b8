package ru.kredo.cabinet.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.cabinet.PersonalDataConsents;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Whether the signed-in debtor is to be asked for his consent to processing personal data on this page: until he has
 * answered the agency's current text (a changed text is asked again). Gives the page {@code consentAsked} and the
 * {@code consentVersion} his answer is to name ({@code cabinet/fragments/agency :: consent}).
 * <p>
 * Every page of his asks, so his answer is kept in his session for {@link #FRESH}: an answer given in this session
 * counts at once; one given or withdrawn in another (his phone, then his laptop) counts here within that time. A
 * changed text is a new version and is read anew at once.
 */
@Component
class ConsentQuestion {

	static final Duration FRESH = Duration.ofSeconds(30);
	private static final String KEPT = ConsentQuestion.class.getName() + ".answer";

	private final PersonalDataConsents consents;
	private final Clock clock;

	ConsentQuestion(PersonalDataConsents consents, Clock clock) {
		this.consents = consents;
		this.clock = clock;
	}

	/** Puts the question on the page if it is due; returns whether his consent to the current text stands. */
	boolean ask(Model model, HttpServletRequest request, TenantId tenant, ContactId debtor) {
		String text = ((CabinetAgency) model.getAttribute("cabinetAgency")).consentText();
		String version = PersonalDataConsents.version(text);
		Optional<Boolean> answer = answer(request, tenant, debtor, text, version);
		model.addAttribute("consentAsked", answer.isEmpty());
		model.addAttribute("consentVersion", version);
		return answer.orElse(false);
	}

	/** His latest answer to this text, from his session while it is fresh, else from the record. */
	Optional<Boolean> answer(HttpServletRequest request, TenantId tenant, ContactId debtor, String text, String version) {
		Instant now = clock.instant();
		if (request.getSession().getAttribute(KEPT) instanceof Kept kept && kept.tenant().equals(tenant)
				&& kept.debtor().equals(debtor) && kept.version().equals(version)
				&& kept.at().plus(FRESH).isAfter(now)) {
			return Optional.ofNullable(kept.given());
		}
		Optional<Boolean> answer = consents.answer(tenant, debtor, text);
		request.getSession().setAttribute(KEPT, new Kept(tenant, debtor, version, answer.orElse(null), now));
		return answer;
	}

	/** His answer, just recorded in this session: it counts on his next page. */
	void answered(HttpServletRequest request, TenantId tenant, ContactId debtor, String version, boolean given) {
		request.getSession().setAttribute(KEPT, new Kept(tenant, debtor, version, given, clock.instant()));
	}

	private record Kept(TenantId tenant, ContactId debtor, String version, Boolean given, Instant at)
			implements Serializable {
	}
}
