package ru.kredo.contacting.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.BarKind;
import ru.kredo.contacting.Call;
import ru.kredo.contacting.CallNotAllowed;
import ru.kredo.contacting.CallOutcome;
import ru.kredo.contacting.Calls;
import ru.kredo.contacting.ContactBars;
import ru.kredo.contacting.ContactHistory;
import ru.kredo.contacting.ContactKind;
import ru.kredo.contacting.ContactStandings;
import ru.kredo.contacting.LoggedAttempt;
import ru.kredo.contacting.Promises;
import ru.kredo.contacting.Standing;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.platform.CsvExport;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.IdentifierAccess;

/**
 * The debtor card's «Взаимодействие» (drawn into {@code /debtors/{id}} by htmx, so that collections knows nothing of
 * contacting): his standing in words, the bars with their source (an operator marks and lifts bankruptcy, death, a
 * minor, incapacity, in-patient treatment, a first-group disability: {@link BarKind#operatorsMarks()}), his latest contacts and the whole log a page at a time with its CSV export (audited), «Позвонить» (the rules
 * first: the number only when they allow it) and the call's page where its outcome is recorded.
 */
@Controller

class ContactCardController {

	static final int LATEST = 10;
	static final int PAGE_SIZE = 50;
	static final int MAX_BAR_NOTE = 500;
	/** The bars an operator marks and lifts himself; the others come from events, disputes and the debtor. */
	static final List<BarKind> OPERATORS_BARS = BarKind.operatorsMarks();
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private final ContactStandings standings;
	private final ContactHistory history;
	private final ContactBars bars;
	private final Calls calls;
	private final Promises promises;
	private final Contacts contacts;
	private final Debts debts;
	private final IdentifierAccess access;
	private final AuditLog audit;
	private final StandingWords words;
	private final MessageSource messages;

	ContactCardController(ContactStandings standings, ContactHistory history, ContactBars bars, Calls calls,
			Promises promises, Contacts contacts, Debts debts, IdentifierAccess access, AuditLog audit,
			StandingWords words, MessageSource messages) {
		this.standings = standings;
		this.history = history;
		this.bars = bars;
		this.calls = calls;
		this.promises = promises;
		this.contacts = contacts;
		this.debts = debts;
		this.access = access;
		this.audit = audit;
		this.words = words;
		this.messages = messages;
	}

