package ru.kredo.accounts;

import java.nio.charset.StandardCharsets;

import ru.kredo.platform.Rejected;

/** What an admin enters to add a user. The password is checked here and never kept in the clear. */
public record NewUser(String email, String displayName, Role role, String password) {

	/** BCrypt reads no further (Spring's refuses a longer password outright): longer is refused, not cut. */
	public static final int MAX_PASSWORD_BYTES = 72;

	public NewUser {
		if (role == null) {
			throw new Rejected("user.role-required");
		}
		// Before the policy: its scoring is no place for a megabyte of password.
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new Rejected("user.password-too-long", MAX_PASSWORD_BYTES);
		}
		PasswordPolicy.check(password, email, displayName);
	}

	@Override
	public String toString() {
		return "NewUser[" + role + "]";
	}
}
