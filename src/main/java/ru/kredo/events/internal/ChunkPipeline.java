package ru.kredo.events.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.IngestionReport.IgnoredField;
import ru.kredo.events.IngestionReport.RejectedEvent;

/**
 * Reads, parses and prepares the chunks of a stream on a thread of its own, at most two chunks ahead of the caller,
 * who stores them: parsing JSON, hashing and sealing one chunk overlaps the database's work on the one before.
 * Rejected events and the count of events read are known once {@link #next()} has returned {@code null}.
 */
public final class ChunkPipeline implements AutoCloseable {

	private static final Object END = new Object();

	private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
	private final List<RejectedEvent> rejected = new ArrayList<>();
	private final List<IgnoredField> ignored = new ArrayList<>();
	private final Thread worker;
	private final int listed;
	private int received;
	private int rejectedTotal;
	private int ignoredTotal;
	private boolean ended;

	private ChunkPipeline(Iterator<EventStream.Parsed> stream, int chunkSize, Function<List<CreditEvent>, EventChunk> prepare,
			int listed) {
		this.listed = listed;
		this.worker = Thread.ofPlatform().name("event-preparation").daemon().unstarted(() -> run(stream, chunkSize, prepare));
	}

	/**
	 * Starts reading; {@link #rejected()} and {@link #ignored()} keep the first {@code listed} of each, the totals count
	 * them all (a body of millions of rejected events would otherwise be held, and answered, one by one).
	 */
	public static ChunkPipeline start(Iterator<EventStream.Parsed> stream, int chunkSize,
			Function<List<CreditEvent>, EventChunk> prepare, int listed) {
		ChunkPipeline pipeline = new ChunkPipeline(stream, chunkSize, prepare, listed);
		pipeline.worker.start();
		return pipeline;
	}

	/** The next prepared chunk, waiting for it if need be; {@code null} when the stream is read to its end. */
	public EventChunk next() {
		if (ended) {
			return null;
		}
		Object next;
		try {
			next = ready.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for events to be read", ex);
		}
		if (next instanceof Failure(Throwable cause)) {
			ended = true;
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw (Error) cause;
		}
		if (next == END) {
			ended = true;
			return null;
		}
		return (EventChunk) next;
	}

	public int received() {
		return received;
	}

	public List<RejectedEvent> rejected() {
		return rejected;
	}

	/** Optional fields of accepted events that could not be read; known, like the rejected, at the end. */
	public List<IgnoredField> ignored() {
		return ignored;
	}

	public int rejectedTotal() {
		return rejectedTotal;
	}

	public int ignoredTotal() {
		return ignoredTotal;
	}

	/** Stops reading (when storing failed) and waits for the reader, so nothing touches the stream afterwards. */
	@Override
	public void close() {
		worker.interrupt();
		try {
			worker.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run(Iterator<EventStream.Parsed> stream, int chunkSize, Function<List<CreditEvent>, EventChunk> prepare) {
		try {
			List<CreditEvent> chunk = new ArrayList<>(chunkSize);
			while (!Thread.currentThread().isInterrupted() && stream.hasNext()) {
				EventStream.Parsed parsed = stream.next();
				received++;
				if (parsed.rejected() != null) {
					if (rejected.size() < listed) {
						rejected.add(parsed.rejected());
					}
					rejectedTotal++;
					continue;
				}
				for (IgnoredField field : parsed.ignored()) {
					if (ignored.size() < listed) {
						ignored.add(field);
					}
					ignoredTotal++;
				}
				chunk.add(parsed.event());
				if (chunk.size() == chunkSize) {
					ready.put(prepare.apply(chunk));
					chunk = new ArrayList<>(chunkSize);
				}
			}
			if (!chunk.isEmpty()) {
				ready.put(prepare.apply(chunk));
			}
			ready.put(END);
		}
		catch (InterruptedException ex) {
			// The caller gave up: stop quietly.
		}
		catch (RuntimeException | Error ex) {
			try {
				ready.put(new Failure(ex));
			}
			catch (InterruptedException stopped) {
				// The caller gave up first.
			}
		}
	}

	private record Failure(Throwable cause) {
	}
}
