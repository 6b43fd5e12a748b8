package ru.kredo.signals.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.platform.Rejected;
import ru.kredo.signals.Priority;
import ru.kredo.signals.SignalRanking;

/**
 * A tenant admin's ranking (admins only, {@code SecurityConfiguration}): the priority of every event type for every
 * segment, Kredo's defaults with the tenant's own settings marked. A cell is changed or reset in place with htmx,
 * which gets the cell back; without scripts the form posts and the page reloads.
 */
@Controller
@RequestMapping("/signals/ranking")
class RankingController {

	private final SignalRanking ranking;
	private final AuditLog audit;

	RankingController(SignalRanking ranking, AuditLog audit) {
		this.ranking = ranking;
		this.audit = audit;
	}

	@GetMapping
	String table(@AuthenticationPrincipal SignedInUser me, Model model) {
		List<Priority> cells = ranking.table(me.tenantId());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("rows", List.of(CreditEventType.values()).stream()
			.map(type -> new Row(type, cells.stream().filter(cell -> cell.eventType() == type).toList()))
			.toList());
		return "signals/ranking";
	}

	@PostMapping
	String change(@AuthenticationPrincipal SignedInUser me, @RequestParam Segment segment,
			@RequestParam CreditEventType eventType, @RequestParam(defaultValue = "") String priority,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		try {
			int value = parse(priority);
			ranking.override(me.tenantId(), segment, eventType, value);
			audit.record(AuditAction.SIGNAL_PRIORITY_CHANGED, "signal-priority", segment + "." + eventType,
					Integer.toString(value));
			return answer(me, segment, eventType, htmx, "ranking.changed", null, model, redirect);
		}
		catch (Rejected rejected) {
			return answer(me, segment, eventType, htmx, null, rejected, model, redirect);
		}
	}

	@PostMapping("/reset")
	String reset(@AuthenticationPrincipal SignedInUser me, @RequestParam Segment segment,
			@RequestParam CreditEventType eventType, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		ranking.reset(me.tenantId(), segment, eventType);
		audit.record(AuditAction.SIGNAL_PRIORITY_CHANGED, "signal-priority", segment + "." + eventType, "default");
		return answer(me, segment, eventType, htmx, "ranking.reset-done", null, model, redirect);
	}

	/** htmx swaps in the cell alone (a refusal shown inside it); a plain form post goes back to the page. */
	private String answer(SignedInUser me, Segment segment, CreditEventType eventType, String htmx, String notice,
			Rejected problem, Model model, RedirectAttributes redirect) {
		if (htmx != null) {
			model.addAttribute("cell", ranking.priority(me.tenantId(), segment, eventType));
			model.addAttribute("cellProblem", problem);
			return "signals/ranking :: cell";
		}
		if (problem != null) {
			redirect.addFlashAttribute("problem", problem);
		}
		else {
			redirect.addFlashAttribute("notice", notice);
		}
		return "redirect:/signals/ranking";
	}

	private static int parse(String priority) {
		try {
			return Integer.parseInt(priority.strip());
		}
		catch (NumberFormatException ex) {
			throw new Rejected("signal.priority-invalid");
		}
	}

	/** One event type across the segments, in the order of {@link Segment#values()}. */
	record Row(CreditEventType eventType, List<Priority> cells) {
	}
}
