package ru.kredo.contacting.web;

import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacting.ContactStatement;
import ru.kredo.contacting.ContactStatements;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;

/**
 * The inbox's «Заявления о взаимодействии» ({@code /inbox/statements}, collection agencies only): debtors' refusals of
 * interaction and named representatives (ст. 8 230-ФЗ) from the cabinet, waiting ones first; one statement with its
 * signed file and the representative's details, confirmed (its bar stands) or declined with a reason the debtor
 * reads (422 with the field marked when the reason is missing); and a debtor's statements for his card. Every view of
 * a statement, its file or a debtor's statements is audited.
 */
@Controller
@RequestMapping("/inbox/statements")
class StatementsController {

	static final int PAGE_SIZE = 50;

	private final ContactStatements statements;
	private final Contacts contacts;
	private final AuditLog audit;

	StatementsController(ContactStatements statements, Contacts contacts, AuditLog audit) {
		this.statements = statements;
		this.contacts = contacts;
		this.audit = audit;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "WAITING") String filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		boolean waiting = !"ALL".equals(filter);
		ListPage<ContactStatement> found = statements.list(me.tenantId(), waiting, Paging.page(page, PAGE_SIZE));
		model.addAttribute("filter", waiting ? "WAITING" : "ALL");
		model.addAttribute("lines", found);
		model.addAttribute("waiting", statements.countWaiting(me.tenantId()));
		return "contacting/statements";
	}

	/** A debtor's statements, for his card ({@code /debtors/{id}}, drawn into it by htmx). */
	@GetMapping("/of/{id}")
	String ofDebtor(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		ContactId debtor = contacts.get(me.tenantId(), new ContactId(id)).id();
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor.value(), "contact-statements");
		model.addAttribute("rows", statements.ofDebtor(me.tenantId(), debtor));
		return "contacting/card :: statements";
	}

	@GetMapping("/{id}")
	String statement(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		ContactStatement statement = statements.get(me.tenantId(), id);
		audit.recordAbout(statement.contactId().value(), AuditAction.PERSONAL_DATA_VIEWED, "contact-statement", id,
				"contact-statement");
		model.addAttribute("s", statement);
		model.addAttribute("maxReason", ContactStatements.MAX_REASON);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "contacting/statement";
	}

	/** The signed statement the debtor attached. */
	@GetMapping("/{id}/file")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		ContactStatements.File file = statements.file(me.tenantId(), id);
		audit.recordAbout(statements.get(me.tenantId(), id).contactId().value(), AuditAction.PERSONAL_DATA_VIEWED,
				"contact-statement", id, "contact-statement-file");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.content());
	}

	@PostMapping("/{id}/confirm")
	String confirm(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			statements.confirm(me.tenantId(), id, me.userId().value(), AuditActor.of(me));
			redirect.addFlashAttribute("notice", "statement.confirmed");
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
		}
		return "redirect:/inbox/statements/" + id;
	}

	@PostMapping("/{id}/decline")
	String decline(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		statements.get(me.tenantId(), id);
		try {
			statements.decline(me.tenantId(), id, reason, me.userId().value(), AuditActor.of(me));
		}
		catch (InvalidFields invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", invalid.errors());
			model.addAttribute("reason", reason);
			return statement(me, id, model);
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/inbox/statements/" + id;
		}
		redirect.addFlashAttribute("notice", "statement.declined");
		return "redirect:/inbox/statements/" + id;
	}
}
