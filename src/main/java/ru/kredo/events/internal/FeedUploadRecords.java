package ru.kredo.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.kredo.events.FeedUpload;
import ru.kredo.events.IngestionReport;
import ru.kredo.events.MatchTally;
import ru.kredo.events.QueuedReport;
import ru.kredo.events.UploadSource;
import ru.kredo.tabular.ImportRuns;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tenancy.TenantId;

/**
 * The {@code feed_uploads} rows: one per delivery. Until its first heartbeat ({@link ImportRuns}, every few seconds)
 * a delivery's counts live in memory ({@link Progress}, added to by each chunk after it commits), so a push shorter than
 * a heartbeat (a feed's single event) costs one statement, the row written whole at its end. The first heartbeat
 * inserts the row (a file's is inserted as it starts, {@link #start}); from then on each chunk adds its counts to the row in its own transaction, so that the row says
 * exactly what the committed chunks stored even when the process is killed (until 2026-12-13 the counts reached the
 * row only with each heartbeat: a kill -9 left it up to a heartbeat's chunks short — 172,500 accepted of 290,000
 * stored). The few chunks that committed while the row was being inserted are added by the next heartbeat. A delivery
 * whose process stopped reads, and is marked, INTERRUPTED, like a list import.
 */
@Component
public class FeedUploadRecords implements ImportRuns.Imports {

