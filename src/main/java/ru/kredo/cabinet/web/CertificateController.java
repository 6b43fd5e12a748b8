package ru.kredo.cabinet.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Offers;
import ru.kredo.collections.SignedSettlement;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Certificates;
import ru.kredo.documents.Contract;
import ru.kredo.documents.Forgiveness;
import ru.kredo.documents.PersonName;
import ru.kredo.documents.RepaymentCertificate;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.Tenant;

/**
 * A repaid debt's certificate (справка о погашении задолженности), downloaded by the debtor without an operator: a
 * PDF with the agency's requisites and a code anyone can check at {@code /verify}. Issued once per debt. It states the
 * debt, what was paid, what a signed settlement forgave and under which agreement (number, date, the SMS signature's
 * record), and only then that the obligations are fulfilled.
 */
@Controller
class CertificateController {

	private final CabinetController cabinet;
	private final Contacts contacts;
	private final AgencyRequisites requisites;

	private final Certificates certificates;
	private final Offers offers;
	private final Clock clock;
	private final BusinessCalendar calendar;

	CertificateController(CabinetController cabinet, Contacts contacts, AgencyRequisites requisites,
			Certificates certificates, Offers offers, Clock clock, BusinessCalendar calendar) {
		this.offers = offers;
		this.cabinet = cabinet;
		this.contacts = contacts;
		this.requisites = requisites;
		this.certificates = certificates;
		this.clock = clock;
		this.calendar = calendar;
	}

	@GetMapping("/cabinet/{agency}/debts/{debt}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable UUID agency, @PathVariable UUID debt, HttpServletRequest request) {
		Tenant tenant = cabinet.agency(agency);
		CabinetController.SignedInDebtor debtor = CabinetController.signedIn(request, tenant);
		Debt repaid = cabinet.ownDebt(tenant, debtor, debt);
		if (!repaid.isClosed()) {
			throw new NotFound("debt.not-found", debt);
		}
		Contact person = contacts.get(tenant.id(), debtor.contactId());
		RepaymentCertificate certificate = new RepaymentCertificate(debt,
				requisites.of(tenant.id()).orElseThrow(() -> new NotFound("certificate.requisites-missing", tenant.id())),
				new PersonName(person.name().lastName(), person.name().firstName(), person.name().middleName()),
				person.birthDate(), repaid.originalCreditor(), new Contract(repaid.contractNumber(), repaid.contractDate()),
				repaid.assignmentDate() == null ? repaid.contractDate() : repaid.assignmentDate(),
				repaid.originalTotal().roubles(), repaid.repaid().roubles(), forgiveness(tenant, repaid), repaid.closedOn(),
				calendar.today());
		byte[] pdf = certificates.issue(tenant.id(), certificate).pdf();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("spravka-o-pogashenii-" + repaid.contractNumber().replaceAll("[^\\w-]", "_") + ".pdf",
						StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}

	/** What the settlement that closed the debt forgave, with its agreement; none when nothing was forgiven. */
	private Forgiveness forgiveness(Tenant tenant, Debt repaid) {
		if (repaid.forgiven().isZero()) {
			return null;
		}
		SignedSettlement settlement = offers.fulfilled(tenant.id(), repaid.id())
			.orElseThrow(() -> new IllegalStateException("Debt " + repaid.id() + " has a forgiven rest and no settlement"));
		return new Forgiveness(repaid.forgiven().roubles(), settlement.agreement().toString(),
				LocalDateTime.ofInstant(settlement.signedAt(), calendar.agencyZone()),
				settlement.signature().toString());
	}
}
