package ru.kredo.collections.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeAttachments;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.Disputes;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;

/**
 * The agency's open disputes, the oldest first, and one dispute with its resolution: upheld (the debt is written off)
 * or rejected with a reason the debtor is shown. A dispute's page shows the debtor's explanation, personal data, so
 * its view is audited; a refused resolution comes back (422) with the wrong field marked and what was typed.
 */
@Controller
@RequestMapping("/debtors/disputes")
class DisputesController {

	static final int LIST_LIMIT = 200;

	private final Disputes disputes;
	private final AuditLog audit;
	private final DisputeAttachments attachments;

	DisputesController(Disputes disputes, AuditLog audit, DisputeAttachments attachments) {
		this.disputes = disputes;
		this.audit = audit;
		this.attachments = attachments;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("disputes", disputes.open(me.tenantId(), LIST_LIMIT));
		model.addAttribute("count", disputes.countOpen(me.tenantId()));
		return "collections/disputes";
	}

	@GetMapping("/{id}")
	String dispute(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Dispute dispute = disputes.get(me.tenantId(), id);
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", dispute.contactId().value(), "dispute");
		model.addAttribute("dispute", dispute);
		model.addAttribute("files", attachments.of(me.tenantId(), List.of(id)).getOrDefault(id, List.of()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("outcome")) {
			model.addAttribute("outcome", DisputeOutcome.REJECTED.name());
		}
		return "collections/dispute";
	}

	/** A file the debtor attached to the agency's dispute: a download, audited as the dispute's page is. */
	@GetMapping("/{id}/files/{file}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @PathVariable UUID file) {
		Dispute dispute = disputes.get(me.tenantId(), id);
		DisputeAttachments.Opened opened = attachments.open(me.tenantId(), dispute.id(), file);
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", dispute.contactId().value(), "dispute;attachment;" + file);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(opened.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(opened.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(opened.content());
	}

	@PostMapping("/{id}")
	String resolve(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			DisputeOutcome how = switch (outcome) {
				case "UPHELD" -> DisputeOutcome.UPHELD;
				case "REJECTED" -> DisputeOutcome.REJECTED;
				default -> throw new InvalidFields(Map.of("outcome", new Rejected("dispute.outcome-required")));
			};
			disputes.resolve(me.tenantId(), id, how, reason, me.userId().value());
			redirect.addFlashAttribute("notice", "dispute.resolved-" + how.name());
			return "redirect:/debtors/disputes";
		}
		catch (InvalidFields invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", invalid.errors());
			model.addAttribute("outcome", outcome);
			model.addAttribute("reason", reason);
			return dispute(me, id, model);
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			return "redirect:/debtors/disputes";
		}
	}
}
