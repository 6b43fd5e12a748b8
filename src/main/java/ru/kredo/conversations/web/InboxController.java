package ru.kredo.conversations.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.DebtorsDebts;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.ConversationDocuments;
import ru.kredo.documents.ConversationTranscript;
import ru.kredo.conversations.AttachmentFile;
import ru.kredo.conversations.CannedReplies;
import ru.kredo.conversations.AttachmentId;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.ConversationOffers;
import ru.kredo.conversations.ConversationStreams;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.FirstReply;
import ru.kredo.conversations.InboxFilter;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.conversations.InboxLine;
import ru.kredo.platform.CsvExport;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.web.TimeDisplay;

/**
 * The agency's inbox ({@code /inbox}, collection agencies only): its conversations with unread marks, how long the
 * debtor has waited and when his first reply is due in the agency's working time ({@link FirstReply}), mine,
 * unassigned, all or overdue, a page at a time; a conversation with its history, the reply and
 * internal-note forms, take and assign, and the debtor's debts, offers and payments beside it. Pages update live by
 * server-sent events. Every view of a conversation, and every file opened, is audited.
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

	static final int PAGE_SIZE = 50;

	private final Conversations conversations;
	private final ConversationStreams streams;
	private final Contacts contacts;
	private final Debts debts;
	private final UserAccounts accounts;
	private final AuditLog audit;
	private final ITemplateEngine templates;
	private final TimeDisplay time;
	private final Clock clock;
	private final CannedReplies canned;
	private final MessageSource messages;
	private final FirstReply firstReply;
	private final ConversationOffers conversationOffers;
	private final Offers offers;
	private final ConversationDocuments documents;
	private final AgencyRequisites requisites;
	private final BusinessCalendar calendar;
	/** Documents for a regulator are written in Russian, whatever the reader's language. */
	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	InboxController(Conversations conversations, ConversationStreams streams, Contacts contacts, Debts debts,
			UserAccounts accounts, AuditLog audit, ITemplateEngine templates, TimeDisplay time, Clock clock,
			CannedReplies canned, MessageSource messages, FirstReply firstReply, ConversationOffers conversationOffers,
			Offers offers, ConversationDocuments documents, AgencyRequisites requisites, BusinessCalendar calendar) {
		this.documents = documents;
		this.requisites = requisites;
		this.calendar = calendar;
		this.firstReply = firstReply;
		this.conversationOffers = conversationOffers;
		this.offers = offers;
		this.canned = canned;
		this.messages = messages;
		this.conversations = conversations;
		this.streams = streams;
		this.contacts = contacts;
		this.debts = debts;
		this.accounts = accounts;
		this.audit = audit;
		this.templates = templates;
		this.time = time;
		this.clock = clock;
	}

	@GetMapping
	String inbox(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "ALL") String filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		rows(me, filter, page, model);
		return "conversations/inbox";
	}

	/** The list alone, for the page to draw again when a conversation changes (htmx, on the inbox's live event). */
	@GetMapping("/rows")
	String rows(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "ALL") String filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		InboxFilter shown = switch (filter) {
			case "MINE" -> InboxFilter.MINE;
			case "UNASSIGNED" -> InboxFilter.UNASSIGNED;
			case "OVERDUE" -> InboxFilter.OVERDUE;
			default -> InboxFilter.ALL;
		};
		model.addAttribute("filter", shown.name());
		ListPage<InboxLine> lines = conversations.inbox(me.tenantId(), shown, me.userId(), Paging.page(page, PAGE_SIZE));
		java.time.Instant now = clock.instant();
		model.addAttribute("lines", ListPage.of(lines.items().stream()
			.map(line -> new Row(line, line.conversation().waitingSince() == null ? null
					: Waiting.of(Duration.between(line.conversation().waitingSince(), now)),
					line.conversation().waitingSince() == null ? null : firstReply.of(line.conversation().waitingSince(), now)))
			.toList(), lines.total(), lines.paging()));
		model.addAttribute("pagerPath", "/inbox");
		return "conversations/inbox :: rows";
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter inboxStream(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request) {
		return streams.inbox(me.tenantId(), request.getSession().getId(), () -> accounts.current(me).isPresent());
	}

	/** A conversation: seen by this operator, so its debtor's messages are read, and the view is audited. */
	/**
	 * {@code ?reply=} a canned reply's id puts that reply, filled in for this debtor, into the reply box (a plain GET
	 * form: it works without scripts); nothing is sent until the operator sends it.
	 */
	@GetMapping("/{id}")
	String conversation(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) UUID reply, Model model) {
		Conversation conversation = conversations.get(me.tenantId(), new ConversationId(id));
		audit.recordAbout(conversation.contactId().value(), AuditAction.PERSONAL_DATA_VIEWED, "conversation",
				conversation.id(), "conversation");
		List<Message> history = conversations.history(me.tenantId(), conversation.id(), true);
		conversations.readByStaff(me.tenantId(), conversation.id());
		model.addAttribute("conversation", conversation);
		model.addAttribute("debtorName", contacts.name(me.tenantId(), conversation.contactId()).display());
		model.addAttribute("lines", history.stream().map(this::line).toList());
		model.addAttribute("lastId", history.isEmpty() ? 0 : history.getLast().id());
		model.addAttribute("operators", accounts.all(me.tenantId()).stream().filter(u -> u.enabled()).toList());
		DebtorsDebts card = debts.ofDebtor(me.tenantId(), conversation.contactId());
		model.addAttribute("card", card);
		// The settlement form: his debts that may be offered one (open, not disputed, not under a restructuring plan),
		// up to the agency's ceiling.
		model.addAttribute("offerable", card.debts().stream()
			.filter(debt -> !debt.isClosed() && debt.status() != DebtStatus.DISPUTED
					&& debt.status() != DebtStatus.UNDER_PLAN && !debt.total().isZero())
			.toList());
		model.addAttribute("offerCeiling", offers.conversationCeiling(me.tenantId()));
		if (!model.containsAttribute("offerForm")) {
			model.addAttribute("offerForm", OfferForm.BLANK);
		}
		if (!model.containsAttribute("offerErrors")) {
			model.addAttribute("offerErrors", Map.of());
		}
		model.addAttribute("limits", conversations.limits());
		model.addAttribute("waiting", conversation.waitingSince() == null ? null
				: Waiting.of(Duration.between(conversation.waitingSince(), clock.instant())));
		model.addAttribute("due", conversation.waitingSince() == null ? null : firstReply.of(conversation.waitingSince()));
		model.addAttribute("canned", canned.all(me.tenantId()));
		if (reply != null && !model.containsAttribute("typedReply")) {
			model.addAttribute("typedReply", canned.fill(me.tenantId(), reply, conversation.contactId()));
		}
		return "conversations/conversation";
	}

	/**
	 * A refused reply or note comes back (422) on the conversation's page with the reason next to the field it is
	 * about (the text or the file) and what was typed.
	 */
	@PostMapping("/{id}/reply")
	String reply(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) MultipartFile file,
			Model model, HttpServletResponse response) throws IOException {
		ConversationId conversation = conversations.get(me.tenantId(), new ConversationId(id)).id();
		try {
			conversations.reply(me.tenantId(), conversation, me, text, Upload.of(file));
		}
		catch (Rejected refused) {
			model.addAttribute(refused.code().startsWith("chat.attachment") ? "replyFileError" : "replyError", refused);
			model.addAttribute("typedReply", text);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return conversation(me, id, null, model);
		}
		return "redirect:/inbox/" + id;
	}

	@PostMapping("/{id}/note")
	String note(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, Model model, HttpServletResponse response) {
		ConversationId conversation = conversations.get(me.tenantId(), new ConversationId(id)).id();
		try {
			conversations.note(me.tenantId(), conversation, me, text);
		}
		catch (Rejected refused) {
			model.addAttribute("noteError", refused);
			model.addAttribute("typedNote", text);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return conversation(me, id, null, model);
		}
		return "redirect:/inbox/" + id;
	}

	/**
	 * The operator offers the debtor a settlement on one of his debts ({@link ConversationOffers}): it appears in his
	 * cabinet to sign, and the conversation says so. A refused offer comes back (422) on the conversation's page with
	 * each wrong field marked and what was typed; a debt not his is not found.
	 */
	@PostMapping("/{id}/offer")
	String offer(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) String debt, @RequestParam(required = false) String discountPercent,
			@RequestParam(required = false) String sumToPay, @RequestParam(required = false) String validDays,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ConversationId conversation = conversations.get(me.tenantId(), new ConversationId(id)).id();
		OfferForm form = new OfferForm(debt, discountPercent, sumToPay, validDays);
		try {
			OfferForm.Parsed parsed = form.parse();
			conversationOffers.offer(me.tenantId(), conversation, me, parsed.debt(), parsed.terms());
		}
		catch (InvalidFields invalid) {
			model.addAttribute("offerErrors", invalid.errors());
			model.addAttribute("offerForm", form);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return conversation(me, id, null, model);
		}
		redirect.addFlashAttribute("notice", "inbox.offer-made");
		return "redirect:/inbox/" + id;
	}

	@PostMapping("/{id}/take")
	String take(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		conversations.take(me.tenantId(), new ConversationId(id), me.userId());
		redirect.addFlashAttribute("notice", "inbox.taken");
		return "redirect:/inbox/" + id;
	}

	/** Assigns to one of the agency's users, or to no one (an empty choice). */
	@PostMapping("/{id}/assign")
	String assign(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String operator, RedirectAttributes redirect) {
		ConversationId conversation = conversations.get(me.tenantId(), new ConversationId(id)).id();
		UserId to;
		try {
			to = operator.isBlank() ? null : new UserId(UUID.fromString(operator.strip()));
		}
		catch (IllegalArgumentException notAnId) {
			throw new Rejected("request.parameter-invalid");
		}
		conversations.assign(me.tenantId(), conversation, to);
		redirect.addFlashAttribute("notice", to == null ? "inbox.unassigned" : "inbox.assigned");
		return "redirect:/inbox/" + id;
	}

	@GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter conversationStream(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") long after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request,
			Locale locale) {
		ConversationId conversation = new ConversationId(id);
		return streams.conversation(me.tenantId(), conversation, request.getSession().getId(),
				Math.max(after, ConversationStreams.lastEventId(lastEventId)),
				message -> templates.process("conversations/message", Set.of("line"),
						new Context(locale, Map.of("line", line(message)))), () -> accounts.current(me).isPresent());
	}

	/**
	 * The conversation as the debtor had it (the agency's record of interaction, for a regulator's request): every
	 * message he wrote or was sent, oldest first, with its time, author and files; internal notes are not part of it.
	 * An export of personal data: its first line says so, and it is audited.
	 */
	@GetMapping("/{id}/export.csv")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Locale locale) {
		Conversation conversation = conversations.get(me.tenantId(), new ConversationId(id));
		String debtor = contacts.name(me.tenantId(), conversation.contactId()).display();
		List<Message> history = conversations.history(me.tenantId(), conversation.id(), false);
		String statement = messages.getMessage("inbox.export.statement", new Object[] { debtor, history.size(),
				me.displayName(), time.format(clock.instant(), "dd.MM.yyyy HH:mm") }, locale);
		List<String> header = java.util.stream.Stream.of("when", "author", "text", "files")
			.map(column -> messages.getMessage("inbox.export." + column, null, locale)).toList();
		byte[] csv = CsvExport.write(statement, header, history.stream()
			.map(m -> java.util.Arrays.<Object>asList(time.format(m.at(), "dd.MM.yyyy HH:mm:ss"),
					m.author() == ru.kredo.conversations.Author.DEBTOR
							? messages.getMessage("inbox.author.DEBTOR", null, locale) : m.operatorName(),
					m.text(), String.join(", ", m.attachments().stream().map(a -> a.fileName()).toList())))
			.toList());
		audit.recordAbout(conversation.contactId().value(), AuditAction.EXPORTED, "conversation", conversation.id(),
				"rows:" + history.size() + ";columns:at,author,text,files");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("conversation-" + conversation.id() + ".csv", java.nio.charset.StandardCharsets.UTF_8)
				.build().toString())
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(csv);
	}

	/**
	 * The same record as {@link #export}, as a PDF for a regulator's request: the agency (its requisites when filled
	 * in), the debtor, every message he wrote or was sent with its time in the agency's zone and its author, the files
	 * by name and size; internal notes are not interaction with the debtor and are left out, as the document says. In
	 * Russian, whatever the reader's language (a legal paper). Audited as the CSV is.
	 */
	@GetMapping("/{id}/export.pdf")
	ResponseEntity<byte[]> exportPdf(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		Conversation conversation = conversations.get(me.tenantId(), new ConversationId(id));
		String debtor = contacts.name(me.tenantId(), conversation.contactId()).display();
		List<Message> history = conversations.history(me.tenantId(), conversation.id(), false);
		java.time.ZoneId zone = calendar.agencyZone();
		java.time.format.DateTimeFormatter seconds = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
		java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
		ConversationTranscript transcript = new ConversationTranscript(me.tenantName(),
				requisites.of(me.tenantId()).orElse(null), debtor, time.zone(zone, RUSSIAN), me.displayName(),
				clock.instant().atZone(zone).format(minutes), history.stream()
					.map(m -> new ConversationTranscript.Line(m.at().atZone(zone).format(seconds),
							m.author() == ru.kredo.conversations.Author.DEBTOR ? debtor : m.operatorName(),
							m.author() == ru.kredo.conversations.Author.DEBTOR, m.text(), m.attachments().stream()
								.map(a -> new ConversationTranscript.File(a.fileName(), messages.getMessage(
										"transcript.kilobytes", new Object[] { Math.max(1, (a.size() + 1023) / 1024) },
										RUSSIAN)))
								.toList()))
					.toList());
		byte[] pdf = documents.transcript(transcript);
		audit.recordAbout(conversation.contactId().value(), AuditAction.EXPORTED, "conversation", conversation.id(),
				"rows:" + history.size() + ";columns:at,author,text,files;format:pdf");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("conversation-" + conversation.id() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
				.build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	/** A file of the agency's conversations; opening it is audited like the conversation. */
	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		AttachmentFile file = conversations.attachment(me.tenantId(), new AttachmentId(id));
		audit.recordAbout(conversations.get(me.tenantId(), file.conversationId()).contactId().value(),
				AuditAction.PERSONAL_DATA_VIEWED, "conversation", file.conversationId(), "attachment;" + id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.content());
	}

	private MessageLine line(Message message) {
		return new MessageLine(message.id(), message.author().name(), message.operatorName(), message.text(),
				time.format(message.at(), "dd.MM.yyyy HH:mm"), message.attachments().stream()
					.map(a -> new MessageLine.File("/inbox/attachments/" + a.id(), a.fileName(), a.type().name(),
							Math.max(1, a.size() / 1024)))
					.toList());
	}




	/**
	 * A message as staff see it.
	 *
	 * @param author {@code DEBTOR}, {@code OPERATOR} or {@code NOTE}
	 */
	record MessageLine(long id, String author, String operatorName, String text, String at, List<File> files) {

		record File(String href, String name, String type, int kilobytes) {
		}
	}

	/**
	 * A line of the inbox, with how long its debtor has waited and when his first reply is due ({@code null}: nobody
	 * waits).
	 */
	record Row(InboxLine line, Waiting waiting, FirstReply.Due due) {
	}

	/** How long a debtor has waited for an answer, in days, hours and minutes. */
	record Waiting(long days, long hours, long minutes) {

		static Waiting of(Duration waited) {
			Duration positive = waited.isNegative() ? Duration.ZERO : waited;
			return new Waiting(positive.toDays(), positive.toHoursPart(), positive.toMinutesPart());
		}
	}
}
