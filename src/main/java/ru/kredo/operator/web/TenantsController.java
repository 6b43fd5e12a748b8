package ru.kredo.operator.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditActor;
import ru.kredo.operator.TenantProvisioning;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.platform.RequestedPage;

/** The platform operator's tenants: the list and the form that creates one. */
@Controller
@RequestMapping("/operator/tenants")
class TenantsController {

	/** Rows a page of the list shows. */
	static final int PAGE_SIZE = 50;

	private final TenantDirectory tenants;
	private final TenantProvisioning provisioning;

	TenantsController(TenantDirectory tenants, TenantProvisioning provisioning) {
		this.tenants = tenants;
		this.provisioning = provisioning;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("tenants", RequestedPage.slice(RequestedPage.matching(tenants.all(), tenant -> tenant.name()), PAGE_SIZE));
		model.addAttribute("kinds", new TenantKind[] { TenantKind.BROKER, TenantKind.COLLECTOR });
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TenantForm("", TenantKind.BROKER, "", ""));
		}
		return "operator/tenants";
	}

	/**
	 * Post/redirect/get: the admin's password and the API key, shown once, go to the list in flash attributes (the
	 * session, never the address), so a reload neither creates a second tenant nor shows them again.
	 */
	@PostMapping
	String create(@AuthenticationPrincipal SignedInUser me, TenantForm form, Model model, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("provisioned", provisioning.provision(form.name(), form.kind(), form.adminEmail(),
					form.adminName(), null, AuditActor.of(me)));
			return "redirect:/operator/tenants";
		}
		catch (Rejected rejected) {
			model.addAttribute("form", form);
			model.addAttribute("problem", rejected);
			return list(model);
		}
	}

	record TenantForm(String name, TenantKind kind, String adminEmail, String adminName) {
	}
}
