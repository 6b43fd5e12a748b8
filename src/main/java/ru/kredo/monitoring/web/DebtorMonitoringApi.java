package ru.kredo.monitoring.web;

import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditActor;
import ru.kredo.collections.CreditHistoryBases;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.ContactId;
import ru.kredo.monitoring.DebtorWatches;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * One debtor put on bureau monitoring by API, as from his card (issue 15: every page action has an API counterpart;
 * docs/monitoring-debtors.md): for the default months, his debts' contracts as the basis. A whole portfolio is put on
 * monitoring on its page only, by an admin who confirms that the debtors' consents came with the claims.
 */
@RestController
@Tag(name = "Debtor monitoring", description = "Collection agencies: a debtor put on credit-bureau monitoring")
class DebtorMonitoringApi {

	private static final String PROBLEM = "application/problem+json";

	private final DebtorWatches debtorWatches;
	private final CreditHistoryBases bases;
	private final Debts debts;
	private final CurrentTenant current;

	DebtorMonitoringApi(DebtorWatches debtorWatches, CreditHistoryBases bases, Debts debts, CurrentTenant current) {
		this.debtorWatches = debtorWatches;
		this.bases = bases;
		this.debts = debts;
		this.current = current;
	}

	@PostMapping("/api/v1/debtors/{id}/monitoring")
	@Operation(summary = "Put one debtor on monitoring, as «Поставить на мониторинг» on his card", description = """
			For the default months, each of his debts not closed as the basis (docs/monitoring-debtors.md). \
			`watched`: how many watches this made (0 when he was already watched: `already`). A debtor without a debt \
			that is not closed is refused (debtor.no-open-debt).""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
			name = "watched", value = "{\"debtors\":1,\"watched\":1,\"already\":0}")))
	@ApiResponse(responseCode = "400", description = "No debt that is not closed (debtor.no-open-debt)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's debtor (debtor.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	DebtorWatches.Result watch(@PathVariable UUID id) {
		ContactId debtor = new ContactId(id);
		if (debts.ofContact(current.id(), debtor).isEmpty()) {
			throw new NotFound("debtor.not-found", id);
		}
		if (bases.ofDebtor(current.id(), debtor).isEmpty()) {
			throw new Rejected("debtor.no-open-debt");
		}
		return debtorWatches.watchDebtor(current.id(), debtor, DebtorWatches.DEFAULT_MONTHS,
				AuditActor.of(current.actor()));
	}
}
