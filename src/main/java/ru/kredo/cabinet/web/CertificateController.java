package ru.kredo.cabinet.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
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

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	private final CabinetController cabinet;
	private final RepaymentCertificates certificates;
	private final Clock clock;

	CertificateController(CabinetController cabinet, RepaymentCertificates certificates, Clock clock) {
		this.cabinet = cabinet;
		this.certificates = certificates;
		this.clock = clock;
	}

	@GetMapping("/cabinet/{agency}/debts/{debt}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable UUID agency, @PathVariable UUID debt, HttpServletRequest request) {
		Tenant tenant = cabinet.agency(agency);
		CabinetController.SignedInDebtor debtor = CabinetController.signedIn(request, tenant);
		Debt repaid = cabinet.ownDebt(tenant, debtor, debt);
		byte[] pdf = certificates.issue(tenant.id(), repaid.id(), LocalDate.ofInstant(clock.instant(), MOSCOW)).pdf();
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
