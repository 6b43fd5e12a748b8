package ru.kredo.accounts;

import ru.kredo.platform.Rejected;

/** What an admin enters to add a user. The password is checked here and never kept in the clear. */
public record NewUser(String email, String displayName, Role role, String password) {

	public NewUser {
		if (role == null) {
			throw new Rejected("user.role-required");
		}
		PasswordPolicy.check(password, email, displayName);
	}

	@Override
	public String toString() {
		return "NewUser[" + role + "]";
	}
}
