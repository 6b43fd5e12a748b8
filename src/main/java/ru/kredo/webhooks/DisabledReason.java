package ru.kredo.webhooks;

/** Why an endpoint receives nothing: an admin switched it off, or its deliveries kept failing. */
public enum DisabledReason {
	BY_ADMIN,
	FAILING
}
