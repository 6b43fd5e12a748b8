package ru.kredo.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * A limit on a whole outbound request, answer included. An HTTP client's time-outs count from one byte to the next, so
 * a server that answers a byte at a time, each just inside them, holds the caller as long as it likes — and a tenant
 * chooses that server (a webhook's endpoint, a Bitrix24 portal). When the time is up the request is cancelled: its
 * connection is closed and the call fails at once. Use with try-with-resources around the call.
 */
public final class CallDeadline implements AutoCloseable {

	private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().daemon().name("kredo-call-deadline").factory());

	private final AtomicBoolean passed = new AtomicBoolean();
	private final ScheduledFuture<?> timer;

	private CallDeadline(Duration limit, Cancellable request) {
		this.timer = TIMER.schedule(() -> {
			passed.set(true);
			request.cancel();
		}, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
	}

	/** Cancels the request once {@code limit} has passed, unless closed before. */
	public static CallDeadline of(Duration limit, Cancellable request) {
		return new CallDeadline(limit, request);
	}

	/** Whether the time ran out (and the request was cancelled for it). */
	public boolean passed() {
		return passed.get();
	}

	@Override
	public void close() {
		timer.cancel(false);
	}
}
