package ru.kredo.crm.internal;

/**
 * Bitrix24 did not do what was asked: {@code status} is its HTTP answer (0 when none came: a time-out, a refused
 * connection), {@code error} the {@code error} code of its JSON answer ({@code expired_token},
 * {@code QUERY_LIMIT_EXCEEDED}…; empty when it gave none).
 */
public class Bitrix24Exception extends RuntimeException {

	/** The portal's address is in a private network, and Kredo does not call those ({@link Bitrix24Client}). */
	public static final String PORTAL_PRIVATE = "portal_private";

	private final int status;
	private final String error;

	Bitrix24Exception(int status, String error, String message) {
		super(message);
		this.status = status;
		this.error = error == null ? "" : error;
	}

	public int status() {
		return status;
	}

	public String error() {
		return error;
	}

	/** {@code expired_token} (or {@code invalid_token}): a new access token and the same call again. */
	public boolean tokenExpired() {
		return status == 401 && (error.equals("expired_token") || error.equals("invalid_token"));
	}

	/**
	 * Too much too fast: {@code QUERY_LIMIT_EXCEEDED} (503, the portal's request bucket is full) or
	 * {@code OPERATION_TIME_LIMIT} (429, a method's time budget is spent).
	 */
	public boolean rateLimited() {
		return error.equals("QUERY_LIMIT_EXCEEDED") || error.equals("OPERATION_TIME_LIMIT") || status == 429;
	}

	/**
	 * A refusal that asking again will not change: a method's own error (400: wrong fields, no such contact, stage or
	 * user), a method that is not there (404), a manual block ({@code OVERLOAD_LIMIT}), or a portal in a private network.
	 */
	public boolean definitive() {
		return status == 400 || status == 404 || error.equals("OVERLOAD_LIMIT") || error.equals(PORTAL_PRIVATE);
	}
}
