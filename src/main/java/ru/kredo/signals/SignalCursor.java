package ru.kredo.signals;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.platform.Cursor;
import ru.kredo.platform.Rejected;

/**
 * Where the next page of the signals list starts: the sort key of the last signal given (its priority, its last
 * event's time and its id; the queue's order is priority, newest first, id). Opaque to the caller, who hands back the
 * list's {@code nextCursor} as {@code cursor}; one Kredo did not give is refused with {@code request.cursor-invalid}
 * as {@link Cursor} refuses one.
 */
public record SignalCursor(int priority, Instant lastEventAt, UUID id) {

	public String encode() {
		return priority + "." + new Cursor(lastEventAt, id).encode();
	}

	/** The cursor a caller sent back; {@code null} or blank is the first page. */
	public static SignalCursor decode(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String plain = text.strip();
		int dot = plain.indexOf('.');
		if (dot < 1 || dot > 2 || !plain.substring(0, dot).chars().allMatch(Character::isDigit)) {
			throw new Rejected("request.cursor-invalid");
		}
		Cursor at = Cursor.decode(plain.substring(dot + 1));
		if (at == null) {
			throw new Rejected("request.cursor-invalid");
		}
		return new SignalCursor(Integer.parseInt(plain.substring(0, dot)), at.at(), at.id());
	}

	/** The cursor of the page after {@code signal}. */
	public static SignalCursor after(Signal signal) {
		return new SignalCursor(signal.priority(), signal.lastEventAt(), signal.id().value());
	}
}
