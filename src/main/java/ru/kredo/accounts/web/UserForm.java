package ru.kredo.accounts.web;

import java.nio.charset.StandardCharsets;

import ru.kredo.accounts.EmailAddress;
import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.PasswordPolicy;
import ru.kredo.accounts.Role;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;

/**
 * A user as typed on «Добавить пользователя» or «Пригласить»: a refused form comes back with what was typed (never the
 * password) and each wrong field named with its own reason at once ({@link #check}).
 */
record UserForm(String email, String displayName, Role role) {

	static final UserForm BLANK = new UserForm("", "", Role.MANAGER);

	/**
	 * Every wrong field at once, as {@link InvalidFields}: {@code displayName}, {@code email}, {@code role}, and the
	 * {@code password} when one is asked for ({@code withPassword}; an invited user sets his own).
	 */
	void check(boolean withPassword, String password) {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		fields.read("displayName", () -> {
			if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
				throw new Rejected("user.name-required");
			}
			return null;
		});
		fields.read("email", () -> EmailAddress.forNewAccount(email));
		fields.read("role", () -> {
			if (role == null) {
				throw new Rejected("user.role-required");
			}
			if (role == Role.OPERATOR) {
				throw new Rejected("user.role-not-allowed");
			}
			return null;
		});
		if (withPassword) {
			fields.read("password", () -> {
				if (password != null && password.getBytes(StandardCharsets.UTF_8).length > NewUser.MAX_PASSWORD_BYTES) {
					throw new Rejected("user.password-too-long", NewUser.MAX_PASSWORD_BYTES);
				}
				PasswordPolicy.check(password, email, displayName);
				return null;
			});
		}
		fields.throwIfAny();
	}

	/** The field a refusal of the whole user names: a login taken is the e-mail's. */
	static String fieldOf(Rejected rejected) {
		return switch (rejected.code()) {
			case "user.email-taken", "user.email-invalid", "user.email-lookalike" -> "email";
			case "user.name-required" -> "displayName";
			case "user.role-required", "user.role-not-allowed" -> "role";
			default -> rejected.code().startsWith("user.password") ? "password" : "";
		};
	}
}
