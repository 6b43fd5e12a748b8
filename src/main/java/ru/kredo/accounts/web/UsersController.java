package ru.kredo.accounts.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.PasswordLinks;
import ru.kredo.accounts.PasswordLinks.IssuedLink;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.RequestedPage;

/** A tenant admin's page of the tenant's users. */
@Controller
@RequestMapping("/users")
class UsersController {

	/** Rows a page of the list shows. */
	static final int PAGE_SIZE = 50;

	private final UserAccounts accounts;
	private final PasswordLinks links;
	private final AuditLog audit;

	UsersController(UserAccounts accounts, PasswordLinks links, AuditLog audit) {
		this.accounts = accounts;
		this.links = links;
		this.audit = audit;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("users", RequestedPage.slice(RequestedPage.matching(accounts.all(me.tenantId()),
				user -> user.displayName() + " " + user.email().value()), PAGE_SIZE));
		model.addAttribute("invitations", links.invitations(me.tenantId()));
		model.addAttribute("roles", new Role[] { Role.MANAGER, Role.ADMIN });
		for (String form : new String[] { "form", "inviteForm" }) {
			if (!model.containsAttribute(form)) {
				model.addAttribute(form, UserForm.BLANK);
			}
		}
		for (String errors : new String[] { "errors", "inviteErrors" }) {
			if (!model.containsAttribute(errors)) {
				model.addAttribute(errors, Map.of());
			}
		}
		return "users/list";
	}

	/**
	 * «Добавить пользователя». A refused form comes back (422) with what was typed (never the password) and every
	 * wrong field marked at once.
	 */
	@PostMapping
	String create(@AuthenticationPrincipal SignedInUser me, UserForm form,
			@RequestParam(required = false) String password, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			form.check(true, password);
			User user = accounts.create(me.tenantId(), new NewUser(form.email(), form.displayName(), form.role(), password));
			audit.record(AuditAction.USER_CREATED, "user", user.id(), user.role().name());
			redirect.addFlashAttribute("notice", "users.created");
			return "redirect:/users";
		}
		catch (InvalidFields invalid) {
			return refused(me, "form", form, "errors", invalid.errors(), model, response);
		}
		catch (Rejected rejected) {
			return refused(me, "form", form, "errors", Map.of(UserForm.fieldOf(rejected), rejected), model, response);
		}
	}

	/**
	 * «Пригласить»: the user is added without a password and sets his own by a one-time link, shown to the admin once
	 * on the next page (a flash attribute, never in an address) and mailed when a mail server is configured.
	 */
	@PostMapping("/invite")
	String invite(@AuthenticationPrincipal SignedInUser me, UserForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			form.check(false, null);
			IssuedLink link = links.invite(me.tenantId(), form.email(), form.displayName(), form.role(), me.userId());
			audit.record(AuditAction.USER_CREATED, "user", link.user().id(), "invited:" + link.user().role().name());
			redirect.addFlashAttribute("link", link);
			return "redirect:/users/" + link.user().id();
		}
		catch (InvalidFields invalid) {
			return refused(me, "inviteForm", form, "inviteErrors", invalid.errors(), model, response);
		}
		catch (Rejected rejected) {
			return refused(me, "inviteForm", form, "inviteErrors", Map.of(UserForm.fieldOf(rejected), rejected), model,
					response);
		}
	}

	private String refused(SignedInUser me, String formName, UserForm form, String errorsName,
			Map<String, Rejected> errors, Model model, HttpServletResponse response) {
		model.addAttribute(formName, form);
		model.addAttribute(errorsName, errors);
		if (errors.containsKey("")) {
			model.addAttribute("problem", errors.get(""));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(me, model);
	}

	/**
	 * «Отправить приглашение ещё раз»: a new link for a user invited who has not yet set his password (his earlier
	 * links end), shown once on his page like the first.
	 */
	@PostMapping("/{id}/invite-again")
	String inviteAgain(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			IssuedLink link = links.inviteAgain(me.tenantId(), new UserId(id), me.userId());
			audit.record(AuditAction.USER_CHANGED, "user", id, "invitation-sent-again");
			redirect.addFlashAttribute("link", link);
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/users/" + id;
	}

	/** «Сбросить пароль»: a one-time link that sets a new password; the present one works until the link is used. */
	@PostMapping("/{id}/password-reset")
	String resetPassword(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			IssuedLink link = links.reset(me.tenantId(), new UserId(id), me.userId());
			audit.record(AuditAction.USER_CHANGED, "user", id, "password-reset-link");
			redirect.addFlashAttribute("link", link);
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/users/" + id;
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		model.addAttribute("user", accounts.get(me.tenantId(), new UserId(id)));
		model.addAttribute("invitation", links.invitations(me.tenantId()).get(new UserId(id)));
		model.addAttribute("everAdmin", accounts.everAdmin(me.tenantId(), new UserId(id)));
		model.addAttribute("roles", new Role[] { Role.MANAGER, Role.ADMIN });
		return "users/detail";
	}

	@PostMapping("/{id}/role")
	String changeRole(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam Role role,
			RedirectAttributes redirect) {
		return change(me, id, redirect, () -> accounts.changeRole(me.tenantId(), new UserId(id), role, me.userId()),
				"role:" + role);
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		return change(me, id, redirect, () -> accounts.setEnabled(me.tenantId(), new UserId(id), enabled, me.userId()),
				"enabled:" + enabled);
	}

	private String change(SignedInUser me, UUID id, RedirectAttributes redirect, Runnable change, String detail) {
		try {
			change.run();
			audit.record(AuditAction.USER_CHANGED, "user", id, detail);
			redirect.addFlashAttribute("notice", "users.changed");
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/users/" + id;
	}

}
