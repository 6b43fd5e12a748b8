package ru.kredo.cabinet.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.RepaymentCertificates;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Contract;
import ru.kredo.documents.Instalment;
import ru.kredo.documents.PaymentDocuments;
import ru.kredo.documents.PaymentSchedule;
import ru.kredo.documents.PaymentStatement;
import ru.kredo.documents.PersonName;
import ru.kredo.documents.Settlement;
import ru.kredo.documents.StatementLine;
import ru.kredo.money.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.Payments;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.Tenant;

/**
 * The schedule of an accepted offer as a PDF (график платежей), downloaded by the debtor: each part with its date and
 * amount, and the settlement it pays — what is forgiven once all are paid, and what a late part does. And the
 * statement of payments (выписка о платежах) of any of his debts: the claim as assigned, every payment through Kredo
 * and what is owed today.
 */
@Controller
class ScheduleController {

	private final CabinetAgencies agencies;
	private final OwnDebts ownDebts;
	private final Offers offers;
	private final Contacts contacts;
	private final AgencyRequisites requisites;
	private final PaymentDocuments documents;
	private final BusinessCalendar calendar;
	private final Debts debts;
	private final MessageSource messages;
	private final RepaymentCertificates certificates;
	private final Payments payments;

	ScheduleController(CabinetAgencies agencies, OwnDebts ownDebts, Offers offers, Contacts contacts,
			AgencyRequisites requisites, PaymentDocuments documents, BusinessCalendar calendar, Debts debts,
			MessageSource messages, RepaymentCertificates certificates,
			Payments payments) {
		this.payments = payments;
		this.certificates = certificates;
		this.debts = debts;
		this.messages = messages;
		this.agencies = agencies;
		this.ownDebts = ownDebts;
		this.offers = offers;
		this.contacts = contacts;
		this.requisites = requisites;
		this.documents = documents;
		this.calendar = calendar;
	}

	@GetMapping("/cabinet/{agency}/debts/{debt}/offer/schedule.pdf")
	ResponseEntity<byte[]> schedule(@PathVariable UUID agency, @PathVariable UUID debt,
			Optional<SignedInDebtor> signedIn) {
		Tenant tenant = agencies.get(agency);
		// A guest is answered as for another's debt: 404.
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		Offer offer = offers.find(tenant.id(), owed.id()).filter(Offer::wasAccepted)
			.orElseThrow(() -> new NotFound("offer.not-found", debt));
		Contact person = contacts.get(tenant.id(), owed.contactId());
		LocalDate signedOn = calendar.agencyDate(offer.acceptedAt());
		PaymentSchedule schedule = new PaymentSchedule(
				requisites.of(tenant.id()).orElseThrow(() -> new NotFound("certificate.requisites-missing", tenant.id())),
				new PersonName(person.name().lastName(), person.name().firstName(), person.name().middleName()),
				new Contract(owed.contractNumber(), owed.contractDate()), signedOn,
				offer.schedule().stream().map(part -> new Instalment(part.dueOn(), part.amount())).toList(),
				calendar.today(),
				new Settlement(offer.fullAmount(), offer.saved(), signedOn, offer.policy().graceDays()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("grafik-platezhey-" + owed.contractNumber().replaceAll("[^\\w-]", "_") + ".pdf",
						StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(documents.schedule(schedule));
	}

	@GetMapping("/cabinet/{agency}/debts/{debt}/statement.pdf")
	ResponseEntity<byte[]> statement(@PathVariable UUID agency, @PathVariable UUID debt,
			Optional<SignedInDebtor> signedIn) {
		Tenant tenant = agencies.get(agency);
		// A guest is answered as for another's debt: 404.
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		Contact person = contacts.get(tenant.id(), owed.contactId());
		// A payment comes through the cabinet's payment provider, or the agency received it outside Kredo and recorded
		// it; the documents are printed in Russian whatever the page's language.
		String method = messages.getMessage("documents.statement.method", null, Locale.forLanguageTag("ru"));
		String outside = messages.getMessage("documents.statement.method-outside", null, Locale.forLanguageTag("ru"));
		List<DebtPayment> paid = debts.payments(tenant.id(), owed.id());
		List<PaymentId> overpaid = paid.stream().filter(p -> p.amount().exceeds(p.split().total()))
			.map(p -> new PaymentId(p.paymentId())).toList();
		Map<PaymentId, Money> returned = overpaid.isEmpty() ? Map.of()
				: payments.refunded(tenant.id(), overpaid);
		PaymentStatement statement = new PaymentStatement(
				requisites.of(tenant.id()).orElseThrow(() -> new NotFound("certificate.requisites-missing", tenant.id())),
				new PersonName(person.name().lastName(), person.name().firstName(), person.name().middleName()),
				new Contract(owed.contractNumber(), owed.contractDate()), owed.originalCreditor(),
				owed.assignmentDate() == null ? owed.contractDate() : owed.assignmentDate(), owed.originalTotal(),
				// Each payment as what it paid on the debt; what it brought beyond what was owed is said apart, to return,
				// with what the agency returned of it through the provider.
				paid.stream()
					.sorted(Comparator.comparing(DebtPayment::paidAt))
					.map(p -> new StatementLine(calendar.agencyDate(p.paidAt()), p.split().total(),
							p.outside() ? outside : method, p.amount().minus(p.split().total()),
							returned.get(new PaymentId(p.paymentId()))))
					.toList(),
				owed.total(), calendar.today(), owed.paidBeforeImport(),
				certificates.forgiven(tenant.id(), owed).orElse(null));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("vypiska-o-platezhakh-" + owed.contractNumber().replaceAll("[^\\w-]", "_") + ".pdf",
						StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(documents.statement(statement));
	}
}
