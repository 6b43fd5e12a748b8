package ru.kredo.accounts;

import ru.kredo.platform.Rejected;

/** What an admin enters to add a user. The password is checked here and never kept in the clear. */
public record NewUser(String email, String displayName, Role role, String password) {

	static final int MIN_PASSWORD_LENGTH = 8;

	public NewUser {
		if (role == null) {
			throw new Rejected("user.role-required");
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new Rejected("user.password-too-short", MIN_PASSWORD_LENGTH);
		}
	}

	@Override
	public String toString() {
		return "NewUser[" + role + "]";
	}
}
