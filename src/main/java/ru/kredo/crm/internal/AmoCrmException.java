package ru.kredo.crm.internal;

import java.time.Duration;

/**
 * amoCRM did not do what was asked: {@code status} is its HTTP answer (0 when none came: a time-out, a refused
 * connection).
 */
public class AmoCrmException extends RuntimeException {

	private final int status;
	private final Duration retryAfter;

	AmoCrmException(int status, String message, Duration retryAfter) {
		super(message);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public int status() {
		return status;
	}

	/** 401: the access token expired or was revoked. */
	public boolean unauthorized() {
		return status == 401;
	}

	/** 429: more than the allowed requests per second. */
	public boolean rateLimited() {
		return status == 429;
	}

	/** A refusal that asking again will not change (a 400: amoCRM will not take the request as it is). */
	public boolean definitive() {
		return status == 400;
	}

	/** What amoCRM's {@code Retry-After} asked for; {@code null} if it said nothing. */
	public Duration retryAfter() {
		return retryAfter;
	}
}
