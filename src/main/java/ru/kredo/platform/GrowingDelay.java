package ru.kredo.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failures per key (a login, a login from one address, a login from one known browser) and the wait they impose: the
 * first {@code free} failures cost nothing, then each further try waits {@code first}, doubled with every failure, up
 * to {@code max}, counted from the last failure. Never a lock: the wait always ends, so whoever provokes it cannot
 * shut the key's owner out for good, while guessing stays bounded (about one try per {@code max}). A key with no
 * failure for {@code forgetAfter} starts afresh; a success may {@link #reset} it.
 * <p>
 * Counted in PostgreSQL ({@code rate_limit_failures}), so every node sees every node's failures: a guesser who
 * spreads his tries over N nodes waits as he would on one. Made by {@link RateLimits#growingDelay}.
 */
public final class GrowingDelay {

	private final JdbcClient jdbc;
	private final LimitKeys keys;
	private final String name;
	private final int free;
	private final Duration first;
	private final Duration max;
	private final Duration forgetAfter;
	private final Clock clock;

	GrowingDelay(JdbcClient jdbc, LimitKeys keys, String name, int free, Duration first, Duration max,
			Duration forgetAfter, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.name = name;
		this.free = free;
		this.first = first;
		this.max = max;
		this.forgetAfter = forgetAfter;
		this.clock = clock;
	}

	/** How long the key must still wait before its next try; zero when it may try now. */
	public Duration waitFor(String key) {
		Instant now = clock.instant();
		Optional<Failures> known = jdbc.sql("""
				select failures, last_at from rate_limit_failures where id = ? and forget_at > ?""")
			.params(keys.of(name, key), Timestamp.from(now))
			.query((row, n) -> new Failures(row.getInt("failures"), row.getTimestamp("last_at").toInstant()))
			.optional();
		if (known.isEmpty() || known.get().count() < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(known.get().count() - free, 30);
		Duration delay = first.multipliedBy(1L << doublings);
		if (delay.compareTo(max) > 0) {
			delay = max;
		}
		Duration left = Duration.between(now, known.get().last().plus(delay));
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** One more failure of the key, in one statement (two nodes counting at once both count). */
	public void failed(String key) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into rate_limit_failures (id, failures, last_at, forget_at) values (?, 1, ?, ?)
				on conflict (id) do update set
				    failures = case when rate_limit_failures.forget_at <= excluded.last_at then 1
				                    else rate_limit_failures.failures + 1 end,
				    last_at = excluded.last_at, forget_at = excluded.forget_at""")
			.params(keys.of(name, key), Timestamp.from(now), Timestamp.from(now.plus(forgetAfter)))
			.update();
	}

	public void reset(String key) {
		jdbc.sql("delete from rate_limit_failures where id = ?").param(keys.of(name, key)).update();
	}

	private record Failures(int count, Instant last) {
	}
}
