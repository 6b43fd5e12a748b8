package ru.kredo.docrequests.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.FirstReply;
import ru.kredo.conversations.Upload;
import ru.kredo.docrequests.DebtorDocuments;
import ru.kredo.docrequests.DocumentRequest;
import ru.kredo.docrequests.DocumentRequests;
import ru.kredo.docrequests.RequestFilter;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;

/**
 * The inbox's «Запросы документов» ({@code /inbox/requests}, collection agencies only): the agency's document requests,
 * open ones first with when each is due in the agency's working time and an overdue mark ({@link FirstReply}); one
 * request with its answer (a PDF) and decline (a reason the debtor reads) forms, which come back (422) with the wrong
 * field marked; and a debtor's requests for his card. Every view of a request, of a debtor's requests and of a
 * document is audited.
 */
@Controller
@RequestMapping("/inbox")
class DocumentRequestsController {

	static final int PAGE_SIZE = 50;

	private final DocumentRequests requests;
	private final DebtorDocuments documents;
	private final Contacts contacts;
	private final Conversations conversations;
	private final AuditLog audit;

	DocumentRequestsController(DocumentRequests requests, DebtorDocuments documents, Contacts contacts,
			Conversations conversations, AuditLog audit) {
		this.requests = requests;
		this.documents = documents;
		this.contacts = contacts;
		this.conversations = conversations;
		this.audit = audit;
	}

	/** The list; {@code ?debtor=} one debtor's requests only (the card's link, audited as a view of his). */
	@GetMapping("/requests")
	String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "OPEN") String filter,
			@RequestParam(required = false) UUID debtor, @RequestParam(defaultValue = "0") int page, Model model) {
		RequestFilter shown = java.util.Arrays.stream(RequestFilter.values()).filter(f -> f.name().equals(filter))
			.findFirst().orElse(RequestFilter.OPEN);
		ContactId whose = null;
		if (debtor != null) {
			whose = contacts.get(me.tenantId(), new ContactId(debtor)).id();
			audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", whose.value(), "document-requests");
			model.addAttribute("debtorName", contacts.name(me.tenantId(), whose).display());
		}
		ListPage<DocumentRequest> found = requests.list(me.tenantId(), shown, whose, Paging.page(page, PAGE_SIZE));
		model.addAttribute("filter", shown.name());
		model.addAttribute("debtor", debtor);
		model.addAttribute("lines", ListPage.of(found.items().stream().map(this::row).toList(), found.total(),
				found.paging()));
		model.addAttribute("open", requests.countOpen(me.tenantId()));
		model.addAttribute("pagerPath", "/inbox/requests");
		return "docrequests/requests";
	}

	/** A debtor's requests, for his card beside the conversation and on {@code /debtors/{id}} (drawn into it by htmx). */
	@GetMapping("/requests/of/{id}")
	String ofDebtor(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		ContactId debtor = contacts.get(me.tenantId(), new ContactId(id)).id();
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor.value(), "document-requests");
		model.addAttribute("debtor", debtor.value());
		model.addAttribute("rows", requests.ofDebtor(me.tenantId(), debtor).stream().map(this::row).toList());
		return "docrequests/card :: requests";
	}

	@GetMapping("/requests/{id}")
	String request(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		DocumentRequest request = requests.get(me.tenantId(), id);
		audit.recordAbout(request.contactId().value(), AuditAction.PERSONAL_DATA_VIEWED, "document-request", id,
				"document-request");
		model.addAttribute("row", row(request));
		model.addAttribute("document", request.documentId() == null ? null
				: documents.byIds(me.tenantId(), List.of(request.documentId())).get(request.documentId()));
		model.addAttribute("conversation", conversations.find(me.tenantId(), request.contactId()).orElse(null));
		model.addAttribute("limits", requests.limits());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "docrequests/request";
	}

	@PostMapping("/requests/{id}/answer")
	String answer(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		requests.get(me.tenantId(), id);
		try {
			requests.answer(me.tenantId(), id, me.userId(), Upload.of(file));
		}
		catch (InvalidFields invalid) {
			return refused(me, id, invalid, Map.of(), model, response);
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/inbox/requests/" + id;
		}
		redirect.addFlashAttribute("notice", "docrequest.answered");
		return "redirect:/inbox/requests/" + id;
	}

	@PostMapping("/requests/{id}/decline")
	String decline(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requests.get(me.tenantId(), id);
		try {
			requests.decline(me.tenantId(), id, me.userId(), reason);
		}
		catch (InvalidFields invalid) {
			return refused(me, id, invalid, Map.of("reason", reason), model, response);
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/inbox/requests/" + id;
		}
		redirect.addFlashAttribute("notice", "docrequest.declined");
		return "redirect:/inbox/requests/" + id;
	}

	private String refused(SignedInUser me, UUID id, InvalidFields invalid, Map<String, String> typed, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errors", invalid.errors());
		typed.forEach(model::addAttribute);
		return request(me, id, model);
	}

	private Row row(DocumentRequest request) {
		return new Row(request, requests.due(request));
	}

	/** A request as staff pages list it, with where it stands against the first-reply SLA ({@code null}: closed). */
	record Row(DocumentRequest request, FirstReply.Due due) {
	}
}
