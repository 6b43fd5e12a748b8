package ru.kredo.accounts.web;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
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
import ru.kredo.platform.ClientAddress;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.RateLimiter;
import ru.kredo.platform.RateLimits;
import ru.kredo.platform.Rejected;

/**
 * «Сменить пароль»: any signed-in staff user, with his current password. His other sessions end at their next request;
 * this one goes on (under a new session id). Wrong current passwords are limited per user and per client address
 * ({@code kredo.accounts.password-change.*}): a stolen session cannot guess the password it would need to keep the
 * account.
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final UserAccounts accounts;
	private final AuditLog audit;
	private final RateLimiter perUser;
	private final RateLimiter perAddress;
	private final Duration window;

	PasswordController(UserAccounts accounts, AuditLog audit,
			@Value("${kredo.accounts.password-change.per-user:5}") int perUser,
			@Value("${kredo.accounts.password-change.per-address:20}") int perAddress,
			@Value("${kredo.accounts.password-change.window:15m}") Duration window, RateLimits limits) {
		this.accounts = accounts;
		this.audit = audit;
		this.perUser = limits.limiter("password-change.user", perUser, window);
		this.perAddress = limits.limiter("password-change.address", perAddress, window);
		this.window = window;
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
		String user = me.userId().toString();
		String address = ClientAddress.forLimits(request.getRemoteAddr());
		// Only wrong current passwords count, so a new password refused by the policy costs no try; once either
		// limit is spent nothing is checked at all, so a guess then tells nothing.
		if (perUser.exhausted(user) || perAddress.exhausted(address)) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("problem", new Rejected("user.password-attempts-exceeded", Math.max(1, window.toMinutes())));
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return "account/password";
		}
		try {
			SignedInUser updated = accounts.changePassword(me, form.currentPassword(), form.newPassword(),
					form.repeatPassword());
			keepThisSession(updated, request, response);
			audit.record(AuditAction.USER_CHANGED, "user", me.userId(), "password-changed");
			redirect.addFlashAttribute("notice", "password.changed");
			return "redirect:/account/password";
		}
		catch (InvalidFields invalid) {
			if (invalid.errors().containsKey("currentPassword")) {
				perUser.tryTake(user);
				perAddress.tryTake(address);
			}
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
