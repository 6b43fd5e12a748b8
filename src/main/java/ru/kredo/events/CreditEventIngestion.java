package ru.kredo.events;

import java.io.InputStream;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import ru.kredo.contacts.PersonKeys;
import ru.kredo.events.internal.ChunkPipeline;
import ru.kredo.events.internal.EventChunk;
import ru.kredo.events.internal.EventStore;
import ru.kredo.events.internal.EventStream;
import ru.kredo.events.internal.FeedUploadRecords;
import ru.kredo.events.internal.FeedUploadRecords.Progress;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes credit events in, from any channel. Events are stored in chunks, each chunk in one transaction together with
 * everything {@link CreditEventsRecorded} causes (matching, signals): a chunk is either wholly stored and matched or
 * not at all, so a process killed mid-batch loses nothing it reported accepted, and re-sending the batch creates
 * nothing twice, because (source, event id) is unique.
 */
@Service
public class CreditEventIngestion {

	/** The default chunk: the events stored, matched and committed in one transaction. */
	static final int CHUNK = 2_500;
	// Chunks stored at once: one in the database while the JVM works on the other.
	private static final int IN_FLIGHT = 2;
	private static final ThreadFactory STORING = Thread.ofPlatform().name("event-storing-", 1).daemon().factory();

	private static final Logger log = LoggerFactory.getLogger(CreditEventIngestion.class);

	private final JdbcClient jdbc;
	private final EventStore store;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private final PersonKeys keys;
	private final JsonMapper json;
	private final Clock clock;
	private final FeedUploadRecords uploads;
	private final int maxLineLength;
	private final int chunk;

	CreditEventIngestion(JdbcClient jdbc, EventStore store, TransactionTemplate transaction, ApplicationEventPublisher events,
			PersonKeys keys, JsonMapper json, Clock clock, FeedUploadRecords uploads,
			@Value("${kredo.events.max-line-length:1MB}") DataSize maxLineLength,
			@Value("${kredo.events.chunk-size:" + CHUNK + "}") int chunk) {
		this.jdbc = jdbc;
		this.store = store;
		this.transaction = transaction;
		this.events = events;
		this.keys = keys;
		this.json = json;
		this.clock = clock;
		this.uploads = uploads;
		// The reader's buffer may grow to twice the limit: beyond 512 MB it would outgrow an array.
		if (maxLineLength.toBytes() < 1 || maxLineLength.toMegabytes() >= 512) {
			throw new IllegalArgumentException("kredo.events.max-line-length must be from 1B to 511MB, not " + maxLineLength);
		}
		this.maxLineLength = (int) maxLineLength.toBytes();
		// Each chunk is a commit, which waits for the disk; a larger one holds more events in memory (four chunks are
		// in the pipeline at once) and keeps its transaction open longer.
		if (chunk < 1 || chunk > 100_000) {
			throw new IllegalArgumentException("kredo.events.chunk-size must be from 1 to 100000, not " + chunk);
		}
		this.chunk = chunk;
	}

	/**
	 * Reads a JSON array or JSON Lines body and ingests every valid event in it; a line longer than
	 * {@code kredo.events.max-line-length} is rejected ({@code event.line-too-long}) and the lines after it are read. Reading, parsing, hashing and sealing
	 * run a chunk ahead on another thread, while two chunks at a time are stored and matched, each in its own
	 * transaction: while the database works on one, this JVM works on the other. They may commit in either order;
	 * a watch's signals are raised by one of them at a time (SignalRaising's fold guard).
	 */
	public IngestionReport ingest(InputStream body) {
		return ingest(body, Progress.unrecorded());
	}

	/**
	 * Ingests a delivery as {@link #ingest(InputStream)} does and records it as a feed upload of {@code source}
	 * ({@link FeedUploads}): one row, written with its counts at the end (and with its heartbeat while it runs); each
	 * chunk adds what it stored, matched and raised in memory, once it has committed.
	 */
	public IngestionReport ingest(InputStream body, UploadSource source) {
		Progress progress = uploads.start(source);
		IngestionReport[] report = new IngestionReport[1];
		try {
			uploads.run(progress, () -> report[0] = ingest(body, progress));
		}
		catch (RuntimeException | Error ex) {
			uploads.fail(progress);
			throw ex;
		}
		uploads.finish(progress, report[0]);
		return report[0];
	}

	/**
	 * Ingests events given one per value, each value one event's JSON (the records of the events topic, say), through
	 * the same pipeline as a body: a value is read as a line of JSON Lines is, and a rejection's position is the value's
	 * index + 1. Returns once every chunk is committed.
	 */
	public IngestionReport ingestValues(List<byte[]> values) {
		return ingestValues(values, null);
	}

	/**
	 * Ingests values as {@link #ingestValues(List)} does, all of them records of the queued upload {@code upload}
	 * ({@link FeedUploads}; {@code null}: none): each chunk adds what it stored, matched and raised to that upload's
	 * row in its own transaction, so the counts grow exactly as the chunks commit.
	 */
	public IngestionReport ingestValues(List<byte[]> values, UUID upload) {
		// Every rejected record is listed: each goes to the rejected topic, and a poll is bounded (max-poll-records).
		return ingest(EventStream.ofValues(values.iterator(), json, maxLineLength),
				upload == null ? Progress.unrecorded() : Progress.consumed(upload), Integer.MAX_VALUE);
	}

