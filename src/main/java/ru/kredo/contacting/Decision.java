package ru.kredo.contacting;

import java.time.Instant;

/**
 * What the rules say of one contact now: {@link Verdict#SEND} it at once, {@link Verdict#HOLD} it until {@code at} (and
 * ask again then), {@link Verdict#REFUSE} it (a bar: nothing to wait for) or {@link Verdict#DROP} it (it could only go
 * too late). {@code reason} says why whenever it does not go now; {@code exempt} marks a contact sent outside the rules
 * because the debtor himself asked for it.
 */
public record Decision(Verdict verdict, Instant at, Reason reason, boolean exempt) {

	public enum Verdict {
		SEND, HOLD, REFUSE, DROP
	}

	static Decision send(Instant now) {
		return new Decision(Verdict.SEND, now, null, false);
	}

	static Decision exempt(Instant now) {
		return new Decision(Verdict.SEND, now, null, true);
	}

	static Decision hold(Instant at, Reason reason) {
		return new Decision(Verdict.HOLD, at, reason, false);
	}

	static Decision refuse(Reason reason) {
		return new Decision(Verdict.REFUSE, null, reason, false);
	}

	static Decision drop(Reason reason) {
		return new Decision(Verdict.DROP, null, reason, false);
	}

	public boolean sends() {
		return verdict == Verdict.SEND;
	}
}
