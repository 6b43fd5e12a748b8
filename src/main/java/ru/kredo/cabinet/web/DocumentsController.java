package ru.kredo.cabinet.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtorsDebts;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.tenancy.Tenant;

/**
 * The debtor's documents ({@code /cabinet/{agency}/documents}), per contract: the certificate of repayment of a
 * paid or settled debt, the payment schedule of a signed settlement and the statement of payments of a debt paid on,
 * each with the date it speaks of; a debt with none yet says what will come and when. One read of his debts (as his
 * home page's), nothing written: the documents themselves are made when he downloads them. Without the agency's
 * requisites none can be printed, and the page says so.
 * <p>
 * Kredo keeps the text of a signed settlement as the debtor read it, but makes no document of it: the schedule is
 * the settlement's paper.
 */
@Controller
class DocumentsController {

	private final CabinetAgencies agencies;
	private final Debts debts;
	private final BusinessCalendar calendar;

	DocumentsController(CabinetAgencies agencies, Debts debts, BusinessCalendar calendar) {
		this.agencies = agencies;
		this.debts = debts;
		this.calendar = calendar;
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
					!his.payments().get(debt.id()).isEmpty(), printable, today, calendar))
			.toList());
		return "cabinet/documents";
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
	}

	/**
	 * A document to download.
	 *
	 * @param kind {@code certificate}, {@code schedule} or {@code statement}: its name's and date's message keys
	 * @param date the day it speaks of: the debt closed, the settlement signed, the statement's «as of»
	 */
	record Document(String kind, String href, LocalDate date) {
	}

	/** Gives every cabinet page of a signed-in debtor the way to his documents ({@code documentsLink}, in the header). */
	@ControllerAdvice(basePackageClasses = DocumentsController.class)
	static class Link {

		@ModelAttribute
		void documentsLink(HttpServletRequest request, Model model) {
			Optional<UUID> agency = request.getSession(false) == null ? Optional.empty() : CabinetAgencies.inPath(request);
			if (agency.isEmpty()) {
				return;
			}
			UUID id = agency.get();
			if (SignedInDebtors.of(request, id).isPresent()) {
				model.addAttribute("documentsLink", "/cabinet/" + id + "/documents");
			}
		}
	}
}
