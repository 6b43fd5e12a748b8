package ru.kredo.cabinet.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditActor;
import ru.kredo.cabinet.Invitations;
import ru.kredo.collections.PortfolioNames;
import ru.kredo.collections.PortfolioNames.PortfolioName;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.CurrentTenant;

/**
 * A portfolio's debtors invited to the cabinet by API (issue 15, every page action has an API counterpart;
 * docs/invitations.md «By API»): the same {@link Invitations#invitePortfolio} as «Пригласить в кабинет» on the
 * registries' page, so the same texts through the contact gate, the same audit (naming the API key) and the same count
 * in the funnel. Collection agencies only; another agency's portfolio is a 404.
 */
@RestController
@Tag(name = "Cabinet invitations", description = "Collection agencies: a portfolio's debtors texted a personal link to "
		+ "the debtor's cabinet, through the contact gate")
class InvitationsApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String JSON = "application/json";
	private static final String INVITED = """
			{"id":"6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c","portfolioId":"3c1b2a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",\
			"debtors":240}""";
	private static final String NOT_FOUND = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Реестр не найден.",\
			"code":"portfolio.not-found"}""";

	private final Invitations invitations;
	private final PortfolioNames portfolios;
	private final CurrentTenant current;

	InvitationsApi(Invitations invitations, PortfolioNames portfolios, CurrentTenant current) {
		this.invitations = invitations;
		this.portfolios = portfolios;
		this.current = current;
	}

	/** The invitation made ({@link Invitations.Invited}): its id and how many debtors it names. */
	record InvitedResource(UUID id, UUID portfolioId, int debtors) {
	}

	@PostMapping("/api/v1/portfolios/{id}/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite the portfolio's debtors to the cabinet: each texted a personal link",
			description = """
			The «Пригласить в кабинет» page's action (docs/invitations.md): every debtor of the portfolio with a debt \
			not closed gets the agency's text `cabinet.invitation` with his personal link, asked of the contact gate \
			as a collection message — sent when his hours and limits allow (held up to 7 days), never under a bar, to \
			his representative while one stands. The rows are written at once and sent in rounds after the answer; \
			`debtors` is how many the invitation names (0 for a portfolio with no debt open: an invitation that \
			texts nobody). Its sends, openings, sign-ins and payments show in «Воронка кабинета» under `id`. Each \
			call makes a new invitation (the gate's limits keep a debtor from being texted too often). Audited \
			(INVITATIONS_SENT on the portfolio), as the API key's. No body.""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "invited", value = INVITED)))
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio (portfolio.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
	InvitedResource invite(@PathVariable UUID id) {
		PortfolioName portfolio = portfolios.find(current.id(), id)
			.orElseThrow(() -> new NotFound("portfolio.not-found", id));
		Invitations.Invited invited = invitations.invitePortfolio(current.id(), portfolio.id(),
				AuditActor.of(current.actor()));
		return new InvitedResource(invited.id(), portfolio.id(), invited.debtors());
	}
}
