package ru.kredo.tenancy;

import ru.kredo.platform.Rejected;

final class TenantName {

	static final int MAX_LENGTH = 200;

	private TenantName() {
	}

	static String check(String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw new Rejected("tenant.name-required");
		}
		if (trimmed.length() > MAX_LENGTH) {
			throw new Rejected("tenant.name-too-long", MAX_LENGTH);
		}
		return trimmed;
	}
}
