package ru.kredo.conversations.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.MessagePosted;
import ru.kredo.tenancy.TenantId;

/**
 * The fan-out over every node (the default, {@code kredo.conversations.fanout=postgres}, docs/conversations.md
 * «Several nodes»): PostgreSQL's {@code LISTEN/NOTIFY}.
 * <ul>
 * <li><b>Out.</b> A message's {@code pg_notify} is sent in the transaction that writes it (a listener of
 * {@link MessagePosted}, called inside that transaction), so PostgreSQL delivers it at the commit and never for a
 * message rolled back. The payload is ids only — tenant, conversation, debtor, and the author's kind —, a little over
 * a hundred bytes against PostgreSQL's limit of 8,000: no text, no name.</li>
 * <li><b>In.</b> Each node holds one connection of its own, outside the pool, that {@code LISTEN}s, and a thread that
 * waits on it ({@link PGConnection#getNotifications(int)}) and tells this node's pages of each notification. A lost
 * connection is opened again after a growing pause (from {@code kredo.conversations.fanout-reconnect-delay} up to
 * {@link #MAX_RECONNECT_DELAY}); once it is back every open page of this node looks again, so a message whose
 * notification fell into the gap is shown all the same.</li>
 * <li><b>Who watches.</b> Each open page is a row of {@code conversation_stream_presence} (its node, its topic),
 * refreshed every {@link #PRESENCE_BEAT} by its node and deleted when it closes: a debtor is away when no fresh row
 * watches his chat, on any node. One insert and one delete a page, one update a node every ten seconds, one indexed
 * read an answer.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "kredo.conversations.fanout", havingValue = "postgres", matchIfMissing = true)
class PostgresFanout implements Fanout, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresFanout.class);

	static final String CHANNEL = "kredo_conversations";
	/** What {@code pg_stat_activity} shows for the listening connection. */
	static final String APPLICATION_NAME = "kredo-fanout";
	static final Duration PRESENCE_BEAT = Duration.ofSeconds(10);
	/** A page whose row is older than this is on a node that stopped beating: it watches nothing. */
	static final Duration PRESENCE_STALE = Duration.ofSeconds(35);
	static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
	/** How long the listener waits for a notification at a time: how soon it sees that the node stops. */
	private static final int POLL_MILLIS = 500;
	/** How long the connection may be quiet before the listener checks that it still answers. */
	private static final long CHECK_NANOS = Duration.ofSeconds(10).toNanos();

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration reconnectDelay;
	private final UUID node = UUID.randomUUID();
	private final LocalTopics local = new LocalTopics();
	private final AtomicInteger connections = new AtomicInteger();
	// Made at each start: a stopped context can be started again (the test framework pauses the contexts it caches and
	// restarts them), and a shut-down executor takes no task.
	private ScheduledExecutorService beat;
	private volatile boolean running;
	private Thread listener;

	PostgresFanout(DataSource dataSource, JdbcClient jdbc, Clock clock,
			@Value("${kredo.conversations.fanout-reconnect-delay:1s}") Duration reconnectDelay) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
		this.reconnectDelay = reconnectDelay;
	}

	/** Called inside the writing transaction: the notification goes out with its commit, or not at all. */
	@EventListener
	void on(MessagePosted posted) {
		jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload(posted)).query((row, n) -> 1).list();
	}

	static String payload(MessagePosted posted) {
		return posted.tenantId().value() + " " + posted.conversationId().value() + " " + posted.contactId().value()
				+ " " + posted.author().name();
	}

	@Override
	public AutoCloseable subscribe(String topic, Runnable changed) {
		AutoCloseable subscription = local.add(topic, changed);
		UUID row = UUID.randomUUID();
		try {
			jdbc.sql("insert into conversation_stream_presence (id, node, topic, seen_at) values (?, ?, ?, ?)")
				.params(row, node, topic, Timestamp.from(clock.instant())).update();
		}
		catch (RuntimeException ex) {
			// The page works without its row; only "away" may be judged wrong (a text too many) until it reconnects.
			log.warn("The presence of a live page on {} was not recorded", topic, ex);
		}
		return () -> {
			subscription.close();
			try {
				jdbc.sql("delete from conversation_stream_presence where id = ?").param(row).update();
			}
			catch (RuntimeException ex) {
				log.warn("The presence of a closed live page was not deleted (it goes stale)", ex);
			}
		};
	}

	@Override
	public void committed(MessagePosted posted) {
		// Told by the notification sent in the writing transaction, to every node this one included.
	}

	@Override
	public boolean watched(String topic) {
		if (local.listeners(topic) > 0) {
			return true;
		}
		return jdbc.sql("select exists (select 1 from conversation_stream_presence where topic = ? and seen_at > ?)")
			.params(topic, Timestamp.from(clock.instant().minus(PRESENCE_STALE))).query(Boolean.class).single();
	}

	/** How many times this node's listening connection was opened (1 until one is lost). */
	int connections() {
		return connections.get();
	}

	private void beat() {
		try {
			Instant now = clock.instant();
			jdbc.sql("update conversation_stream_presence set seen_at = ? where node = ?")
				.params(Timestamp.from(now), node).update();
			// Rows a dead node left behind: ignored once stale, deleted by whichever node beats.
			jdbc.sql("delete from conversation_stream_presence where seen_at < ?")
				.param(Timestamp.from(now.minus(PRESENCE_STALE.multipliedBy(10)))).update();
		}
		catch (RuntimeException ex) {
			log.warn("The presence of this node's live pages was not refreshed", ex);
		}
	}

	private void listen() {
		Duration pause = reconnectDelay;
		while (running) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				// Listening from here on: what was written before is read by the pages themselves, now.
				int topics = local.tellAll();
				if (connections.incrementAndGet() > 1) {
					log.info("Live pages: listening again; the {} topics open on this node look again", topics);
				}
				pause = reconnectDelay;
				PGConnection pg = connection.unwrap(PGConnection.class);
				long heard = System.nanoTime();
				while (running) {
					PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
					if (notifications != null && notifications.length > 0) {
						for (PGNotification notification : notifications) {
							deliver(notification.getParameter());
						}
						heard = System.nanoTime();
					}
					else if (System.nanoTime() - heard > CHECK_NANOS) {
						try (Statement statement = connection.createStatement()) {
							statement.execute("select 1");
						}
						heard = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!running) {
					break;
				}
				log.warn("Live pages: the listening connection was lost ({}); listening again in {}", ex.getMessage(),
						pause);
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					break;
				}
				pause = pause.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY
						: pause.multipliedBy(2);
			}
		}
	}

	private void deliver(String payload) {
		String[] ids = payload.split(" ");
		try {
			Topics.of(new TenantId(UUID.fromString(ids[0])), new ConversationId(UUID.fromString(ids[1])),
					new ContactId(UUID.fromString(ids[2])), Author.valueOf(ids[3])).forEach(local::tell);
		}
		catch (RuntimeException ex) {
			log.warn("Live pages: a notification that names no message ignored: {}", payload);
		}
	}

	/**
	 * A connection of its own, outside the pool (a pooled one would be taken back, or count against the pool): the
	 * pool's address, user and settings, named so that it can be found in {@code pg_stat_activity}. Where the data
	 * source is no Hikari pool, one of its connections is held for good instead.
	 */
	private Connection connect() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			if (pool.getJdbcUrl() != null) {
				Properties settings = new Properties();
				settings.putAll(pool.getDataSourceProperties());
				if (pool.getUsername() != null) {
					settings.setProperty("user", pool.getUsername());
				}
				if (pool.getPassword() != null) {
					settings.setProperty("password", pool.getPassword());
				}
				settings.setProperty("ApplicationName", APPLICATION_NAME);
				settings.setProperty("tcpKeepAlive", "true");
				// A network that drops silently fails the liveness check in this time rather than hanging it.
				settings.setProperty("socketTimeout", "30");
				return DriverManager.getConnection(pool.getJdbcUrl(), settings);
			}
		}
		Connection held = dataSource.getConnection();
		held.setAutoCommit(true);
		try (Statement statement = held.createStatement()) {
			statement.execute("set application_name = '" + APPLICATION_NAME + "'");
		}
		return held;
	}

	@Override
	public void start() {
		running = true;
		listener = Thread.ofPlatform().daemon().name("conversation-fanout").start(this::listen);
		long every = PRESENCE_BEAT.toMillis();
		beat = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "conversation-presence");
			thread.setDaemon(true);
			return thread;
		});
		beat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		running = false;
		if (beat != null) {
			beat.shutdownNow();
		}
		// The listener sees the flag within a poll and closes its connection itself (closing it from here would race
		// the read it is blocked in).
		if (listener != null) {
			try {
				listener.join(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			jdbc.sql("delete from conversation_stream_presence where node = ?").param(node).update();
		}
		catch (RuntimeException ex) {
			log.debug("This node's presence rows are left to go stale", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
