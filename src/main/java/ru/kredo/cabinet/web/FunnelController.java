package ru.kredo.cabinet.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.cabinet.Funnel;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantKind;

/** The agency's view of its cabinet: the link to give debtors, and where guests drop off. */
@Controller
class FunnelController {

	private final Funnel funnel;

	FunnelController(Funnel funnel) {
		this.funnel = funnel;
	}

	@GetMapping("/cabinet-funnel")
	String funnel(@AuthenticationPrincipal SignedInUser me, Model model) {
		if (me.tenantKind() != TenantKind.COLLECTOR) {
			throw new NotFound("not-found", "cabinet");
		}
		model.addAttribute("rows", funnel.of(me.tenantId()));
		model.addAttribute("agencyId", me.tenantId().value());
		return "cabinet/funnel";
	}
}
