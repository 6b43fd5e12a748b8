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

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.Debt;
import ru.kredo.collections.RepaymentCertificates;
import ru.kredo.tenancy.Tenant;

/**
 * A repaid debt's certificate (справка о погашении задолженности), downloaded by the debtor without an operator: a
 * PDF with the agency's requisites and a code anyone can check at {@code /verify}. Issued once per debt, as a rule
 * when it closed ({@link RepaymentCertificates}); otherwise now. It states the debt, what was paid, what a signed
 * settlement forgave and under which agreement (number, date, the SMS signature's record), and only then that the
 * obligations are fulfilled.
 */
@Controller
class CertificateController {

	private final CabinetAgencies agencies;
	private final OwnDebts ownDebts;
	private final RepaymentCertificates certificates;
	private final BusinessCalendar calendar;

	CertificateController(CabinetAgencies agencies, OwnDebts ownDebts, RepaymentCertificates certificates, BusinessCalendar calendar) {
		this.agencies = agencies;
		this.ownDebts = ownDebts;
		this.certificates = certificates;
		this.calendar = calendar;
	}

	@GetMapping("/cabinet/{agency}/debts/{debt}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable UUID agency, @PathVariable UUID debt,
			Optional<SignedInDebtor> signedIn) {
		Tenant tenant = agencies.get(agency);
		// A guest is answered as for another's debt: 404.
		Debt repaid = ownDebts.get(tenant, signedIn, debt);
		byte[] pdf = certificates.issue(tenant.id(), repaid.id(), calendar.today()).pdf();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("spravka-o-pogashenii-" + repaid.contractNumber().replaceAll("[^\\w-]", "_") + ".pdf",
						StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}
}
