package ru.kredo.contacting;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The rules refuse an operator's call now ({@link Calls#start}): {@code reason} says why, {@code next} when he may be
 * called ({@code null} while a bar stands, or when there is no number to call). The number is not shown. An API caller
 * gets it as a 409 {@code contact.call-not-allowed}.
 */
public class CallNotAllowed extends RuntimeException {

	public static final String CODE = "contact.call-not-allowed";

	private final Reason reason;
	private final Instant next;
	private final ZoneId zone;

	public CallNotAllowed(Reason reason, Instant next, ZoneId zone) {
		super(CODE + " " + reason);
		this.reason = reason;
		this.next = next;
		this.zone = zone;
	}

	public Reason reason() {
		return reason;
	}

	/** When he may be called next; {@code null} when nothing but lifting a bar (or a number) changes it. */
	public Instant next() {
		return next;
	}

	/** The debtor's zone, in which {@link #next} is told to him who calls. */
	public ZoneId zone() {
		return zone;
	}
}
