package ru.kredo.accounts.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.PasswordLinks;
import ru.kredo.accounts.User;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;

/**
 * The page a one-time link opens (no sign-in): the invited user sets his first password, or a user his new one. A
 * link unknown, used or expired gets a page that says so (410) and what to do: ask the admin for a new one.
 */
@Controller
@RequestMapping("/password-links/{token}")
class PasswordLinksController {

	private final PasswordLinks links;
	private final AuditLog audit;

	PasswordLinksController(PasswordLinks links, AuditLog audit) {
		this.links = links;
		this.audit = audit;
	}

	@GetMapping
	String form(@PathVariable String token, Model model, HttpServletResponse response) {
		return links.open(token).map(link -> {
			model.addAttribute("link", link);
			model.addAttribute("token", token);
			if (!model.containsAttribute("errors")) {
				model.addAttribute("errors", Map.of());
			}
			return "account/password-link";
		}).orElseGet(() -> gone(response));
	}

	@PostMapping
	String set(@PathVariable String token, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String repeatPassword, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			User user = links.use(token, newPassword, repeatPassword);
			audit.record(user.tenantId(), new AuditActor("user:" + user.id(), user.displayName()), AuditAction.USER_CHANGED,
					"user", user.id().value(), "password-set-by-link");
			redirect.addFlashAttribute("notice", "password-link.done");
			return "redirect:/login";
		}
		catch (InvalidFields invalid) {
			model.addAttribute("errors", invalid.errors());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(token, model, response);
		}
		catch (Rejected rejected) {
			return gone(response);
		}
	}

	private static String gone(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return "account/password-link-gone";
	}
}
