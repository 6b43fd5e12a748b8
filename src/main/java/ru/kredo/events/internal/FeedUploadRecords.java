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
 * The {@code feed_uploads} rows: one per delivery. While it runs, its counts live in memory ({@link Progress}, added to
 * by each chunk after it commits) and reach the row only with the heartbeat of {@link ImportRuns}, every few seconds,
 * and at its end: ingestion writes nothing per chunk or per event for them, and a push shorter than a heartbeat (a
 * feed's single event) costs one statement, the row written whole at its end. A delivery whose process stopped reads,
 * and is marked, INTERRUPTED, like a list import.
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

	/** A delivery that starts now; its counts go to the returned progress, its row is written by {@link #run}. */
	public Progress start(UploadSource source) {
		return new Progress(UUID.randomUUID(), source, clock.instant(), false);
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

	/** Writes the running deliveries' counts so far with their heartbeat (the first beat inserts the row). */
	@Override
	public void beat(Set<UUID> ids, Instant now) {
		for (UUID id : ids) {
			Progress progress = running.get(id);
			if (progress != null) {
				write(progress, ImportStatus.RUNNING, progress.accepted.get() + progress.duplicates.get(), 0, null);
			}
		}
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

		public UUID id() {
			return id;
		}

		/** A committed chunk: {@code stored} of its {@code size} events were new, and what its listeners tallied. */
		public void chunk(int size, int stored, MatchTally tally) {
			accepted.addAndGet(stored);
			duplicates.addAndGet(size - stored);
			matched.addAndGet(tally.matched());
			signalsRaised.addAndGet(tally.signalsRaised());
		}
	}
}
