package ru.kredo.cabinet.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.cabinet.CabinetLook;
import ru.kredo.cabinet.CabinetLooks;
import ru.kredo.cabinet.Funnel;
import ru.kredo.cabinet.Invitations;

/** The agency's view of its cabinet: the link to give debtors, where guests drop off, and (for its admin) its look. */
@Controller
class FunnelController {

	/** The latest invitations the page shows. */
	static final int INVITATIONS_SHOWN = 20;

	private final Funnel funnel;
	private final Invitations invitations;
	private final CabinetLooks looks;
	private final int maxLogoPixels;

	FunnelController(Funnel funnel, Invitations invitations, CabinetLooks looks,
			@Value("${kredo.cabinet.logo.max-pixels:2000}") int maxLogoPixels) {
		this.funnel = funnel;
		this.invitations = invitations;
		this.looks = looks;
		this.maxLogoPixels = maxLogoPixels;
	}

	@GetMapping("/cabinet-funnel")
	String funnel(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) UUID invitation,
			Model model) {
		var lines = invitations.of(me.tenantId(), INVITATIONS_SHOWN);
		UUID shown = invitation != null && lines.stream().anyMatch(l -> l.id().equals(invitation)) ? invitation : null;
		model.addAttribute("rows", funnel.of(me.tenantId(), shown));
		model.addAttribute("invitations", lines);
		model.addAttribute("invitation", shown);
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
