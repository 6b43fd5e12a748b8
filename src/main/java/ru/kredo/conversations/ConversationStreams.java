package ru.kredo.conversations;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.internal.Fanout;
import ru.kredo.conversations.internal.Topics;
import ru.kredo.tenancy.TenantId;

/**
 * Live pages: server-sent events ({@link SseEmitter}) that carry each new message of a conversation, rendered by the
 * page that asked, as it is committed. Bounded: at most {@link ConversationLimits#maxStreamsPerSession()} open per
 * browser session and {@link ConversationLimits#maxStreams()} per node (then 429), each closed after
 * {@link ConversationLimits#streamTimeout()} (the browser reconnects, saying the last message it has), and written to
 * every {@link ConversationLimits#heartbeat()} so that a connection that died is dropped. A stream holds one
 * {@code SseEmitter}, its listener and the id of the last message sent: no message is kept in memory.
 * <p>
 * When the application stops, every stream is completed before the web server's graceful shutdown begins
 * ({@link #PHASE}): an open stream is an in-flight request the server would otherwise wait for until
 * {@code spring.lifecycle.timeout-per-shutdown-phase}. A stream asked for while stopping is completed at once. The
 * browser's {@code EventSource} reconnects by itself (to another node, or to this one once it is back) and gets
 * what it missed by {@code Last-Event-ID}.
 */
