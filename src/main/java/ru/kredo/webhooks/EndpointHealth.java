package ru.kredo.webhooks;

import java.time.Instant;

/**
 * How an endpoint is doing, from its deliveries' attempts (each attempt keeps it up to date).
 *
 * @param failuresInARow failed attempts since the last success (or since the first attempt)
 * @param lastFailureStatus the HTTP status of the last failed attempt; {@code null} when it got no answer
 * @param lastFailureError why the last failed attempt got no answer (timeout, refused connection…)
 */
public record EndpointHealth(Instant lastSuccessAt, Instant lastFailureAt, int failuresInARow, Integer lastFailureStatus,
		String lastFailureError) {

	/** What the admin reads. */
	public enum State {

		/** No attempt yet. */
		UNTRIED,

		/** The last attempt succeeded. */
		WORKING,

		/** The last attempts got an HTTP answer other than 2xx (a 403, a 500…). */
		REFUSING,

		/** The last attempts got no answer: timeout, refused connection, unknown host. */
		NOT_ANSWERING
	}

	public State state() {
		if (failuresInARow > 0) {
			return lastFailureStatus == null ? State.NOT_ANSWERING : State.REFUSING;
		}
		return lastSuccessAt == null ? State.UNTRIED : State.WORKING;
	}

	public boolean failing() {
		return failuresInARow > 0;
	}
}
