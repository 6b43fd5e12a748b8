package ru.kredo.cabinet.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtorsDebts;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.docrequests.DebtorDocuments;
import ru.kredo.docrequests.DocumentFile;
import ru.kredo.docrequests.DocumentRequest;
import ru.kredo.docrequests.DocumentRequests;
import ru.kredo.docrequests.DocumentType;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;

/**
 * The debtor's documents ({@code /cabinet/{agency}/documents}), per contract: the certificate of repayment of a
 * paid or settled debt, the payment schedule of a signed settlement and the statement of payments of a debt paid on,
 * each with the date it speaks of; a debt with none yet says what will come and when. One read of his debts (as his
 * home page's), nothing written: the documents themselves are made when he downloads them. Without the agency's
 * requisites none can be printed, and the page says so.
 * <p>
 * A debt with a settlement he signed (in force, paid or lapsed) has the copy of the agreement: its figures, schedule
 * and the text exactly as he read it when he signed, with the record of his simple electronic signature
 * ({@link ru.kredo.collections.SettlementAgreements}, {@code AgreementController}), beside the schedule it is paid by.
 * <p>
 * Below them, what the agency gave him (answers to his requests, documents sent from the chat: {@link DebtorDocuments}),
 * his document requests with their state (принят, готов, отказано with the reason), and the form «Запросить документ»
 * ({@link DocumentRequests}): it posts and comes back (post/redirect/get) with his request listed, or with every wrong
 * field said and what he typed.
 */
@Controller
class DocumentsController {

	private final CabinetAgencies agencies;
	private final Debts debts;
	private final BusinessCalendar calendar;
	private final DocumentRequests requests;
	private final DebtorDocuments given;
	private final PlanDocuments plans;

	DocumentsController(CabinetAgencies agencies, Debts debts, BusinessCalendar calendar, DocumentRequests requests,
			DebtorDocuments given, PlanDocuments plans) {
		this.plans = plans;
		this.agencies = agencies;
		this.debts = debts;
		this.calendar = calendar;
		this.requests = requests;
		this.given = given;
	}

	@GetMapping("/cabinet/{agency}/documents")
	String documents(@PathVariable UUID agency, SignedInDebtor debtor, Model model) {
		Tenant tenant = agencies.get(agency);
		String id = tenant.id().value().toString();
		model.addAttribute("agency", tenant);
		model.addAttribute("agencyId", id);
		model.addAttribute("documentsPage", true);
		// The requisites, read once for the page with its footer (CabinetAgency): every document prints them.
		boolean printable = model.getAttribute("cabinetAgency") instanceof CabinetAgency shown && shown.legal() != null;
		model.addAttribute("printable", printable);
		DebtorsDebts his = debts.ofDebtor(tenant.id(), debtor.contactId());
		LocalDate today = calendar.today();
		model.addAttribute("contracts", his.debts().stream()
			.map(debt -> ContractDocuments.of(id, debt, his.offers().get(debt.id()),
					!his.payments().get(debt.id()).isEmpty(), printable, today, calendar)
				.withPlan(id, debt, printable ? plans.signed(debt).map(p -> calendar.agencyDate(p.signedAt())) : Optional.empty()))
			.toList());
		List<DocumentRequest> asked = requests.ofDebtor(tenant.id(), debtor.contactId());
		model.addAttribute("requests", asked);
		model.addAttribute("given", given.ofDebtor(tenant.id(), debtor.contactId()));
		model.addAttribute("debts", his.debts());
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("requestLimits", requests.limits());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		return "cabinet/documents";
	}

	/** «Запросить документ»: his request, or the form again with what was wrong and what he typed. */
	@PostMapping("/cabinet/{agency}/documents/requests")
	String request(@PathVariable UUID agency, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String debt, @RequestParam(defaultValue = "") String comment,
			SignedInDebtor debtor, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		DocumentType chosen = java.util.Arrays.stream(DocumentType.values()).filter(t -> t.name().equals(type))
			.findFirst().orElse(null);
		DebtId which;
		try {
			which = debt.isBlank() ? null : new DebtId(UUID.fromString(debt.strip()));
		}
		catch (IllegalArgumentException notAnId) {
			which = null;
		}
		try {
			requests.request(tenant.id(), debtor.contactId(), which, chosen, comment);
			redirect.addFlashAttribute("notice", "docrequest.requested");
		}
		catch (InvalidFields invalid) {
			redirect.addFlashAttribute("errors", invalid.errors());
			keep(redirect, type, debt, comment);
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			keep(redirect, type, debt, comment);
		}
		return "redirect:/cabinet/" + agency + "/documents#request";
	}