	public static final String COLUMNS = """
			id, channel, api_key_id, user_id, sender_name, file_name, status, started_at, updated_at, finished_at,
			received, accepted, duplicates, rejected, matched, signals_raised, queued""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ImportRuns runs;
	private final Map<UUID, Progress> running = new ConcurrentHashMap<>();

	FeedUploadRecords(JdbcClient jdbc, Clock clock, ImportRuns runs) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.runs = runs;
	}

	/**
	 * A delivery that starts now; its counts go to the returned progress, its row is written by {@link #run}. A file
	 * (the operator's page, the command line) has its row written at once, so that each of its chunks counts in it
	 * from the first: a process killed within its first heartbeat left 190,000 stored events and no row at all. A push
	 * keeps the one statement a short one costs (its sender, answered no 2xx, sends it again).
	 */
	public Progress start(UploadSource source) {
		Progress progress = new Progress(UUID.randomUUID(), source, clock.instant(), false);
		if (source.channel() != UploadSource.Channel.API) {
			insertRunning(progress, progress.drainUnwritten());
			progress.rowWritten = true;
		}
		return progress;
	}

	/**
	 * A delivery published to the events topic (Kafka) that starts now: its row is written at once, since the nodes
	 * that consume its records add their counts to it ({@link #counted}) from the moment the first is published, and
	 * {@code queued} (0 until its end) tells it apart.
	 */
	public Progress startQueued(UploadSource source) {
		Progress progress = new Progress(UUID.randomUUID(), source, clock.instant(), true);
		write(progress, ImportStatus.RUNNING, 0, 0, null);
		return progress;
	}

	/** The queued delivery ended: every valid event of it is with the broker. */
	public void finishQueued(Progress progress, QueuedReport report) {
		progress.queued = (long) report.queued();
		write(progress, ImportStatus.DONE, report.received(), report.rejectedTotal(), clock.instant());
	}

	/**
	 * A chunk of a queued delivery's records stored by a consuming node, in the chunk's own transaction: its counts
	 * are added to the delivery's row as the chunk commits, once. A row that is no queued delivery (a record's header
	 * naming another) is left alone.
	 */
	public void counted(UUID upload, int size, int stored, MatchTally tally) {
		jdbc.sql("""
				update feed_uploads set accepted = accepted + ?, duplicates = duplicates + ?, matched = matched + ?,
				    signals_raised = signals_raised + ?
				where tenant_id = ? and id = ? and queued is not null""")
			.params(stored, size - stored, tally.matched(), tally.signalsRaised(), TenantId.PLATFORM.value(), upload)
			.update();
	}

	/**
	 * A chunk of a delivery stored at once whose row its first heartbeat has written, in the chunk's own transaction:
	 * its counts reach the row as the chunk commits, once (a chunk rolled back is not counted).
	 */
	public void countedRunning(UUID upload, int size, int stored, MatchTally tally) {
		jdbc.sql("""
				update feed_uploads set received = received + ?, accepted = accepted + ?, duplicates = duplicates + ?,
				    matched = matched + ?, signals_raised = signals_raised + ?
				where tenant_id = ? and id = ? and queued is null""")
			.params(size, stored, size - stored, tally.matched(), tally.signalsRaised(), TenantId.PLATFORM.value(),
					upload)
			.update();
	}

	/** Runs the delivery's work in this thread, its heartbeat (and its row, past the first beat) kept meanwhile. */
	public void run(Progress progress, Runnable work) {
		running.put(progress.id, progress);
		try {
			runs.run(progress.id, work);
		}
		finally {
			running.remove(progress.id);
		}
	}

	/** The delivery ended with this report; the matches are those its chunks counted. */
	public void finish(Progress progress, IngestionReport report) {
		write(progress, ImportStatus.DONE, report.received(), report.rejectedTotal(), clock.instant());
	}

	/** The delivery stopped on an error: what its committed chunks stored is kept and counted. */
	public void fail(Progress progress) {
		write(progress, ImportStatus.FAILED, progress.accepted.get() + progress.duplicates.get(), 0, clock.instant());
	}

	/**
	 * The running deliveries' heartbeat: the first inserts the row with the counts so far, and each chunk then counts
	 * in the row itself ({@link #countedRunning}); a later beat adds what chunks counted only in memory meanwhile (those
	 * that were under way while the row was inserted).
	 */
	@Override
	public void beat(Set<UUID> ids, Instant now) {
		for (UUID id : ids) {
			Progress progress = running.get(id);
			if (progress == null || progress.queued != null) {
				if (progress != null) {
					write(progress, ImportStatus.RUNNING, progress.accepted.get() + progress.duplicates.get(), 0, null);
				}
				continue;
			}
			Progress.Counts unwritten = progress.drainUnwritten();
			if (!progress.rowWritten) {
				insertRunning(progress, unwritten);
				progress.rowWritten = true;
			}
			else {
				jdbc.sql("""
						update feed_uploads set updated_at = ?, received = received + ?, accepted = accepted + ?,
						    duplicates = duplicates + ?, matched = matched + ?, signals_raised = signals_raised + ?
						where tenant_id = ? and id = ? and status = 'RUNNING'""")
					.params(Timestamp.from(clock.instant()), unwritten.accepted() + unwritten.duplicates(),
							unwritten.accepted(), unwritten.duplicates(), unwritten.matched(), unwritten.signalsRaised(),
							TenantId.PLATFORM.value(), id)
					.update();
			}
		}
	}

	/** The running delivery's row, first written: with what its chunks counted in memory so far. */
	private void insertRunning(Progress progress, Progress.Counts counts) {
		UploadSource source = progress.source;
		Instant now = clock.instant();
		jdbc.sql("""
				insert into feed_uploads (id, tenant_id, channel, api_key_id, user_id, sender_name, file_name, status,
				    run_id, node, started_at, updated_at, received, accepted, duplicates, rejected, matched,
				    signals_raised)
				values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
				on conflict (id) do nothing""")
			.params(progress.id, TenantId.PLATFORM.value(), source.channel().name(), source.apiKeyId(),
					source.userId(), source.senderName(), source.fileName(), runs.id(), runs.node(),
					Timestamp.from(progress.startedAt), Timestamp.from(now), counts.accepted() + counts.duplicates(),
					counts.accepted(), counts.duplicates(), counts.matched(), counts.signalsRaised())
			.update();
	}

	/**
	 * The row as the progress has it, inserted or updated: a running upload's row is written only while it still
	 * reads RUNNING, so a heartbeat that comes after the upload's end changes nothing.
	 */
	private void write(Progress progress, ImportStatus status, long received, long rejected, Instant finished) {
		if (progress.queued != null) {
			writeQueued(progress, status, received, rejected, finished);
			return;
		}
		Instant now = clock.instant();
		UploadSource source = progress.source;
		jdbc.sql("""
				insert into feed_uploads as u (id, tenant_id, channel, api_key_id, user_id, sender_name, file_name,
				    status, run_id, node, started_at, updated_at, finished_at, received, accepted, duplicates, rejected,
				    matched, signals_raised)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set status = excluded.status, updated_at = excluded.updated_at,
				    finished_at = excluded.finished_at, received = excluded.received, accepted = excluded.accepted,
				    duplicates = excluded.duplicates, rejected = excluded.rejected, matched = excluded.matched,
				    signals_raised = excluded.signals_raised
				where excluded.status <> 'RUNNING' or u.status = 'RUNNING'""")
			.params(progress.id, TenantId.PLATFORM.value(), source.channel().name(), source.apiKeyId(),
					source.userId(), source.senderName(), source.fileName(), status.name(), runs.id(), runs.node(),
					Timestamp.from(progress.startedAt), Timestamp.from(now),
					finished == null ? null : Timestamp.from(finished), received, progress.accepted.get(),
					progress.duplicates.get(), rejected, progress.matched.get(), progress.signalsRaised.get())
			.update();
	}

	/**
	 * A queued delivery's row: its own counts (received, rejected, queued) and state, never those the consuming nodes
	 * add ({@link #counted}).
	 */
	private void writeQueued(Progress progress, ImportStatus status, long received, long rejected, Instant finished) {
		UploadSource source = progress.source;
		jdbc.sql("""
				insert into feed_uploads as u (id, tenant_id, channel, api_key_id, user_id, sender_name, file_name,
				    status, run_id, node, started_at, updated_at, finished_at, received, rejected, queued)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set status = excluded.status, updated_at = excluded.updated_at,
				    finished_at = excluded.finished_at, received = excluded.received, rejected = excluded.rejected,
				    queued = excluded.queued
				where excluded.status <> 'RUNNING' or u.status = 'RUNNING'""")
			.params(progress.id, TenantId.PLATFORM.value(), source.channel().name(), source.apiKeyId(),
					source.userId(), source.senderName(), source.fileName(), status.name(), runs.id(), runs.node(),
					Timestamp.from(progress.startedAt), Timestamp.from(clock.instant()),
					finished == null ? null : Timestamp.from(finished), received, rejected, progress.queued)
			.update();
	}

	@Override
	public Set<String> runningNodes() {
		return Set.copyOf(jdbc.sql("select distinct node from feed_uploads where status = 'RUNNING' and node is not null")
			.query(String.class)
			.list());
	}

	@Override
	public int interruptDead(UUID run, Set<String> dead, Instant staleBefore, Instant now) {
		return jdbc.sql("""
				update feed_uploads set status = 'INTERRUPTED', finished_at = ?, updated_at = ?
				where status = 'RUNNING' and run_id is distinct from ? and (node = any(?) or updated_at < ?)""")
			.params(Timestamp.from(now), Timestamp.from(now), run, dead.toArray(String[]::new),
					Timestamp.from(staleBefore))
			.update();
	}

	/** A row as read; a RUNNING one whose heartbeat stopped reads as INTERRUPTED before it is marked so. */
	public FeedUpload upload(ResultSet row) throws SQLException {
		ImportStatus status = ImportStatus.valueOf(row.getString("status"));
		if (status == ImportStatus.RUNNING
				&& row.getTimestamp("updated_at").toInstant().plus(runs.staleAfter()).isBefore(clock.instant())) {
			status = ImportStatus.INTERRUPTED;
		}
		Timestamp finished = row.getTimestamp("finished_at");
		return new FeedUpload(row.getObject("id", UUID.class), UploadSource.Channel.valueOf(row.getString("channel")),
				row.getObject("api_key_id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("sender_name"), row.getString("file_name"), status,
				row.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				row.getLong("received"), row.getLong("accepted"), row.getLong("duplicates"), row.getLong("rejected"),
				row.getLong("matched"), row.getLong("signals_raised"), row.getObject("queued", Long.class));
	}

	/**
	 * A delivery's counts while it runs: each chunk adds its own once it has committed, from the thread that stored it
	 * (two chunks are stored at once).
	 */
	public static final class Progress {

		private final UUID id;
		private final UploadSource source;
		private final Instant startedAt;
		private final AtomicLong accepted = new AtomicLong();
		private final AtomicLong duplicates = new AtomicLong();
		private final AtomicLong matched = new AtomicLong();
		private final AtomicLong signalsRaised = new AtomicLong();
		// Published to the events topic: the valid events the broker took (0 until the end); null for a stored one.
		private volatile Long queued;
		// Records of a queued delivery stored by a consuming node: each chunk adds its counts to the row it names.
		private final boolean countedInRow;
		// A delivery stored at once whose first heartbeat wrote its row: each chunk then counts in the row.
		private volatile boolean rowWritten;
		// What chunks counted in memory only and the row does not have yet.
		private final AtomicLong unwrittenAccepted = new AtomicLong();
		private final AtomicLong unwrittenDuplicates = new AtomicLong();
		private final AtomicLong unwrittenMatched = new AtomicLong();
		private final AtomicLong unwrittenSignals = new AtomicLong();

		/** Counts of a delivery. */
		record Counts(long accepted, long duplicates, long matched, long signalsRaised) {
		}

		Progress(UUID id, UploadSource source, Instant startedAt, boolean queued) {
			this(id, source, startedAt, queued, false);
		}

		private Progress(UUID id, UploadSource source, Instant startedAt, boolean queued, boolean countedInRow) {
			this.id = id;
			this.source = source;
			this.startedAt = startedAt;
			this.queued = queued ? 0L : null;
			this.countedInRow = countedInRow;
		}

		/** A delivery nobody records (a test's, the demo's, the benchmark's warm-up): counted, never written. */
		public static Progress unrecorded() {
			return new Progress(null, null, null, false);
		}

		/**
		 * The records of the queued delivery {@code upload} that a consuming node stores: each chunk adds its counts to
		 * that delivery's row in its own transaction ({@link FeedUploadRecords#counted}).
		 */
		public static Progress consumed(UUID upload) {
			return new Progress(upload, null, null, false, true);
		}

		/** Whether each chunk adds its counts to the delivery's row in its transaction. */
		public boolean countedInRow() {
			return countedInRow;
		}

		/**
		 * Whether a chunk whose transaction is open now adds its counts to the delivery's row in it
		 * ({@link FeedUploadRecords#countedRunning}): a delivery stored at once, once its first heartbeat wrote the row.
		 */
		public boolean countsInRunningRow() {
			return rowWritten && id != null && queued == null && !countedInRow;
		}

		private Counts drainUnwritten() {
			return new Counts(unwrittenAccepted.getAndSet(0), unwrittenDuplicates.getAndSet(0),
					unwrittenMatched.getAndSet(0), unwrittenSignals.getAndSet(0));
		}

		public UUID id() {
			return id;
		}

		/** A committed chunk: {@code stored} of its {@code size} events were new, and what its listeners tallied. */
		public void chunk(int size, int stored, MatchTally tally) {
			chunk(size, stored, tally, false);
		}

		/** A committed chunk, which did ({@code inRow}) or did not add its counts to the row in its transaction. */
		public void chunk(int size, int stored, MatchTally tally, boolean inRow) {
			accepted.addAndGet(stored);
			duplicates.addAndGet(size - stored);
			matched.addAndGet(tally.matched());
			signalsRaised.addAndGet(tally.signalsRaised());
			if (!inRow) {
				unwrittenAccepted.addAndGet(stored);
				unwrittenDuplicates.addAndGet(size - stored);
				unwrittenMatched.addAndGet(tally.matched());
				unwrittenSignals.addAndGet(tally.signalsRaised());
			}
		}
	}
}
