package ru.kredo.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditEvent;
import ru.kredo.audit.AuditLog;
import ru.kredo.audit.AuditQuery;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.platform.CsvExport;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.CurrentTenant;

/**
 * The tenant's audit log for its admins (the security configuration keeps {@code /audit/**} to them): searched by
 * actor, action, period and subject, a page at a time with the total, and exported as CSV for a period.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	/** The most lines one export holds; a longer period is to be exported in parts (docs/personal-data.md). */
	static final int EXPORT_MAX_ROWS = 100_000;

	private final AuditLog audit;
	private final CurrentTenant current;
	private final MessageSource messages;
	private final Clock clock;
	private final ZoneId zone;

	AuditController(AuditLog audit, CurrentTenant current, MessageSource messages, Clock clock,
			BusinessCalendar calendar) {
		this.audit = audit;
		this.current = current;
		this.messages = messages;
		this.clock = clock;
		this.zone = calendar.agencyZone();
	}

	/** The search's parameters, as the form and the links carry them; dates are days in the users' time zone. */
	record Filter(String actor, AuditAction action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String subject, Integer page) {

		int safePage() {
			return page == null ? 0 : Math.max(page, 0);
		}

		AuditQuery query(ZoneId zone) {
			return new AuditQuery(actor, action, from == null ? null : from.atStartOfDay(zone).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), subject);
		}
	}

	@GetMapping("/audit")
	String list(Filter filter, Model model) {
		AuditQuery query = filter.query(zone);
		Paging paging = Paging.page(filter.safePage(), PAGE_SIZE);
		model.addAttribute("filter", filter);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("events", ListPage.of(audit.search(current.id(), query, paging.offset(), paging.limit()),
				audit.count(current.id(), query), paging));
		return "audit/list";
	}

	/** The events that match, newest first, as CSV: an export itself, so it is audited too. */
	@GetMapping("/audit/export.csv")
	ResponseEntity<byte[]> export(Filter filter) {
		AuditQuery query = filter.query(zone);
		long total = audit.count(current.id(), query);
		List<AuditEvent> events = audit.search(current.id(), query, 0, EXPORT_MAX_ROWS);
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter time = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(zone);
		List<String> header = List.of(text("audit.when", locale), text("audit.action", locale), text("audit.actor", locale),
				text("audit.actor-id", locale), text("audit.object", locale), text("audit.subject", locale),
				text("audit.detail", locale));
		String statement = messages.getMessage("audit.export.statement", new Object[] { period(filter, locale),
				events.size(), total, current.actor().displayName(), time.format(clock.instant()) }, locale);
		byte[] csv = CsvExport.write(statement, header, events.stream()
			.map(e -> java.util.Arrays.<Object>asList(time.format(e.occurredAt()),
					messages.getMessage("audit.action." + e.action().name(), null, e.action().name(), locale),
					e.actor().name(), e.actor().id(), e.objectType(), e.objectId(), e.detail()))
			.toList());
		audit.record(AuditAction.EXPORTED, "audit", null, "rows:" + events.size() + ";columns:occurred_at,action,"
				+ "actor_name,actor,object_type,object_id,detail;period:" + (filter.from() == null ? "" : filter.from())
				+ ".." + (filter.to() == null ? "" : filter.to()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("audit-" + LocalDate.ofInstant(clock.instant(), zone) + ".csv", StandardCharsets.UTF_8)
				.build()
				.toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv);
	}

	private String period(Filter filter, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofPattern("dd.MM.yyyy");
		return (filter.from() == null ? "…" : day.format(filter.from())) + " — "
				+ (filter.to() == null ? day.format(LocalDate.ofInstant(Instant.now(clock), zone)) : day.format(filter.to()));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
