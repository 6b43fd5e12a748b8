package ru.kredo.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the next page of an API list starts (issue 15's lists: {@code items}, {@code total}, {@code nextCursor}): the
 * sort key of the last row given, a time and an id, so a page stays right while rows are added before it (no row
 * skipped or given twice, as an offset would). The caller sees an opaque URL-safe string and hands it back as
 * {@code cursor}; one it did not get from Kredo is refused with {@code request.cursor-invalid} (400).
 */
public record Cursor(Instant at, UUID id) {

	public Cursor {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(id, "id");
	}

	public String encode() {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor a caller sent back; {@code null} or blank is the first page. */
	public static Cursor decode(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
			int bar = plain.indexOf('|');
			if (bar < 0) {
				throw new Rejected("request.cursor-invalid");
			}
			return new Cursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new Rejected("request.cursor-invalid");
		}
	}

	@Override
	public String toString() {
		return encode();
	}
}
