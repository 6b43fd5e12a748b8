package ru.kredo.signals.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PersonSearch;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watches;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.signals.Conversion;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalFilter;
import ru.kredo.signals.SignalId;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.Signals;

/**
 * The manager's queue: most urgent first, new signals appear without reloading (the rows refresh every few seconds),
 * a signal opens onto the person's timeline, and closes with an outcome. Also the conversion page.
 */
@Controller
class SignalsController {

	static final int PAGE_SIZE = 100;

	private final Signals signals;
	private final Watches watches;
	private final Contacts contacts;
	private final UserAccounts users;
	private final Conversion conversion;
	private final AuditLog audit;

	SignalsController(Signals signals, Watches watches, Contacts contacts, UserAccounts users, Conversion conversion,
			AuditLog audit) {
		this.signals = signals;
		this.watches = watches;
		this.contacts = contacts;
		this.users = users;
		this.conversion = conversion;
		this.audit = audit;
	}

	@GetMapping("/signals")
	String queue(@AuthenticationPrincipal SignedInUser me, QueueParams params, Model model) {
		rows(me, params, model);
		model.addAttribute("users", users.all(me.tenantId()));
		model.addAttribute("segments", Segment.values());
		model.addAttribute("lists", watches.lists(me.tenantId()));
		return "signals/queue";
	}

	/** The queue's rows alone, which the page polls. */
	@GetMapping("/signals/rows")
	String rows(@AuthenticationPrincipal SignedInUser me, QueueParams params, Model model) {
		model.addAttribute("params", params);
		PersonSearch search = contacts.searchFor(params.q());
		Paging paging = Paging.page(params.page() == null ? 0 : params.page(), PAGE_SIZE);
		model.addAttribute("lines", ListPage.of(signals.queue(me.tenantId(), params.filter(me), search, paging.offset(),
				paging.limit()), signals.count(me.tenantId(), params.filter(me), search), paging));
		model.addAttribute("pagerPath", "/signals");
		return "signals/queue :: rows";
	}

	@GetMapping("/signals/{id}")
	String show(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Signal signal = signals.get(me.tenantId(), new SignalId(id));
		model.addAttribute("signal", signal);
		model.addAttribute("watch", watches.get(me.tenantId(), signal.watchId()));
		model.addAttribute("contact", contacts.get(me.tenantId(), signal.contactId()));
		model.addAttribute("timeline", signals.timeline(me.tenantId(), signal.contactId()));
		model.addAttribute("users", users.all(me.tenantId()));
		model.addAttribute("outcomes", signals.outcomes(me.tenantId(), signal));
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", signal.contactId(), "signal:" + id);
		return "signals/detail";
	}

	@PostMapping("/signals/{id}/assign")
	String assign(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) UUID assignee, RedirectAttributes redirect) {
		signals.get(me.tenantId(), new SignalId(id));
		UserId user = assignee == null ? null : users.get(me.tenantId(), new UserId(assignee)).id();
		signals.assign(me.tenantId(), new SignalId(id), user);
		redirect.addFlashAttribute("notice", "signals.assigned");
		return "redirect:/signals/" + id;
	}

	@PostMapping("/signals/{id}/outcome")
	String close(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam(required = false) Outcome outcome,
			RedirectAttributes redirect) {
		Signal signal = signals.get(me.tenantId(), new SignalId(id));
		try {
			if (outcome == null) {
				throw new Rejected("required");
			}
			signals.close(me.tenantId(), new SignalId(id), outcome, me.userId());
			audit.recordAbout(signal.contactId().value(), AuditAction.SIGNAL_CLOSED, "signal", id, outcome.name());
			redirect.addFlashAttribute("notice", "signals.closed");
			return "redirect:/signals";
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			return "redirect:/signals/" + id;
		}
	}

	@GetMapping("/conversion")
	String conversion(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("kind", me.tenantKind());
		model.addAttribute("byList", conversion.byList(me.tenantId()));
		model.addAttribute("bySegment", conversion.bySegment(me.tenantId()));
		return "signals/conversion";
	}

	/** The queue's filters as the page sends them. */
	record QueueParams(SignalStatus status, Integer priority, Segment segment, UUID list, String assignee, UUID contact,
			String q, Integer page) {

		SignalFilter filter(SignedInUser me) {
			UserId assigneeId = "me".equals(assignee) ? me.userId() : user(assignee);
			return new SignalFilter(status, priority, segment, list == null ? null : new ListId(list), assigneeId,
					contact == null ? null : new ContactId(contact));
		}

		private static UserId user(String id) {
			try {
				return id == null || id.isBlank() ? null : new UserId(UUID.fromString(id));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
	}
}
