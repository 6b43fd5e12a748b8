package ru.kredo.cabinet.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditActor;
import ru.kredo.cabinet.Funnel;
import ru.kredo.cabinet.Invitations;
import ru.kredo.collections.CreditHistoryBases;
import ru.kredo.collections.PortfolioNames;
import ru.kredo.collections.PortfolioNames.PortfolioName;
import ru.kredo.contacting.ContactTemplates;
import ru.kredo.contacting.MessageTemplate;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.PublicAddress;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantId;

/**
 * Invitations to the cabinet (docs/invitations.md): the agency's admin invites a portfolio's debtors from the
 * registries' page, after seeing the text each will get and how many it names; a debtor's personal link counts his
 * visit under the invitation and opens the cabinet's door.
 */
@Controller
class InvitationsController {

	/** What the preview shows in place of a debtor's personal link. */
	static final String SAMPLE_TOKEN = "AbCdEfGhIjKlMnOpQrStUv";

	private final Invitations invitations;
	private final PortfolioNames portfolios;
	private final CreditHistoryBases bases;
	private final ContactTemplates templates;
	private final PublicAddress address;
	private final CabinetAgencies agencies;
	private final Visitors visitors;
	private final Funnel funnel;

	InvitationsController(Invitations invitations, PortfolioNames portfolios, CreditHistoryBases bases,
			ContactTemplates templates, PublicAddress address, CabinetAgencies agencies, Visitors visitors,
			Funnel funnel) {
		this.invitations = invitations;
		this.portfolios = portfolios;
		this.bases = bases;
		this.templates = templates;
		this.address = address;
		this.agencies = agencies;
		this.visitors = visitors;
		this.funnel = funnel;
	}

	@GetMapping("/debtors/portfolios/{id}/invitations")
	String page(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		PortfolioName portfolio = portfolioOf(me, id);
		model.addAttribute("portfolio", portfolio);
		model.addAttribute("debtors", bases.ofPortfolio(me.tenantId(), id).size());
		model.addAttribute("text", ContactTemplates.render(templates.text(me.tenantId(), MessageTemplate.CABINET_INVITATION),
				Map.of("{agency}", templates.agencyName(me.tenantId()),
						"{phone}", templates.phone(me.tenantId()).orElse(""),
						"{link}", address.of(Invitations.LINK_PATH + SAMPLE_TOKEN).toString())));
		model.addAttribute("phoneMissing", templates.phone(me.tenantId()).isEmpty());
		return "cabinet/invitations";
	}

	@PostMapping("/debtors/portfolios/{id}/invitations")
	String invite(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		PortfolioName portfolio = portfolioOf(me, id);
		Invitations.Invited invited = invitations.invitePortfolio(me.tenantId(), portfolio.id(), AuditActor.of(me));
		redirect.addFlashAttribute("invited", invited);
		return "redirect:/cabinet-funnel?invitation=" + invited.id() + "#invitations";
	}

	/**
	 * A debtor's personal link: his visit counts under the invitation (his first), and he goes on to the door. A token
	 * never issued, or another agency's, goes to the door all the same: the link says nothing of whose it was.
	 */
	@GetMapping("/cabinet/{agency}/i/{token}")
	String open(@PathVariable UUID agency, @PathVariable String token, HttpServletRequest request,
			HttpServletResponse response) {
		Tenant tenant = agencies.get(agency);
		// A link preview or a scanner opening the texted link is not the debtor opening it.
		if (visitors.isAVisit(request)) {
			invitations.open(tenant.id(), token)
				.ifPresent(invitation -> funnel.cameBy(tenant.id(), visitors.of(request, response), invitation));
		}
		return "redirect:/cabinet/" + agency;
	}

	/**
	 * A debtor's personal link as the texts carry it, short: on to the same link under his agency's cabinet, which
	 * counts the visit where the visitor's cookie is (it lives under {@code /cabinet}; counted here, a returning
	 * visitor would be taken for a new one). A token never issued names no agency to send him to: not found.
	 */
	@GetMapping(Invitations.LINK_PATH + "{token}")
	String openShort(@PathVariable String token) {
		TenantId agency = invitations.agencyOf(token).orElseThrow(() -> new NotFound("not-found", "invitation"));
		return "redirect:/cabinet/" + agency.value() + Invitations.LINK_PATH
				+ org.springframework.web.util.UriUtils.encodePathSegment(token, java.nio.charset.StandardCharsets.UTF_8);
	}

	private PortfolioName portfolioOf(SignedInUser me, UUID id) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "portfolio");
		}
		return portfolios.find(me.tenantId(), id).orElseThrow(() -> new NotFound("not-found", "portfolio"));
	}
}
