package ru.kredo.webhooks.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * An endpoint is disabled when it has failed for longer than {@code threshold} without one success: its CRM is
 * gone or misconfigured, and retrying forever only hides that from the admin.
 */
record DisablingRule(Duration threshold) {

	/** @param failingSince the first failed attempt since the last success, or {@code null} if the last one worked */
	boolean disables(Instant failingSince, Instant now) {
		return failingSince != null && Duration.between(failingSince, now).compareTo(threshold) > 0;
	}
}
