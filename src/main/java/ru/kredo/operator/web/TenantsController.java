package ru.kredo.operator.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.EmailAddress;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditActor;
import ru.kredo.operator.TenantProvisioning;
import ru.kredo.platform.InvalidFields;
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
			model.addAttribute("form", new TenantForm("", TenantKind.BROKER, "", "", false));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "operator/tenants";
	}

	/**
	 * Post/redirect/get: the admin's password and the API key, shown once, go to the list in flash attributes (the
	 * session, never the address), so a reload neither creates a second tenant nor shows them again.
	 */
	@PostMapping
	String create(@AuthenticationPrincipal SignedInUser me, TenantForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			form.check();
			redirect.addFlashAttribute("provisioned", provisioning.provision(form.name(), form.kind(), form.isSandbox(), form.adminEmail(),
					form.adminName(), null, AuditActor.of(me)));
			return "redirect:/operator/tenants";
		}
		catch (InvalidFields invalid) {
			return refused(form, invalid.errors(), model, response);
		}
		catch (Rejected rejected) {
			String field = TenantForm.fieldOf(rejected);
			if (field == null) {
				model.addAttribute("problem", rejected);
			}
			return refused(form, field == null ? Map.of() : Map.of(field, rejected), model, response);
		}
	}

	/** A refused form comes back (422) with what was typed and every wrong field marked at once. */
	private String refused(TenantForm form, Map<String, Rejected> errors, Model model, HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(model);
	}

	/** @param sandbox created as a sandbox, for good (docs/sandbox.md); unticked (absent), a real tenant */
	record TenantForm(String name, TenantKind kind, String adminEmail, String adminName, Boolean sandbox) {

		public boolean isSandbox() {
			return Boolean.TRUE.equals(sandbox);
		}


		/** Every wrong field at once, before anything is created; provisioning checks them again. */
		void check() {
			InvalidFields.Collector fields = new InvalidFields.Collector();
			fields.read("name", () -> {
				String trimmed = name == null ? "" : name.strip();
				if (trimmed.isEmpty()) {
					throw new Rejected("tenant.name-required");
				}
				if (trimmed.length() > 200) {
					throw new Rejected("tenant.name-too-long", 200);
				}
				return trimmed;
			});
			fields.read("kind", () -> {
				if (kind != TenantKind.BROKER && kind != TenantKind.COLLECTOR) {
					throw new Rejected("tenant.kind-invalid");
				}
				return kind;
			});
			fields.read("adminName", () -> {
				if (adminName == null || adminName.isBlank() || adminName.strip().length() > 200) {
					throw new Rejected("user.name-required");
				}
				return adminName;
			});
			fields.read("adminEmail", () -> EmailAddress.forNewAccount(adminEmail));
			fields.throwIfAny();
		}

		/** The field a refusal of provisioning names, or {@code null} for one of the whole form. */
		static String fieldOf(Rejected rejected) {
			String code = rejected.code();
			if (code.startsWith("tenant.kind")) {
				return "kind";
			}
			if (code.startsWith("tenant.")) {
				return "name";
			}
			if (code.startsWith("user.email")) {
				return "adminEmail";
			}
			return code.equals("user.name-required") ? "adminName" : null;
		}
	}
}