@Component
public class ConversationStreams implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ConversationStreams.class);

	/**
	 * Stops just before {@link WebServerGracefulShutdownLifecycle} (a higher phase stops earlier), so that no stream
	 * is open when the server starts waiting for its requests.
	 */
	public static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

	/** The longest the application's stop waits for the completed streams to finish their responses. */
	static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private final Fanout fanout;
	private final Conversations conversations;
	private final ConversationLimits limits;
	private final Map<String, AtomicInteger> perSession = new ConcurrentHashMap<>();
	private final AtomicInteger open = new AtomicInteger();
	private volatile boolean running;
	/** Set by {@link #stop()}: streams opened from then on are completed at once. */
	private volatile boolean stopping;
	private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
	private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "conversation-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ConversationStreams(Fanout fanout, Conversations conversations, ConversationLimits limits) {
		this.fanout = fanout;
		this.conversations = conversations;
		this.limits = limits;
		long every = limits.heartbeat().toMillis();
		heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * The id of the last message a reconnecting browser had, from its {@code Last-Event-ID} header; 0 when it sent
	 * none or nothing readable.
	 */
	public static long lastEventId(String header) {
		try {
			return header == null ? 0 : Long.parseLong(header.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * The debtor's chat, live: the agency's answers (and his own from another tab) after {@code afterId}, each rendered
	 * by {@code render}. What reaches his open page counts as read. {@code stillSignedIn} is asked before anything is
	 * sent: once it says no (he signed out, or his session ended, since he opened the page) the stream ends instead.
	 */
	public SseEmitter debtor(TenantId tenant, ContactId debtor, String session, long afterId,
			Function<Message, String> render, BooleanSupplier stillSignedIn) {
		return open(session, Topics.debtor(tenant, debtor), afterId, render, stillSignedIn, after -> conversations.find(tenant, debtor)
			.map(c -> conversations.after(tenant, c.id(), after, false)).orElse(List.of()), delivered -> {
				if (delivered.stream().anyMatch(m -> m.author() == Author.OPERATOR)) {
					conversations.readByDebtor(tenant, debtor);
				}
			});
	}

	/**
	 * One conversation as staff watch it: every message after {@code afterId}, notes too. {@code stillAllowed} is asked
	 * before anything is sent: once it says no (the operator was disabled, or his password changed, since he opened
	 * the page) the stream ends instead, as his next request would.
	 */
	public SseEmitter conversation(TenantId tenant, ConversationId id, String session, long afterId,
			Function<Message, String> render, BooleanSupplier stillAllowed) {
		conversations.get(tenant, id);
		return open(session, Topics.conversation(id), afterId, render, stillAllowed,
				after -> conversations.after(tenant, id, after, true), delivered -> {
				});
	}

	/**
	 * The agency's inbox: an {@code inbox} event, without data, whenever any conversation of the agency changes; ended
	 * instead once {@code stillAllowed} says no.
	 */
	public SseEmitter inbox(TenantId tenant, String session, BooleanSupplier stillAllowed) {
		return open(session, Topics.inbox(tenant), 0, m -> "", stillAllowed, after -> List.of(), delivered -> {
		});
	}

	/** How many live connections this node holds open. */
	public int open() {
		return open.get();
	}

	private SseEmitter open(String session, String topic, long afterId, Function<Message, String> render,
			BooleanSupplier stillAllowed, java.util.function.LongFunction<List<Message>> missed, java.util.function.Consumer<List<Message>> delivered) {
		AtomicInteger mine = perSession.computeIfAbsent(session, key -> new AtomicInteger());
		if (mine.incrementAndGet() > limits.maxStreamsPerSession() | open.incrementAndGet() > limits.maxStreams()) {
			release(session, mine);
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "chat.too-many-streams");
		}
		SseEmitter emitter = new SseEmitter(limits.streamTimeout().toMillis());
		Stream stream = new Stream(emitter, afterId, topic.startsWith("inbox:"), render, stillAllowed, missed, delivered);
		AutoCloseable subscription = fanout.subscribe(topic, () -> sending.submit(stream::catchUp));
		streams.add(stream);
		Runnable closed = () -> {
			if (streams.remove(stream)) {
				try {
					subscription.close();
				}
				catch (Exception ignored) {
					// closing a subscription only removes it from a map
				}
				release(session, mine);
			}
		};
		emitter.onCompletion(closed);
		emitter.onTimeout(closed);
		emitter.onError(error -> closed.run());
		// Checked after the stream is in the set, which stop() empties after raising the flag: either stop() completes
		// this stream or this check sees the flag.
		if (stopping) {
			emitter.complete();
			closed.run();
			return emitter;
		}
		// What was written between the page and this connection (or while the browser reconnected) comes first.
		if (!stream.signalOnly) {
			sending.submit(stream::catchUp);
		}
		return emitter;
	}

	private void release(String session, AtomicInteger mine) {
		open.decrementAndGet();
		if (mine.decrementAndGet() <= 0) {
			perSession.remove(session, mine);
		}
	}

	private void beat() {
		for (Stream stream : streams) {
			sending.submit(() -> stream.send(() -> SseEmitter.event().comment("")));
		}
	}

	@Override
	public void start() {
		stopping = false;
		running = true;
	}

	/** Completes every open stream (and, until {@link #start()}, every new one), without waiting for anything. */
	@Override
	public void stop() {
		stopping = true;
		running = false;
		int closing = streams.size();
		streams.forEach(stream -> stream.emitter.complete());
		if (closing > 0) {
			log.info("Stopping: ended {} live connections (the browsers reconnect by themselves)", closing);
		}
	}

	/**
	 * Completes every open stream and reports stopped once each has finished its response (it then leaves
	 * {@link #streams}), at most {@link #STOP_WAIT} later: the web server's graceful shutdown that follows would
	 * otherwise find no request in flight while a completed stream's last bytes are still on their way, and close the
	 * connection under them (the browser would then see a broken connection rather than the stream's end).
	 */
	@Override
	public void stop(Runnable callback) {
		stop();
		Thread.ofVirtual().name("conversation-streams-stop").start(() -> {
			long deadline = System.nanoTime() + STOP_WAIT.toNanos();
			try {
				while (!streams.isEmpty() && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				callback.run();
			}
		});
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		heartbeat.shutdownNow();
		streams.forEach(stream -> stream.emitter.complete());
		sending.shutdownNow();
	}

	/** One open connection: what it sends, and the last message it sent. */
	private static final class Stream {

		final SseEmitter emitter;
		final boolean signalOnly;
		final Function<Message, String> render;
		final BooleanSupplier stillAllowed;
		final java.util.function.LongFunction<List<Message>> missed;
		final java.util.function.Consumer<List<Message>> delivered;
		long lastSent;

		Stream(SseEmitter emitter, long lastSent, boolean signalOnly, Function<Message, String> render,
				BooleanSupplier stillAllowed, java.util.function.LongFunction<List<Message>> missed,
				java.util.function.Consumer<List<Message>> delivered) {
			this.emitter = emitter;
			this.lastSent = lastSent;
			this.signalOnly = signalOnly;
			this.render = render;
			this.stillAllowed = stillAllowed;
			this.missed = missed;
			this.delivered = delivered;
		}

		/** Sends what this stream has not sent yet, in order; one sender at a time. */
		synchronized void catchUp() {
			// A session keeps its powers only until its next request; a stream is asked before each thing it sends.
			if (!stillAllowed.getAsBoolean()) {
				emitter.complete();
				return;
			}
			if (signalOnly) {
				send(() -> SseEmitter.event().name("inbox").data(""));
				return;
			}
			List<Message> messages = missed.apply(lastSent);
			for (Message message : messages) {
				if (!send(() -> SseEmitter.event().name("message").id(Long.toString(message.id()))
					.data(render.apply(message)))) {
					return;
				}
				lastSent = message.id();
			}
			if (!messages.isEmpty()) {
				delivered.accept(messages);
			}
		}

		synchronized boolean send(Supplier<SseEmitter.SseEventBuilder> event) {
			try {
				emitter.send(event.get());
				return true;
			}
			catch (IOException | IllegalStateException gone) {
				emitter.completeWithError(gone);
				return false;
			}
		}
	}
}
