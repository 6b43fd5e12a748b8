package ru.kredo.cabinet.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.contacting.BarKind;
import ru.kredo.contacting.ContactStatement;
import ru.kredo.contacting.ContactStatements;
import ru.kredo.conversations.Upload;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantClocks;

/**
 * «Ваши права» (ст. 8 230-ФЗ): the debtor refuses interaction with the agency, or names the advocate through whom
 * alone it is to contact him, sending the signed statement as a file; the page says plainly what the law asks (the
 * form, the ways of sending, the four months before a refusal, and from which day his may be sent), shows his
 * statements with the agency's answer, and lets him withdraw one. Forms post and come back (post/redirect/get) with
 * every wrong field said and what he typed.
 */
@Controller
@RequestMapping("/cabinet/{agency}/rights")
class RightsController {

	private final CabinetAgencies agencies;
	private final ContactStatements statements;
	private final TenantClocks clocks;

	RightsController(CabinetAgencies agencies, ContactStatements statements, TenantClocks clocks) {
		this.agencies = agencies;
		this.statements = statements;
		this.clocks = clocks;
	}

	@GetMapping
	String page(@PathVariable UUID agency, SignedInDebtor debtor, Model model) {
		Tenant tenant = agencies.get(agency);
		var his = statements.ofDebtor(tenant.id(), debtor.contactId());
		Optional<LocalDate> from = statements.refusalFrom(tenant.id(), debtor.contactId());
		model.addAttribute("agency", tenant);
		model.addAttribute("agencyId", tenant.id().value().toString());
		model.addAttribute("statements", his);
		model.addAttribute("refusalFrom", from.orElse(null));
		model.addAttribute("refusalAllowed", from.isEmpty() || !clocks.today(tenant.id()).isBefore(from.get()));
		model.addAttribute("refusalOpen", open(his, BarKind.REFUSAL));
		model.addAttribute("representativeOpen", open(his, BarKind.REPRESENTATIVE));
		model.addAttribute("limits", statements.limits());
		model.addAttribute("months", ContactStatements.REFUSAL_AFTER_MONTHS);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "cabinet/rights";
	}

	@PostMapping("/refusal")
	String refuse(@PathVariable UUID agency, @RequestParam(required = false) MultipartFile file, SignedInDebtor debtor,
			RedirectAttributes redirect) throws IOException {
		Tenant tenant = agencies.get(agency);
		try {
			statements.refuse(tenant.id(), debtor.contactId(), Upload.of(file));
		}
		catch (InvalidFields invalid) {
			redirect.addFlashAttribute("errors", invalid.errors());
			redirect.addFlashAttribute("form", "refusal");
			return back(agency, "refusal");
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return back(agency, "refusal");
		}
		redirect.addFlashAttribute("notice", "statement.sent");
		return back(agency, "mine");
	}

	@PostMapping("/representative")
	String representative(@PathVariable UUID agency, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "false") boolean advocate,
			@RequestParam(required = false) MultipartFile file, SignedInDebtor debtor, RedirectAttributes redirect)
			throws IOException {
		Tenant tenant = agencies.get(agency);
		try {
			statements.nameRepresentative(tenant.id(), debtor.contactId(), name, phone, address, email, advocate,
					Upload.of(file));
		}
		catch (InvalidFields invalid) {
			redirect.addFlashAttribute("errors", invalid.errors());
			redirect.addFlashAttribute("form", "representative");
			redirect.addFlashAttribute("typed", Map.of("name", name, "phone", phone, "email", email, "address", address));
			redirect.addFlashAttribute("advocate", advocate);
			return back(agency, "representative");
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return back(agency, "representative");
		}
		redirect.addFlashAttribute("notice", "statement.sent");
		return back(agency, "mine");
	}

	@PostMapping("/{statement}/withdraw")
	String withdraw(@PathVariable UUID agency, @PathVariable UUID statement, SignedInDebtor debtor,
			RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		try {
			statements.withdraw(tenant.id(), debtor.contactId(), statement);
			redirect.addFlashAttribute("notice", "statement.withdrawn");
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
		}
		return back(agency, "mine");
	}

	private static boolean open(java.util.List<ContactStatement> his, BarKind kind) {
		return his.stream().anyMatch(s -> s.kind() == kind && s.isWithdrawable());
	}

	private static String back(UUID agency, String anchor) {
		return "redirect:/cabinet/" + agency + "/rights#" + anchor;
	}
}
