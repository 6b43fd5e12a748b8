package ru.kredo.cabinet.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.conversations.AttachmentFile;
import ru.kredo.conversations.AttachmentId;
import ru.kredo.conversations.ConversationStreams;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.web.TimeDisplay;
import ru.kredo.tenancy.Tenant;

/**
 * The debtor's chat with his agency ({@code /cabinet/{agency}/chat}): the whole history (internal notes never), a plain
 * form that works without JavaScript (post, redirect, get; a refused message or file is said why, and the text typed
 * is kept), and the agency's answers arriving live by server-sent events ({@code /chat/stream}). A file is his to
 * download only if it is in his own conversation.
 */
@Controller
@RequestMapping("/cabinet/{agency}/chat")
class ChatController {

	private final CabinetAgencies agencies;
	private final Conversations conversations;
	private final ConversationStreams streams;
	private final ITemplateEngine templates;
	private final TimeDisplay time;
	private final SignedInSessions sessions;

	ChatController(CabinetAgencies agencies, Conversations conversations, ConversationStreams streams,
			ITemplateEngine templates, TimeDisplay time, SignedInSessions sessions) {
		this.agencies = agencies;
		this.conversations = conversations;
		this.streams = streams;
		this.templates = templates;
		this.time = time;
		this.sessions = sessions;
	}

	@GetMapping
	String chat(@PathVariable UUID agency, SignedInDebtor debtor, Model model) {
		Tenant tenant = agencies.get(agency);
		List<Message> history = conversations.find(tenant.id(), debtor.contactId())
			.map(c -> conversations.history(tenant.id(), c.id(), false)).orElse(List.of());
		// He sees them now: the unread count in the header, drawn after this, is 0.
		conversations.readByDebtor(tenant.id(), debtor.contactId());
		model.addAttribute("agency", tenant);
		model.addAttribute("agencyId", tenant.id().value().toString());
		model.addAttribute("lines", history.stream().map(m -> line(tenant, m)).toList());
		model.addAttribute("lastId", history.isEmpty() ? 0 : history.getLast().id());
		model.addAttribute("limits", conversations.limits());
		return "cabinet/chat";
	}

	/** His message, with a file or without; refused, the reason and what he typed come back to the page. */
	@PostMapping
	String write(@PathVariable UUID agency, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) MultipartFile file, SignedInDebtor debtor, RedirectAttributes redirect)
			throws IOException {
		Tenant tenant = agencies.get(agency);
		try {
			conversations.fromDebtor(tenant.id(), debtor.contactId(), text, Upload.of(file));
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			redirect.addFlashAttribute("typed", text);
		}
		return "redirect:/cabinet/" + agency + "/chat";
	}

	/**
	 * The agency's answers as they are written, each as the page shows it; from the message after {@code after} (the
	 * last the page has), or after the last one the browser got when it reconnects ({@code Last-Event-ID}). Only while
	 * his session is still signed in as him: after «Выйти» (or its expiry) the stream ends instead of sending, so a
	 * shared phone's next user does not read his conversation.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@PathVariable UUID agency, @RequestParam(defaultValue = "0") long after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request,
			Optional<SignedInDebtor> signedIn, Locale locale) {
		Tenant tenant = agencies.get(agency);
		SignedInDebtor debtor = signedIn.orElseThrow(() -> new NotFound("conversation.not-found", agency));
		String session = request.getSession().getId();
		return streams.debtor(tenant.id(), debtor.contactId(), session,
				Math.max(after, ConversationStreams.lastEventId(lastEventId)), message -> render(tenant, message, locale),
				() -> sessions.stillSignedIn(session, debtor));
	}

	/** A file of his own conversation; anyone else's, or none, is a 404 that says nothing of it. */
	@GetMapping("/attachments/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable UUID agency, @PathVariable UUID attachment,
			Optional<SignedInDebtor> signedIn) {
		Tenant tenant = agencies.get(agency);
		SignedInDebtor debtor = signedIn.orElseThrow(() -> new NotFound("attachment.not-found", attachment));
		return download(conversations.attachmentOf(tenant.id(), debtor.contactId(), new AttachmentId(attachment)));
	}

	/** A file as a download, never shown inline in Kredo's origin (a PDF's scripts, an image's tricks). */
	static ResponseEntity<byte[]> download(AttachmentFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.content());
	}



	private String render(Tenant tenant, Message message, Locale locale) {
		return templates.process("cabinet/chat-line", Set.of("line"),
				new Context(locale, Map.of("line", line(tenant, message))));
	}

	private ChatLine line(Tenant tenant, Message message) {
		String base = "/cabinet/" + tenant.id().value() + "/chat/attachments/";
		return new ChatLine(message.id(), message.author() == ru.kredo.conversations.Author.DEBTOR, tenant.name(),
				message.text(), time.format(message.at(), "dd.MM.yyyy HH:mm"),
				message.attachments().stream()
					.map(a -> new ChatLine.File(base + a.id(), a.fileName(), a.type().name(), Math.max(1, a.size() / 1024)))
					.toList());
	}

	/**
	 * A message as the debtor's page shows it.
	 *
	 * @param mine whether he wrote it (else the agency did)
	 */
	record ChatLine(long id, boolean mine, String agencyName, String text, String at, List<File> files) {

		/** An attached file: where to download it, its name, type and size in KB. */
		record File(String href, String name, String type, int kilobytes) {
		}
	}
}
