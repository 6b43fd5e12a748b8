package ru.kredo.cabinet.web;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import ru.kredo.cabinet.PersonalDataConsents;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Whether the signed-in debtor is to be asked for his consent to processing personal data on this page: until he has
 * answered the agency's current text (a changed text is asked again). Gives the page {@code consentAsked} and the
 * {@code consentVersion} his answer is to name ({@code cabinet/fragments/agency :: consent}).
 */
@Component
class ConsentQuestion {

	private final PersonalDataConsents consents;

	ConsentQuestion(PersonalDataConsents consents) {
		this.consents = consents;
	}

	/** Puts the question on the page if it is due; returns whether his consent to the current text stands. */
	boolean ask(Model model, TenantId tenant, ContactId debtor) {
		String text = ((CabinetAgency) model.getAttribute("cabinetAgency")).consentText();
		Optional<Boolean> answer = consents.answer(tenant, debtor, text);
		model.addAttribute("consentAsked", answer.isEmpty());
		model.addAttribute("consentVersion", PersonalDataConsents.version(text));
		return answer.orElse(false);
	}
}
