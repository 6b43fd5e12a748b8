package ru.kredo.cabinet.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.DisputeAttachments;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.DisputeFiles;
import ru.kredo.conversations.Upload;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;

/**
 * «Оспорить»: the debtor disputes one of his debts (not his, already paid, a wrong sum, other) with an explanation, on
 * a page of its own; the form posts and comes back (post/redirect/get) to his home, which then says the debt is
 * disputed, or to the form again with what was wrong and what he typed. He may attach files (a receipt,
 * {@link DisputeFiles}). His explanation also goes to the agency's inbox as his message, so that an operator sees it
 * where he works.
 */
@Controller
@RequestMapping("/cabinet/{agency}/debts/{debt}/dispute")
class DisputeController {

	private static final Logger log = LoggerFactory.getLogger(DisputeController.class);

	private final CabinetAgencies agencies;
	private final OwnDebts ownDebts;
	private final Conversations conversations;
	private final MessageSource messages;
	private final DisputeFiles disputeFiles;

	DisputeController(CabinetAgencies agencies, OwnDebts ownDebts, Conversations conversations,
			MessageSource messages, DisputeFiles disputeFiles) {
		this.disputeFiles = disputeFiles;
		this.agencies = agencies;
		this.ownDebts = ownDebts;
		this.conversations = conversations;
		this.messages = messages;
	}

	@GetMapping
	String form(@PathVariable UUID agency, @PathVariable UUID debt, SignedInDebtor debtor, Model model) {
		Tenant tenant = agencies.get(agency);
		Debt his = ownDebts.get(tenant, debtor, debt);
		if (his.isClosed() || his.status() == DebtStatus.DISPUTED) {
			return "redirect:/cabinet/" + agency + "/debts/" + debt;
		}
		model.addAttribute("agency", tenant);
		model.addAttribute("agencyId", tenant.id().value().toString());
		model.addAttribute("debt", his);
		model.addAttribute("reasons", DisputeReason.values());
		model.addAttribute("maxText", Disputes.MAX_TEXT);
		model.addAttribute("maxFiles", DisputeFiles.MAX_FILES);
		model.addAttribute("limits", conversations.limits());
		if (!model.containsAttribute("reason")) {
			model.addAttribute("reason", DisputeReason.NOT_MINE.name());
		}
		return "cabinet/dispute";
	}

	/**
	 * Opens the dispute with the files he chose (none, or up to {@link DisputeFiles#MAX_FILES}: a receipt), checked and
	 * sealed as a conversation's files ({@link DisputeFiles}); a wrong explanation or file brings the form back saying
	 * which, and nothing is opened.
	 */
	/** A file he attached to his dispute of this debt; anyone else's, or another debt's, is not found. */
	@GetMapping("/files/{file}")
	ResponseEntity<byte[]> file(@PathVariable UUID agency, @PathVariable UUID debt, @PathVariable UUID file,
			SignedInDebtor debtor) {
		Tenant tenant = agencies.get(agency);
		Debt his = ownDebts.get(tenant, debtor, debt);
		DisputeAttachments.Opened opened = disputeFiles.openForDebtor(tenant.id(), debtor.contactId(), his.id(), file);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(opened.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(opened.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(opened.content());
	}

	@PostMapping
	String open(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam(defaultValue = "OTHER") String reason,
			@RequestParam(defaultValue = "") String explanation,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, SignedInDebtor debtor,
			RedirectAttributes redirect, java.util.Locale locale) throws IOException {
		Tenant tenant = agencies.get(agency);
		Debt his = ownDebts.get(tenant, debtor, debt);
		DisputeReason why = java.util.Arrays.stream(DisputeReason.values()).filter(r -> r.name().equals(reason))
			.findFirst().orElse(DisputeReason.OTHER);
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			Upload upload = Upload.of(file);
			if (upload != null) {
				uploads.add(upload);
			}
		}
		try {
			disputeFiles.open(tenant.id(), debtor.contactId(), his.id(), why, explanation, uploads);
		}
		catch (InvalidFields invalid) {
			redirect.addFlashAttribute("errors", invalid.errors());
			redirect.addFlashAttribute("reason", why.name());
			redirect.addFlashAttribute("explanation", explanation);
			return "redirect:/cabinet/" + agency + "/debts/" + debt + "/dispute";
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/cabinet/" + agency + "/debts/" + debt;
		}
		// The operators read debtors in the inbox: the explanation goes there too, as his message. The dispute stands
		// whether or not it does (it is on the staff's list of disputes).
		try {
			conversations.fromDebtor(tenant.id(), debtor.contactId(), messages.getMessage("dispute.chat-message",
					new Object[] { his.contractNumber(), messages.getMessage("dispute.reason." + why.name(), null, locale),
							explanation.strip() }, locale), null);
		}
		catch (Rejected refused) {
			log.info("Dispute of debt {} opened; its explanation not posted to the conversation: {}", his.id(),
					refused.code());
		}
		redirect.addFlashAttribute("notice", "dispute.opened");
		return "redirect:/cabinet/" + agency + "/debts/" + debt;
	}
}
