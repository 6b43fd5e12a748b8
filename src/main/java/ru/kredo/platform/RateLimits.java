package ru.kredo.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * The limits that protect people — sign-in attempts, sign-in codes, password tries, certificate checks — counted in
 * PostgreSQL, one count for all nodes ({@code docs/security.md}, {@code docs/scaling.md}): token buckets through
 * Bucket4j's PostgreSQL integration ({@link RateLimiter}, a row locked {@code for update} while a try is taken), and
 * growing delays ({@link GrowingDelay}). Keys are stored as keyed hashes ({@link LimitKeys}). What has nothing left to
 * say (a bucket full again, failures past their time) is deleted every few minutes, on any node: a plain delete of
 * what expired, harmless when two nodes run it at once.
 */
@Component
public class RateLimits {

	/** How long a bucket that has refilled is kept: long enough for the window's tries to be counted. */
	private static final Duration KEEP_FULL = Duration.ofMinutes(5);
	private static final int DELETE_BATCH = 1000;
	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
	private final JdbcClient jdbc;
	private final LimitKeys keys;
	private final Clock clock;

	RateLimits(DataSource dataSource, JdbcClient jdbc, LimitKeys keys, Clock clock) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
			.build();
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock;
	}

	/** {@code capacity} tries per {@code window} per key, refilled gradually; {@code name} sets this limit's keys apart. */
	public RateLimiter limiter(String name, int capacity, Duration window) {
		return new RateLimiter(buckets, keys, name, capacity, window);
	}

	/**
	 * Requests to one outside account (the key) spaced at least {@code spacing} apart over all nodes: one bucket row per
	 * key, locked while a request takes its turn (docs/scaling.md, «Limits»).
	 */
	public Pace pace(String name, Duration spacing) {
		String terms = name + "@" + spacing.toNanos() + "ns";
		BucketConfiguration configuration = Pace.configuration(spacing);
		return Pace.of(key -> buckets.getProxy(keys.of(terms, key), () -> configuration).asBlocking());
	}

	/** Failures that delay a key's next try, growing ({@link GrowingDelay}); {@code name} sets this limit's keys apart. */
	public GrowingDelay growingDelay(String name, int free, Duration first, Duration max, Duration forgetAfter) {
		return new GrowingDelay(jdbc, keys, name, free, first, max, forgetAfter, clock);
	}

	@Scheduled(fixedDelayString = "${kredo.limits.cleanup-interval:5m}", initialDelayString = "${kredo.limits.cleanup-interval:5m}")
	void forgetExpired() {
		int buckets = 0;
		int removed;
		do {
			removed = this.buckets.removeExpired(DELETE_BATCH);
			buckets += removed;
		}
		while (removed == DELETE_BATCH);
		int failures = jdbc.sql("delete from rate_limit_failures where forget_at < ?")
			.param(Timestamp.from(clock.instant()))
			.update();
		if (buckets + failures > 0) {
			log.debug("Limits forgotten: {} buckets, {} failure counts", buckets, failures);
		}
	}
}
