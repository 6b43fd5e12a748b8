package ru.kredo.accounts.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.InvalidFields;

/**
 * «Сменить пароль»: any signed-in staff user, with his current password. His other sessions end at their next request;
 * this one goes on (under a new session id).
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final UserAccounts accounts;
	private final AuditLog audit;

	PasswordController(UserAccounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping
	String form(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "account/password";
	}

	@PostMapping
	String change(@AuthenticationPrincipal SignedInUser me, PasswordForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			SignedInUser updated = accounts.changePassword(me, form.currentPassword(), form.newPassword(),
					form.repeatPassword());
			keepThisSession(updated, request, response);
			audit.record(AuditAction.USER_CHANGED, "user", me.userId(), "password-changed");
			redirect.addFlashAttribute("notice", "password.changed");
			return "redirect:/account/password";
		}
		catch (InvalidFields invalid) {
			model.addAttribute("errors", invalid.errors());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/password";
		}
	}

	/** The session's principal carries the new password's hash, so this session is not taken for another one. */
	private static void keepThisSession(SignedInUser updated, HttpServletRequest request, HttpServletResponse response) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(updated,
				null, updated.getAuthorities());
		authentication.setDetails(SecurityContextHolder.getContext().getAuthentication().getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
	}

	/** Passwords are never sent back to the page. */
	record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {

		@Override
		public String toString() {
			return "PasswordForm[…]";
		}
	}
}
