package ru.kredo.monitoring.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contacts;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.StopReason;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchChange;
import ru.kredo.monitoring.WatchFilter;
import ru.kredo.monitoring.WatchId;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.Watches;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;

/** The watch list, the form that puts one person on monitoring, and a watch's page. */
@Controller
@RequestMapping("/monitoring")
class MonitoringController {

	static final int PAGE_SIZE = 50;

	/** A user's repeated views of one watch's page within this time are one entry in the audit log. */
	static final Duration VIEW_AUDIT_WINDOW = Duration.ofMinutes(15);

	private final Watches watches;
	private final Contacts contacts;
	private final UserAccounts users;
	private final AuditLog audit;
	private final WatchChangeWording wording;

	MonitoringController(Watches watches, Contacts contacts, UserAccounts users, AuditLog audit,
			WatchChangeWording wording) {
		this.watches = watches;
		this.contacts = contacts;
		this.users = users;
		this.audit = audit;
		this.wording = wording;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) Segment segment,
			@RequestParam(required = false) WatchStatus status, @RequestParam(required = false) UUID list,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Paging paging = Paging.page(page, PAGE_SIZE);
		WatchFilter filter = new WatchFilter(segment, status, list == null ? null : new ListId(list), q);
		model.addAttribute("watches", ListPage.of(watches.search(me.tenantId(), filter, paging.offset(), paging.limit()),
				watches.count(me.tenantId(), filter), paging));
		model.addAttribute("filter", filter);
		model.addAttribute("q", q);
		model.addAttribute("active", watches.count(me.tenantId(), WatchStatus.ACTIVE));
		model.addAttribute("awaiting", watches.count(me.tenantId(), WatchStatus.AWAITING_CONSENT));
		model.addAttribute("lapsing", watches.countLapsingSoon(me.tenantId()));
		return "monitoring/list";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("form", WatchRequest.empty(watches.today(me.tenantId())));
		return form(me, model, Map.of());
	}

	@PostMapping
	String add(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") WatchRequest form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			WatchRequest.Parsed parsed = form.parse(user -> users.exists(me.tenantId(), user));
			WatchChange change = watches.watchOne(me.tenantId(), parsed.person(), parsed.terms());
			Watch watch = change.after();
			if (change.isNew()) {
				audit.recordAbout(watch.contactId().value(), AuditAction.WATCH_ADDED, "watch", watch.id(),
						watch.segment().name());
				redirect.addFlashAttribute("notice", watch.status() == WatchStatus.ACTIVE ? "monitoring.added" : "monitoring.added-awaiting");
			}
			else {
				// Already watched: say what the form changed, term by term, or that it changed nothing.
				if (!change.changed().isEmpty()) {
					audit.recordAbout(watch.contactId().value(), AuditAction.WATCH_ADDED, "watch", watch.id(),
							"changed:" + change.changed());
				}
				redirect.addFlashAttribute("notice", change.changed().isEmpty() ? "monitoring.already-unchanged" : "monitoring.already-changed");
				redirect.addFlashAttribute("changes", wording.lines(me.tenantId(), change, LocaleContextHolder.getLocale()));
			}
			return "redirect:/monitoring/" + watch.id();
		}
		catch (InvalidFields invalid) {
			// Refused, as every staff form is: 422, with what was typed and every wrong field marked.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(me, model, invalid.errors());
		}
	}

	private String form(SignedInUser me, Model model, Map<String, Rejected> errors) {
		model.addAttribute("errors", errors);
		model.addAttribute("segments", Segment.values());
		model.addAttribute("eventTypes", CreditEventType.values());
		model.addAttribute("methods", ConsentMethod.values());
		model.addAttribute("recommendations", Recommendation.values());
		model.addAttribute("managers", users.all(me.tenantId()));
		return "monitoring/form";
	}

	/**
	 * A watch's page shows the person's ФИО and date of birth: a view of personal data, audited on the contact with
	 * the watch in the detail, at most once per user and watch in {@link #VIEW_AUDIT_WINDOW} so that reloads and
	 * back-and-forth from the queue do not flood the log (docs/personal-data.md).
	 */
	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Watch watch = watches.get(me.tenantId(), new WatchId(id));
		model.addAttribute("watch", watch);
		model.addAttribute("contact", contacts.get(me.tenantId(), watch.contactId()));
		audit.recordAtMostOnceIn(VIEW_AUDIT_WINDOW, AuditAction.PERSONAL_DATA_VIEWED, "contact", watch.contactId(),
				"watch:" + watch.id());
		model.addAttribute("manager", watch.managerId() == null ? null : users.get(me.tenantId(), watch.managerId()));
		return "monitoring/detail";
	}

	@PostMapping("/{id}/stop")
	String stop(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		Watch watch = watches.stop(me.tenantId(), new WatchId(id), StopReason.STOPPED_BY_USER);
		audit.recordAbout(watch.contactId().value(), AuditAction.WATCH_STOPPED, "watch", watch.id(),
				StopReason.STOPPED_BY_USER.name());
		redirect.addFlashAttribute("notice", "monitoring.stopped");
		return "redirect:/monitoring/" + id;
	}
}
