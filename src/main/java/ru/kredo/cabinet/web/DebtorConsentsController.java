package ru.kredo.cabinet.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.cabinet.PersonalDataConsents;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.platform.NotFound;

/**
 * A debtor's answers to the consent to processing personal data, for the agency's debtor card (loaded into it, as
 * the cabinet activity is): given or refused, which version of the text, when, from which address and browser; and
 * each version's exact text. Each view is audited ({@code PERSONAL_DATA_VIEWED} on the contact, detail
 * {@code personal-data-consents} or {@code personal-data-consent:<version>}): who looked at which debtor's consents.
 */
@Controller
class DebtorConsentsController {

	static final int LATEST = 50;

	private final PersonalDataConsents consents;
	private final Contacts contacts;
	private final AuditLog audit;

	DebtorConsentsController(PersonalDataConsents consents, Contacts contacts, AuditLog audit) {
		this.consents = consents;
		this.contacts = contacts;
		this.audit = audit;
	}

	@GetMapping("/debtors/{id}/personal-data-consents")
	String consents(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		ContactId debtor = debtor(me, id);
		model.addAttribute("debtorId", debtor.value());
		model.addAttribute("answers", consents.of(me.tenantId(), debtor, LATEST));
		// His answers, with the address and browser each came from, are his personal data: who saw them is logged.
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor, "personal-data-consents");
		return "cabinet/consents :: consents";
	}

	/** The exact text of a version this debtor answered (another version, or another's, is not found). */
	@GetMapping("/debtors/{id}/personal-data-consents/{version}")
	String text(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @PathVariable String version,
			Model model) {
		ContactId debtor = debtor(me, id);
		boolean answered = consents.of(me.tenantId(), debtor, LATEST).stream().anyMatch(a -> a.version().equals(version));
		model.addAttribute("text", consents.text(me.tenantId(), version).filter(t -> answered)
			.orElseThrow(() -> new NotFound("not-found", version)));
		model.addAttribute("version", version);
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor, "personal-data-consent:" + version);
		return "cabinet/consent-version";
	}

	private ContactId debtor(SignedInUser me, UUID id) {
		return contacts.get(me.tenantId(), new ContactId(id)).id();
	}
}
