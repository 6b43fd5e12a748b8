package ru.kredo.docrequests.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contacts;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Upload;
import ru.kredo.docrequests.DebtorDocuments;
import ru.kredo.docrequests.DocumentFile;
import ru.kredo.platform.InvalidFields;

/**
 * «Отправить документ» from a conversation ({@code /inbox/{id}/document}): a PDF with a title, which becomes one of
 * the debtor's documents and a message in his chat; a wrong one comes back (422) with every wrong field marked and
 * the title typed. And a debtor's document for staff to download ({@code /inbox/documents/{id}}), audited.
 */
@Controller
class SendDocumentController {

	private final Conversations conversations;
	private final DebtorDocuments documents;
	private final Contacts contacts;
	private final AuditLog audit;

	SendDocumentController(Conversations conversations, DebtorDocuments documents, Contacts contacts, AuditLog audit) {
		this.conversations = conversations;
		this.documents = documents;
		this.contacts = contacts;
		this.audit = audit;
	}

	@GetMapping("/inbox/{id}/document")
	String form(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Conversation conversation = conversations.get(me.tenantId(), new ConversationId(id));
		model.addAttribute("conversation", conversation);
		model.addAttribute("debtorName", contacts.name(me.tenantId(), conversation.contactId()).display());
		model.addAttribute("limits", documents.limits());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "docrequests/send";
	}

	@PostMapping("/inbox/{id}/document")
	String send(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String title, @RequestParam(required = false) MultipartFile file,
			Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		ConversationId conversation = conversations.get(me.tenantId(), new ConversationId(id)).id();
		try {
			documents.send(me.tenantId(), conversation, me, title, Upload.of(file));
		}
		catch (InvalidFields invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", invalid.errors());
			model.addAttribute("typedTitle", title);
			return form(me, id, model);
		}
		redirect.addFlashAttribute("notice", "docrequest.sent");
		return "redirect:/inbox/" + id;
	}

	/** A debtor's document (an answer, or one sent); opening it is audited like the conversation's files. */
	@GetMapping("/inbox/documents/{id}")
	ResponseEntity<byte[]> document(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		DocumentFile file = documents.file(me.tenantId(), id);
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", file.contactId().value(), "document;" + id);
		return download(file);
	}

	/** A PDF as a download, never shown inline in Kredo's origin. */
	static ResponseEntity<byte[]> download(DocumentFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.content());
	}
}