	private IngestionReport ingest(InputStream body, Progress progress) {
		return ingest(EventStream.of(body, json, maxLineLength), progress, IntakeReport.LISTED);
	}

	private IngestionReport ingest(Iterator<EventStream.Parsed> stream, Progress progress, int listed) {
		int accepted = 0;
		try (ChunkPipeline chunks = ChunkPipeline.start(stream, chunk, this::prepare, listed);
				ExecutorService storing = Executors.newThreadPerTaskExecutor(STORING)) {
			// The next chunk goes as soon as either chunk in flight is done, not only the older one: a chunk that
			// waits for the other's fold guard, or is simply slower, would otherwise leave a core without work.
			CompletionService<Integer> done = new ExecutorCompletionService<>(storing);
			int inFlight = 0;
			for (EventChunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
				if (inFlight == IN_FLIGHT) {
					accepted += stored(done);
					inFlight--;
				}
				EventChunk next = chunk;
				done.submit(() -> store(next, progress));
				inFlight++;
			}
			for (; inFlight > 0; inFlight--) {
				accepted += stored(done);
			}
			// A failed chunk ends the batch; the other one in flight finishes (committed or not) before we return, as
			// closing the executor waits for it.
			return new IngestionReport(chunks.received(), accepted, chunks.received() - chunks.rejectedTotal() - accepted,
					chunks.rejected(), chunks.ignored(), chunks.rejectedTotal(), chunks.ignoredTotal());
		}
	}

	// How many events the next chunk to finish stored.
	private static int stored(CompletionService<Integer> chunks) {
		try {
			return chunks.take().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while storing credit events", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("could not store credit events", ex.getCause());
		}
	}

	/** Ingests events already read (by the bureau simulator, say). */
	public IngestionReport ingest(List<CreditEvent> batch) {
		int accepted = 0;
		for (int from = 0; from < batch.size(); from += chunk) {
			accepted += store(prepare(batch.subList(from, Math.min(batch.size(), from + chunk))), Progress.unrecorded());
		}
		return new IngestionReport(batch.size(), accepted, batch.size() - accepted, List.of());
	}

	private EventChunk prepare(List<CreditEvent> events) {
		return EventChunk.prepare(events, keys);
	}

	/**
	 * Stores a chunk in its own transaction. Two transactions storing the same events at once (two batches sending
	 * one event both ways round) can deadlock; PostgreSQL then cancels one, which is rolled back whole and tried again.
	 */
	private int store(EventChunk chunk, Progress progress) {
		for (int attempt = 1;; attempt++) {
			try {
				// A fresh tally each attempt: a chunk rolled back and stored again counts once.
				MatchTally tally = new MatchTally();
				boolean[] inRow = new boolean[1];
				int stored = storeOnce(chunk, tally, progress, inRow);
				progress.chunk(chunk.size(), stored, tally, inRow[0]);
				return stored;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 3) {
					throw ex;
				}
				log.info("a chunk of {} events lost a deadlock, storing it again: {}", chunk.size(), ex.getMessage());
			}
		}
	}

	private int storeOnce(EventChunk chunk, MatchTally tally, Progress progress, boolean[] inRow) {
		if (chunk.size() == 0) {
			return 0;
		}
		Integer stored = transaction.execute(status -> {
			// A chunk's queries are index look-ups of a few thousand keys: parallel workers cost more to start than
			// they save (measured: 70-130 ms with two workers, 26 ms without, on 1,000,000 watches). And a table that
			// has grown fast since its statistics were taken (the signals of a first big batch) must not be scanned
			// whole for each chunk: the open signals' read took 6 ms a chunk instead of 0.5 when a plan made for 50
			// rows was kept for 50,000.
			jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true) || set_config('enable_seqscan', 'off', true)")
				.query().singleValue();
			long start = System.nanoTime();
			List<RecordedEvent> recorded = store.insertNew(chunk, clock.instant(), status);
			long inserted = System.nanoTime();
			if (!recorded.isEmpty()) {
				events.publishEvent(new CreditEventsRecorded(recorded, tally));
			}
			if (progress.countedInRow()) {
				// With the chunk or not at all: a chunk rolled back and stored again is counted once.
				uploads.counted(progress.id(), chunk.size(), recorded.size(), tally);
			}
			else if (progress.countsInRunningRow()) {
				// The row exists (its first heartbeat wrote it): the chunk's counts reach it as the chunk commits, so a
				// process killed now leaves the row saying what was stored.
				uploads.countedRunning(progress.id(), chunk.size(), recorded.size(), tally);
				inRow[0] = true;
			}
			if (log.isDebugEnabled()) {
				log.debug("chunk of {}: insert {} ms, matching and signals {} ms", chunk.size(),
						(inserted - start) / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
			}
			return recorded.size();
		});
		return stored == null ? 0 : stored;
	}
}
