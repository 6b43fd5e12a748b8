package ru.kredo.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import ru.kredo.events.PeopleOfInterest;
import ru.kredo.privacy.BlindIndex;

/**
 * Who might be watched, in memory: the keys (first eight bytes of the blind indexes) of every person with an active
 * watch in any tenant. Most people in a bureau's feed are watched by nobody; their events skip the database lookup
 * when neither of their keys is here. The set only grows between reloads (a stopped watch stays in it until the next
 * one), so it can say "maybe" wrongly, never "no".
 * <p>
 * It stays exact across nodes and concurrent writers because the database appends the keys of every watch that
 * becomes active to {@code watched_keys} (by trigger, whatever code path wrote the watch), and {@link #refresh()}
 * reads every row of the transactions the previous read could not see: those with an id at or after that read's
 * snapshot xmin.
 */
@Component
public class WatchedKeys implements PeopleOfInterest {

	private static final Logger log = LoggerFactory.getLogger(WatchedKeys.class);
	// Rows of watched_keys are kept this long; a node that has not caught up for half of it reloads instead.
	private static final Duration KEPT = Duration.ofHours(24);
	private static final Duration RELOAD_AFTER = KEPT.dividedBy(2);

	private final JdbcClient jdbc;
	private final TransactionTemplate snapshot;
	private final Clock clock;
	private LongOpenHashSet keys;
	private String horizon;
	private Instant caughtUpAt;

	WatchedKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.snapshot.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * Brings the set up to everything committed so far: called by the transaction that stores a chunk of events,
	 * before it asks {@link #mayInclude} about each of them.
	 */
	@Override
	public synchronized void refresh() {
		if (keys == null || caughtUpAt.isBefore(clock.instant().minus(RELOAD_AFTER))) {
			reload();
			return;
		}
		jdbc.sql("""
				select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
				    array(select key from watched_keys where xid >= ?::xid8) as keys""")
			.param(horizon)
			.query(row -> {
				for (Long key : (Long[]) row.getArray("keys").getArray()) {
					keys.add(key.longValue());
				}
				horizon = row.getString("horizon");
			});
		caughtUpAt = clock.instant();
	}

	/**
	 * Loads the set as the application starts, on a thread of its own, so that the first events after a start do not
	 * wait for it (~5 s at 1,000,000 watches: a trickle event's whole latency budget, five times over). An event that
	 * comes sooner waits for the load, as it would have anyway.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		Thread.ofVirtual().name("watched-keys-load").start(() -> {
			try {
				loadIfNeeded();
			}
			catch (RuntimeException ex) {
				log.warn("Could not load the keys of watched people at start; the first chunk of events will: {}",
						ex.getMessage());
			}
		});
	}

	private synchronized void loadIfNeeded() {
		if (keys == null) {
			reload();
		}
	}

	/** False only if nobody watches a person with these blind indexes (as of the last {@link #refresh()}). */
	@Override
	public synchronized boolean mayInclude(BlindIndex passport, BlindIndex nameAndBirthDate) {
		return (passport != null && keys.contains(passport.prefix())) || keys.contains(nameAndBirthDate.prefix());
	}

	// One snapshot for the keys and the horizon, so that nothing committed after the one is missed by the other.
	private void reload() {
		long start = System.nanoTime();
		LongOpenHashSet loaded = new LongOpenHashSet();
		String loadedHorizon = snapshot.execute(status -> {
			String xmin = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
			jdbc.sql("""
					select distinct watched_key(k) from watches w
					join contacts c on c.id = w.contact_id
					cross join lateral (values (c.passport_index), (c.name_dob_index)) as v(k)
					where w.status = 'ACTIVE' and k is not null""")
				.query(row -> {
					loaded.add(row.getLong(1));
				});
			return xmin;
		});
		keys = loaded;
		horizon = loadedHorizon;
		caughtUpAt = clock.instant();
		log.info("Loaded {} keys of watched people in {} ms", loaded.size(), (System.nanoTime() - start) / 1_000_000);
	}

	@Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
	void forgetOldRows() {
		jdbc.sql("delete from watched_keys where added_at < ?")
			.param(Timestamp.from(clock.instant().minus(KEPT)))
			.update();
	}
}
