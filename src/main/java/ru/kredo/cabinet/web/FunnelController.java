package ru.kredo.cabinet.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.cabinet.CabinetLook;
import ru.kredo.cabinet.CabinetLooks;
import ru.kredo.cabinet.Funnel;

/** The agency's view of its cabinet: the link to give debtors, where guests drop off, and (for its admin) its look. */
@Controller
class FunnelController {

	private final Funnel funnel;
	private final CabinetLooks looks;
	private final int maxLogoPixels;

	FunnelController(Funnel funnel, CabinetLooks looks,
			@Value("${kredo.cabinet.logo.max-pixels:2000}") int maxLogoPixels) {
		this.funnel = funnel;
		this.looks = looks;
		this.maxLogoPixels = maxLogoPixels;
	}

	@GetMapping("/cabinet-funnel")
	String funnel(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("rows", funnel.of(me.tenantId()));
		model.addAttribute("agencyId", me.tenantId().value());
		// The admin brands the cabinet here: its colour and logo (CabinetLookController saves them).
		if (me.isAdmin()) {
			CabinetLook look = looks.of(me.tenantId());
			model.addAttribute("look", look);
			model.addAttribute("maxLogoKb", looks.maxLogoSize().toKilobytes());
			model.addAttribute("maxLogoPixels", maxLogoPixels);
			if (!model.containsAttribute("typedAccent")) {
				model.addAttribute("typedAccent", look.accent() == null ? "" : look.accent());
			}
		}
		return "cabinet/funnel";
	}
}
