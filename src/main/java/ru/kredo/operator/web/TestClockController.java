package ru.kredo.operator.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantClocks;

/**
 * A sandbox tenant's test clock (docs/sandbox.md), on its admin's settings: the page says plainly that the tenant is a
 * sandbox and what its today is, and moves it forward by days (+1, +7, +30, or any number) or to a date, never back.
 * Each move is audited and runs the tenant's day checks at once (plans, offers, consents). A real tenant's clock is the
 * system's: for it, and for a manager, the page is a 404.
 */
@Controller
@RequestMapping("/test-clock")
class TestClockController {

	/** The moves offered as buttons. */
	static final List<Integer> STEPS = List.of(1, 7, 30);

	private final TenantClocks clocks;
	private final AuditLog audit;

	TestClockController(TenantClocks clocks, AuditLog audit) {
		this.clocks = clocks;
		this.audit = audit;
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		model.addAttribute("today", clocks.today(me.tenantId()));
		model.addAttribute("daysAhead", clocks.daysAhead(me.tenantId()));
		model.addAttribute("steps", STEPS);
		model.addAttribute("maxDays", TenantClocks.MAX_DAYS_AHEAD);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "operator/test-clock";
	}

	/** Forward by {@code days}, or to {@code to} when it is given. */
	@PostMapping
	String move(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String days,
			@RequestParam(required = false) String to, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		check(me);
		LocalDate from = clocks.today(me.tenantId());
		boolean byDate = to != null && !to.isBlank();
		LocalDate moved;
		try {
			moved = byDate ? clocks.moveTo(me.tenantId(), date(to)) : clocks.moveForward(me.tenantId(), parsed(days));
		}
		catch (Rejected rejected) {
			// The form comes back (422) with what was typed and the wrong field marked.
			model.addAttribute("errors", Map.of(byDate ? "to" : "days", rejected));
			model.addAttribute("typedDays", byDate ? null : days);
			model.addAttribute("typedTo", byDate ? to : null);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model);
		}
		audit.record(me.tenantId(), AuditActor.of(me), AuditAction.TEST_CLOCK_MOVED, "tenant", me.tenantId(),
				from + " → " + moved);
		redirect.addFlashAttribute("notice", "test-clock.moved");
		return "redirect:/test-clock";
	}

	private static LocalDate date(String to) {
		try {
			return LocalDate.parse(to.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new Rejected("test-clock.days-invalid", TenantClocks.MAX_DAYS_AHEAD);
		}
	}

	private static int parsed(String days) {
		try {
			return Integer.parseInt(days == null ? "" : days.strip().replaceFirst("^\\+", ""));
		}
		catch (NumberFormatException ex) {
			throw new Rejected("test-clock.days-invalid", TenantClocks.MAX_DAYS_AHEAD);
		}
	}

	/** An admin of a sandbox only: anyone else finds no such page. */
	private void check(SignedInUser me) {
		if (!me.isAdmin() || !clocks.isSandbox(me.tenantId())) {
			throw new NotFound("not-found", "test-clock");
		}
	}
}