	/** The card's section. */
	@GetMapping("/debtors/{id}/contacting")
	String section(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Locale locale, Model model) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		Standing standing = standings.of(me.tenantId(), debtor.id());
		model.addAttribute("debtor", debtor);
		model.addAttribute("standing", standing);
		model.addAttribute("now", words.now(standing, locale));
		model.addAttribute("left", words.left(standing, locale));
		model.addAttribute("operatorsBars", OPERATORS_BARS);
		model.addAttribute("debtNumbers", debtNumbers(me, debtor.id()));
		model.addAttribute("promises", promises.ofDebtor(me.tenantId(), debtor.id()));
		logModel(me, debtor, history.page(me.tenantId(), debtor.id(), Paging.page(0, LATEST)), model);
		return "contacting/section :: section";
	}

	/** His whole log, a page at a time. */
	@GetMapping("/debtors/{id}/contact-log")
	String log(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		model.addAttribute("debtor", debtor);
		model.addAttribute("debtNumbers", debtNumbers(me, debtor.id()));
		logModel(me, debtor, history.page(me.tenantId(), debtor.id(), Paging.page(page, PAGE_SIZE)), model);
		return "contacting/log";
	}

	/**
	 * His whole log as CSV (safe for Excel), audited as an export; the texts and addresses only for those who may see
	 * personal data in full, a mark in their place for the others.
	 */
	@GetMapping("/debtors/{id}/contact-log.csv")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Locale locale) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		List<LoggedAttempt> rows = history.all(me.tenantId(), debtor.id());
		boolean full = access.full();
		Map<DebtId, String> numbers = debtNumbers(me, debtor.id());
		String hidden = msg("contact.log.hidden", locale);
		String statement = msg("contact.log.export-statement", locale, debtor.name().display(), rows.size(),
				me.displayName());
		List<String> header = Arrays.stream(new String[] { "created", "sent", "channel", "kind", "initiative", "state",
				"reason", "counted", "debt", "purpose", "address", "text", "outcome", "actor", "recipient" })
			.map(column -> msg("contact.log.column." + column, locale))
			.toList();
		byte[] csv = CsvExport.write(statement, header, rows.stream()
			.map(a -> Arrays.<Object>asList(a.createdAt().toString(), a.sentAt() == null ? "" : a.sentAt().toString(),
					msg("contact.channel." + a.channel().name(), locale),
					msg("contact.kind." + a.channel().kind().name(), locale),
					msg("contact.initiative." + a.initiative().name(), locale),
					msg("contact.state." + (a.channel().kind() == ContactKind.CALL ? "call." : "") + a.state(), locale),
					a.reason() == null ? "" : msg("contact.reason." + a.reason().name(), locale),
					msg(a.counted() ? "contact.log.yes" : "contact.log.no", locale),
					a.debt() == null ? "" : numbers.getOrDefault(a.debt(), ""), a.purpose(),
					a.address() == null ? "" : full ? history.address(a) : hidden,
					a.body() == null ? "" : full ? history.text(a) : hidden,
					a.outcome() == null ? "" : msg("contact.outcome." + a.outcome().name(), locale),
					a.actor() == null ? "" : a.actor(), msg("contact.recipient." + a.recipient().name(), locale)))
			.toList());
		audit.record(AuditAction.EXPORTED, "contact", debtor.id(), "contact-log;rows:" + rows.size()
				+ (full ? ";columns:all" : ";columns:without-texts"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("contact-log-" + debtor.id().value() + ".csv", StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv);
	}

	/** «Позвонить»: the rules first; allowed, the call's page with the number, else the card says why and when next. */
	@PostMapping("/debtors/{id}/call")
	String call(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		ContactId debtor = contacts.get(me.tenantId(), new ContactId(id)).id();
		try {
			Call call = calls.start(me.tenantId(), debtor, null, AuditActor.of(me));
			return "redirect:/debtors/calls/" + call.id();
		}
		catch (CallNotAllowed refused) {
			redirect.addFlashAttribute("problem", refusal(refused, locale));
			return "redirect:/debtors/" + id;
		}
	}

	/** The call's page: the number to dial and the outcome's form, or the outcome recorded. */
	@GetMapping("/debtors/calls/{id}")
	String callPage(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Call call = calls.get(me.tenantId(), id);
		model.addAttribute("call", call);
		model.addAttribute("debtor", contacts.get(me.tenantId(), call.debtor()));
		model.addAttribute("outcomes", CallOutcome.values());
		model.addAttribute("debts", debts.ofContact(me.tenantId(), call.debtor()).stream()
			.filter(d -> !d.total().isZero()).toList());
		model.addAttribute("maxNote", Calls.MAX_NOTE);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "contacting/call";
	}

	@PostMapping("/debtors/calls/{id}/outcome")
	String outcome(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String date, @RequestParam(required = false) UUID debt,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Call call = calls.get(me.tenantId(), id);
		try {
			calls.recordOutcome(me.tenantId(), id, outcome, amount, date, debt, note, AuditActor.of(me));
		}
		catch (InvalidFields invalid) {
			model.addAttribute("errors", invalid.errors());
			model.addAttribute("typed", new Typed(outcome, amount, date, debt, note));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return callPage(me, id, model);
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/debtors/calls/" + id;
		}
		redirect.addFlashAttribute("notice", "contact.call.recorded");
		return "redirect:/debtors/" + call.debtor().value();
	}

	/** What was typed in the outcome's form, shown again when it is refused. */
	record Typed(String outcome, String amount, String date, UUID debt, String note) {
	}

	/** His bars, standing and lifted, and the form that marks one. */
	@GetMapping("/debtors/{id}/contact-bars")
	String barsPage(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		model.addAttribute("debtor", debtor);
		model.addAttribute("bars", bars.history(me.tenantId(), debtor.id()));
		model.addAttribute("operatorsBars", OPERATORS_BARS);
		model.addAttribute("maxNote", MAX_BAR_NOTE);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "contacting/bars";
	}

	/** Marks a bankruptcy, a death or a minor, with a note (audited): every contact with him stops at once. */
	@PostMapping("/debtors/{id}/contact-bars")
	String mark(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		InvalidFields.Collector fields = new InvalidFields.Collector();
		BarKind marked = fields.read("kind", () -> operatorsBar(kind));
		String written = note.strip();
		if (written.length() > MAX_BAR_NOTE) {
			fields.reject("note", new Rejected("contact.bar-note-too-long", MAX_BAR_NOTE));
		}
		try {
			fields.throwIfAny();
		}
		catch (InvalidFields invalid) {
			model.addAttribute("errors", invalid.errors());
			model.addAttribute("typedKind", kind);
			model.addAttribute("typedNote", note);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return barsPage(me, id, model);
		}
		bars.mark(me.tenantId(), debtor.id(), marked, null, "operator", written.isEmpty() ? null : written,
				AuditActor.of(me));
		redirect.addFlashAttribute("notice", "contact.bar.marked");
		return "redirect:/debtors/" + id;
	}

	/** Lifts an operator's kind of bar (audited); contacts resume within the rules. */
	@PostMapping("/debtors/{id}/contact-bars/lift")
	String lift(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String kind, RedirectAttributes redirect) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		BarKind lifted;
		try {
			lifted = operatorsBar(kind);
		}
		catch (Rejected refused) {
			redirect.addFlashAttribute("problem", refused);
			return "redirect:/debtors/" + id;
		}
		boolean done = bars.lift(me.tenantId(), debtor.id(), lifted, null, AuditActor.of(me));
		redirect.addFlashAttribute("notice", done ? "contact.bar.lifted" : "contact.bar.none");
		return "redirect:/debtors/" + id;
	}

	static BarKind operatorsBar(String kind) {
		return OPERATORS_BARS.stream()
			.filter(k -> k.name().equals(kind.strip()))
			.findFirst()
			.orElseThrow(() -> new Rejected("contact.bar-kind-invalid"));
	}

	/** A refused call in words: why, and when next in his time (the agency's beside it). */
	Rejected refusal(CallNotAllowed refused, Locale locale) {
		DefaultMessageSourceResolvable why = new DefaultMessageSourceResolvable("contact.reason." + refused.reason().name());
		if (refused.next() == null) {
			return new Rejected("contact.call-barred", why);
		}
		return new Rejected(CallNotAllowed.CODE, why, STAMP.format(refused.next().atZone(refused.zone())),
				words.zone(refused.zone(), refused.next(), locale));
	}

	/** A row of the log as the page shows it: when in his time and the agency's, the debt's number, the text if shown. */
	record LogRow(LoggedAttempt attempt, String his, String agency, String debt, String text) {
	}

	private void logModel(SignedInUser me, Contact debtor, ListPage<LoggedAttempt> page, Model model) {
		boolean full = access.full();
		java.time.ZoneId his = standings.zoneOf(me.tenantId(), debtor.id());
		java.time.ZoneId agency = standings.agencyZone();
		Map<DebtId, String> numbers = debtNumbers(me, debtor.id());
		List<LogRow> rows = page.items().stream()
			.map(a -> new LogRow(a, STAMP.format(a.createdAt().atZone(his)), STAMP.format(a.createdAt().atZone(agency)),
					a.debt() == null ? null : numbers.get(a.debt()),
					full && a.body() != null ? history.text(a) : null))
			.toList();
		if (rows.stream().anyMatch(r -> r.text() != null)) {
			// His messages' texts are his personal data: opening them is a view.
			audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor.id(), "contact-log");
		}
		model.addAttribute("lines", ListPage.of(rows, page.total(), page.paging()));
		model.addAttribute("full", full);
	}

	private Map<DebtId, String> debtNumbers(SignedInUser me, ContactId debtor) {
		Map<DebtId, String> numbers = new LinkedHashMap<>();
		for (Debt debt : debts.ofContact(me.tenantId(), debtor)) {
			numbers.put(debt.id(), debt.contractNumber());
		}
		return numbers;
	}

	private String msg(String code, Locale locale, Object... arguments) {
		return messages.getMessage(code, arguments, locale);
	}
}
