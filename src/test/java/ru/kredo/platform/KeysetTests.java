package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The inbox's keyset cursor: given back as it was given, refused when it is anything else, and read as SQL. */
class KeysetTests {

	static final Keyset.Order INBOX = Keyset.Order.of(Keyset.Key.ascending("waiting_since", Instant.class),
			Keyset.Key.descending("last_message_at", Instant.class), Keyset.Key.ascending("id", UUID.class));

	@Test
	void aCursorComesBackAsItWasGivenNullKeysIncluded() {
		UUID id = UUID.randomUUID();
		Instant at = Instant.parse("2026-12-06T08:40:00.123456Z");
		Keyset waiting = Keyset.of(at, at.minusSeconds(5), id);
		Keyset answered = Keyset.of(null, at, id);

		assertThat(Keyset.decode(waiting.encode(), INBOX)).isEqualTo(waiting);
		assertThat(Keyset.decode(answered.encode(), INBOX)).isEqualTo(answered);
		assertThat(Keyset.decode(" ", INBOX)).isNull();
		Keyset.Order promises = Keyset.Order.of(Keyset.Key.ascending("due_on", LocalDate.class),
				Keyset.Key.ascending("id", UUID.class));
		Keyset due = Keyset.of(LocalDate.of(2026, 12, 12), id);
		assertThat(Keyset.decode(due.encode(), promises)).isEqualTo(due);
	}

	@Test
	void aCursorKredoDidNotGiveForThisOrderIsRefused() {
		String position = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("position:3".getBytes(StandardCharsets.UTF_8));
		Keyset.Order disputes = Keyset.Order.of(Keyset.Key.ascending("opened_at", Instant.class),
				Keyset.Key.ascending("id", UUID.class));
		String ofDisputes = Keyset.of(Instant.now(), UUID.randomUUID()).encode();
		String wrongType = Keyset.of(LocalDate.of(2026, 1, 1), Instant.now(), UUID.randomUUID()).encode();
		String noId = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("k1:-|-|-".getBytes(StandardCharsets.UTF_8));

		for (String cursor : List.of("garbage", position, ofDisputes, wrongType, noId, "!!!", new Cursor(Instant.now(),
				UUID.randomUUID()).encode())) {
			assertThatThrownBy(() -> Keyset.decode(cursor, INBOX)).as(cursor)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("request.cursor-invalid"));
		}
		assertThat(Keyset.decode(ofDisputes, disputes)).isNotNull();
	}

	@Test
	void theRowsAfterACursorAreThoseEqualOnTheKeysBeforeOneAndAfterOnIt() {
		UUID id = UUID.randomUUID();
		Instant waiting = Instant.parse("2026-12-06T08:00:00Z");
		Instant last = Instant.parse("2026-12-06T09:00:00Z");
		List<Object> params = new ArrayList<>();

		assertThat(INBOX.sql()).isEqualTo("waiting_since, last_message_at desc, id");
		assertThat(INBOX.after(null, params)).isEqualTo("true");
		assertThat(INBOX.after(Keyset.of(waiting, last, id), params)).isEqualTo("((waiting_since > ? or waiting_since is "
				+ "null) or (waiting_since = ? and last_message_at < ?) or (waiting_since = ? and last_message_at = ? "
				+ "and id > ?))");
		assertThat(params).containsExactly(Timestamp.from(waiting), Timestamp.from(waiting), Timestamp.from(last),
				Timestamp.from(waiting), Timestamp.from(last), id);
		params.clear();
		// Past the waiting ones (a null key comes last): only the rows without one, the latest first.
		assertThat(INBOX.after(Keyset.of(null, last, id), params)).isEqualTo("(false or (waiting_since is null and "
				+ "last_message_at < ?) or (waiting_since is null and last_message_at = ? and id > ?))");
		assertThat(params).containsExactly(Timestamp.from(last), Timestamp.from(last), id);
	}
}
