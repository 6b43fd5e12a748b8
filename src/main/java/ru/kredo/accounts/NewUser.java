package ru.kredo.accounts;

import java.nio.charset.StandardCharsets;

import ru.kredo.platform.Rejected;

/** What an admin enters to add a user. The password is checked here and never kept in the clear. */
public record NewUser(String email, String displayName, Role role, String password) {

	static final int MIN_PASSWORD_LENGTH = 8;

	/** BCrypt reads no further (Spring's refuses a longer password outright): longer is refused, not cut. */
	public static final int MAX_PASSWORD_BYTES = 72;

	public NewUser {
		if (role == null) {
			throw new Rejected("user.role-required");
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new Rejected("user.password-too-short", MIN_PASSWORD_LENGTH);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new Rejected("user.password-too-long", MAX_PASSWORD_BYTES);
		}
	}

	@Override
	public String toString() {
		return "NewUser[" + role + "]";
	}
}