	private static void keep(RedirectAttributes redirect, String type, String debt, String comment) {
		redirect.addFlashAttribute("typedType", type);
		redirect.addFlashAttribute("typedDebt", debt);
		redirect.addFlashAttribute("typedComment", comment);
	}

	/** One of his documents from the agency; anyone else's, or none, is a 404 that says nothing of it. */
	@GetMapping("/cabinet/{agency}/documents/files/{document}")
	ResponseEntity<byte[]> file(@PathVariable UUID agency, @PathVariable UUID document,
			Optional<SignedInDebtor> signedIn) {
		Tenant tenant = agencies.get(agency);
		SignedInDebtor debtor = signedIn.orElseThrow(() -> new NotFound("document.not-found", document));
		DocumentFile file = given.fileOf(tenant.id(), debtor.contactId(), document);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.content());
	}

	/** One contract's documents, and what is still to come on it. */
	record ContractDocuments(String contractNumber, LocalDate contractDate, String originalCreditor,
			List<Document> documents, List<String> toCome) {

		static ContractDocuments of(String agency, Debt debt, Offer offer, boolean paidOn, boolean printable,
				LocalDate today, BusinessCalendar calendar) {
			String base = "/cabinet/" + agency + "/debts/" + debt.id();
			List<Document> documents = new ArrayList<>();
			List<String> toCome = new ArrayList<>();
			boolean repaid = debt.isClosed() && debt.closedAs() != ClosedAs.WRITTEN_OFF;
			if (printable && repaid) {
				documents.add(new Document("certificate", base + "/certificate.pdf", debt.closedOn()));
			}
			if (printable && offer != null && offer.wasAccepted()) {
				// What he signed, in force, paid or lapsed: the copy of the agreement, and the schedule it is paid by.
				documents.add(new Document("agreement", base + "/offer/agreement.pdf",
						calendar.agencyDate(offer.acceptedAt())));
				documents.add(new Document("schedule", base + "/offer/schedule.pdf",
						calendar.agencyDate(offer.acceptedAt())));
			}
			if (printable && paidOn) {
				documents.add(new Document("statement", base + "/statement.pdf", today));
			}
			if (!debt.isClosed()) {
				if (!paidOn) {
					toCome.add("documents.to-come.statement");
				}
				toCome.add("documents.to-come.certificate");
			}
			else if (!repaid && documents.isEmpty()) {
				toCome.add("documents.to-come.written-off");
			}
			return new ContractDocuments(debt.contractNumber(), debt.contractDate(), debt.originalCreditor(),
					List.copyOf(documents), List.copyOf(toCome));
		}

		/** With the copy of a restructuring plan he signed on the debt and its schedule (PlanDocuments), if any. */
		ContractDocuments withPlan(String agency, Debt debt, Optional<LocalDate> planSignedOn) {
			if (planSignedOn.isEmpty()) {
				return this;
			}
			String base = "/cabinet/" + agency + "/debts/" + debt.id() + "/plan";
			List<Document> with = new ArrayList<>(documents);
			with.add(new Document("plan-agreement", base + "/agreement.pdf", planSignedOn.get()));
			with.add(new Document("plan-schedule", base + "/schedule.pdf", planSignedOn.get()));
			return new ContractDocuments(contractNumber, contractDate, originalCreditor, List.copyOf(with), toCome);
		}
	}

	/**
	 * A document to download.
	 *
	 * @param kind {@code certificate}, {@code agreement}, {@code schedule} or {@code statement}: its name's and date's
 *     message keys
	 * @param date the day it speaks of: the debt closed, the settlement signed, the statement's «as of»
	 */
	record Document(String kind, String href, LocalDate date) {
	}
}
