package ru.kredo.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code clients} threads, each with its own keep-alive connection, send a request, wait for the
 * whole answer, and send the next at once. Requests during the warm-up are not recorded; the warm-up lasts until the
 * caller's {@link WarmUp} says it is done (polled every second). In the measured window after it every request's
 * latency (from writing the request to reading its last byte) is kept exactly, so the percentiles are those of the
 * sorted array, not of a histogram's buckets. A request started in the window counts whether it succeeds or not; a
 * failed one (the check said no, or an I/O error) is an error, and its latency is kept too.
 * <p>
 * Closed loop: a slow answer delays the client's next request, so the latencies say how long a request took at this
 * concurrency, not what an open stream of arrivals at the same rate would see (coordinated omission).
 */
public final class ClosedLoop {

	/** One request on the client's connection; {@code sequence} counts all clients' requests; true if the answer is right. */
	@FunctionalInterface
	public interface Request {
		boolean send(HttpConnection connection, long sequence) throws IOException;
	}

	/** Whether the warm-up, running for {@code elapsed} so far, may end. */
	@FunctionalInterface
	public interface WarmUp {
		boolean done(Duration elapsed);
	}

	private volatile long windowStart = Long.MAX_VALUE;
	private volatile boolean stopping;

	private ClosedLoop() {
	}

	/**
	 * Runs the load and returns what the measured window saw; {@code atWindowStart} runs as the window opens (to take
	 * the measurements that belong to it, such as CPU time).
	 */
	public static Result run(String host, int port, int clients, boolean virtualThreads, Request request, WarmUp warmUp,
			Duration measured, Runnable atWindowStart) throws InterruptedException {
		ClosedLoop loop = new ClosedLoop();
		AtomicLong sequence = new AtomicLong();
		List<Client> all = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		Thread.Builder builder = virtualThreads ? Thread.ofVirtual().name("load-", 0) : Thread.ofPlatform().name("load-", 0);
		long started = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			Client client = loop.new Client(new HttpConnection(host, port), sequence, request);
			all.add(client);
			threads.add(builder.start(client));
		}
		do {
			Thread.sleep(1_000);
		}
		while (!warmUp.done(Duration.ofNanos(System.nanoTime() - started)));
		long sentInWarmUp = sequence.get();
		atWindowStart.run();
		loop.windowStart = System.nanoTime();
		Thread.sleep(measured.toMillis());
		loop.stopping = true;
		long windowEnd = System.nanoTime();
		for (Thread thread : threads) {
			thread.join();
		}
		long errors = 0;
		long[] latencies = new long[all.stream().mapToInt(c -> c.recorded).sum()];
		int at = 0;
		for (Client client : all) {
			System.arraycopy(client.latencies, 0, latencies, at, client.recorded);
			at += client.recorded;
			errors += client.errors;
		}
		Arrays.sort(latencies);
		List<String> firstErrors = all.stream().map(c -> c.firstError).filter(e -> e != null).limit(3).toList();
		return new Result(latencies.length, errors, (windowEnd - loop.windowStart) / 1e9, latencies, firstErrors,
				Duration.ofNanos(loop.windowStart - started), sentInWarmUp);
	}

	private final class Client implements Runnable {

		private final HttpConnection connection;
		private final AtomicLong sequence;
		private final Request request;
		long[] latencies = new long[16 * 1024];
		int recorded;
		long errors;
		String firstError;

		Client(HttpConnection connection, AtomicLong sequence, Request request) {
			this.connection = connection;
			this.sequence = sequence;
			this.request = request;
		}

		@Override
		public void run() {
			try (connection) {
				while (!stopping) {
					long began = System.nanoTime();
					boolean ok;
					String problem = null;
					try {
						ok = request.send(connection, sequence.getAndIncrement());
						if (!ok) {
							problem = "the answer failed its check";
						}
					}
					catch (IOException | RuntimeException ex) {
						connection.close();
						ok = false;
						problem = ex.toString();
					}
					if (began >= windowStart) {
						record(System.nanoTime() - began);
						if (!ok) {
							errors++;
							firstError = firstError == null ? problem : firstError;
						}
					}
				}
			}
		}

		private void record(long nanos) {
			if (recorded == latencies.length) {
				latencies = Arrays.copyOf(latencies, recorded * 2);
			}
			latencies[recorded++] = nanos;
		}
	}

	/**
	 * What the measured window saw.
	 *
	 * @param requests the requests started in the window
	 * @param latencies every one's latency in nanoseconds, sorted
	 * @param warmUp how long the warm-up took
	 * @param sentInWarmUp the requests sent before the window
	 */
	public record Result(long requests, long errors, double seconds, long[] latencies, List<String> firstErrors,
			Duration warmUp, long sentInWarmUp) {

		public double throughput() {
			return requests / seconds;
		}

		/** The latency below which {@code percent} of the requests fell (nearest rank), in milliseconds. */
		public double percentileMillis(double percent) {
			if (latencies.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(percent / 100 * latencies.length);
			return latencies[Math.max(0, rank - 1)] / 1e6;
		}

		public double maxMillis() {
			return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
		}
	}
}
