package ru.kredo.collections.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.documents.Agency;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/** An agency admin's legal details, printed on the debtors' certificates of repayment. */
@Controller
@RequestMapping("/requisites")
class RequisitesController {

	private final AgencyRequisites requisites;

	RequisitesController(AgencyRequisites requisites) {
		this.requisites = requisites;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		model.addAttribute("form", requisites.of(me.tenantId()).map(RequisitesForm::of).orElse(RequisitesForm.EMPTY));
		return "collections/requisites";
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser me, RequisitesForm form, Model model, RedirectAttributes redirect) {
		check(me);
		try {
			requisites.save(me.tenantId(), new Agency(form.fullName(), form.inn(), form.ogrn(), form.address(), form.phone()));
			redirect.addFlashAttribute("notice", "requisites.saved");
			return "redirect:/requisites";
		}
		catch (Rejected rejected) {
			model.addAttribute("form", form);
			model.addAttribute("problem", rejected);
			return "collections/requisites";
		}
	}

	private static void check(SignedInUser me) {
		if (me.tenantKind() != TenantKind.COLLECTOR || !me.isAdmin()) {
			throw new NotFound("not-found", "requisites");
		}
	}

	record RequisitesForm(String fullName, String inn, String ogrn, String address, String phone) {

		static final RequisitesForm EMPTY = new RequisitesForm("", "", "", "", "");

		static RequisitesForm of(Agency agency) {
			return new RequisitesForm(agency.fullName(), agency.inn(), agency.ogrn(), agency.address(), agency.phone());
		}
	}
}
