package ru.kredo.cabinet.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.Debt;
import ru.kredo.collections.SettlementAgreements;
import ru.kredo.tenancy.Tenant;

/**
 * The copy of the settlement agreement the debtor signed on his debt, as a PDF ({@link SettlementAgreements}): from
 * his «Документы» and the debt's page. Only his: a guest, another debtor, another agency's debt and a debt with no
 * signed settlement are answered 404 alike.
 */
@Controller
class AgreementController {

	private final CabinetAgencies agencies;
	private final OwnDebts ownDebts;
	private final SettlementAgreements agreements;

	AgreementController(CabinetAgencies agencies, OwnDebts ownDebts, SettlementAgreements agreements) {
		this.agencies = agencies;
		this.ownDebts = ownDebts;
		this.agreements = agreements;
	}

	@GetMapping("/cabinet/{agency}/debts/{debt}/offer/agreement.pdf")
	ResponseEntity<byte[]> agreement(@PathVariable UUID agency, @PathVariable UUID debt,
			Optional<SignedInDebtor> signedIn) {
		Tenant tenant = agencies.get(agency);
		// A guest is answered as for another's debt: 404.
		Debt his = ownDebts.get(tenant, signedIn, debt);
		byte[] pdf = agreements.pdf(tenant.id(), his.id());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(SettlementAgreements.fileName(his), StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(pdf);
	}
}
