package ru.kredo.cabinet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.Role;
import ru.kredo.bench.HttpConnection;
import ru.kredo.bench.HttpConnection.Response;
import ru.kredo.cabinet.BenchmarkSignIns.SignedIn;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.conversations.ConversationStreams;
import ru.kredo.conversations.Conversations;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The chat under load (issue 12's performance goal): an agency with {@code bench.conversations} debtors, each with a
 * conversation; {@code bench.debtors} of them signed in through the real door, each holding his chat's live
 * connection (server-sent events) open; {@code bench.operators} operators signed in through the login form. For
 * {@code bench.seconds} the operators reply to random debtors ({@code bench.replies-per-second} in all) and look at
 * their inbox every {@code bench.inbox-every} seconds, while as many debtors as there are operators write to the
 * conversation their operator has open live. It measures how long a message takes from the moment its form is sent to
 * the moment the other side's live connection delivers it (both ways), how long the inbox page takes, and the memory
 * each open connection costs (heap after a full collection, and the process's resident memory, before and after the
 * connections open). Everything runs in this JVM on the machine's cores. Not part of the build; run it as
 * {@code docs/bench/chat.md} says: {@code ./mvnw -B verify -DskipUTs=true -Dit.test=ChatBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kredo.data-directory=target/bench/chat", "kredo.demo=false", "kredo.simulator.enabled=false",
		"spring.thymeleaf.cache=true", "kredo.trusted-proxies=127.0.0.1" })
@ActiveProfiles("test")
class ChatBenchmark {

	static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 10_000);
	static final int DEBTORS = Integer.getInteger("bench.debtors", 1_000);
	static final int OPERATORS = Integer.getInteger("bench.operators", 20);
	static final int SECONDS = Integer.getInteger("bench.seconds", 60);
	static final double REPLIES_PER_SECOND = Double.parseDouble(System.getProperty("bench.replies-per-second", "20"));
	static final int INBOX_EVERY = Integer.getInteger("bench.inbox-every", 2);
	static final String PASSWORD = "chat-benchmark-operator";
	static final Path DIR = Path.of("target/bench");
	private static final Pattern TOKEN = Pattern.compile("(op|db)-(\\d+)-(\\d+)");
	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	PersonalData personalData;

	@Autowired
	Conversations conversations;

	@Autowired
	ConversationStreams streams;

	@Autowired
	UserAccounts accounts;

	/** Latencies in nanoseconds, by direction: an operator's reply to the debtor, a debtor's message to the operator. */
	private final ConcurrentLinkedQueue<Long> toDebtor = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<Long> toOperator = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<Long> inboxPages = new ConcurrentLinkedQueue<>();
	private final Set<String> delivered = ConcurrentHashMap.newKeySet();
	private final AtomicLong sentToDebtors = new AtomicLong();
	private final AtomicLong sentToOperators = new AtomicLong();
	private final AtomicInteger failures = new AtomicInteger();
	private final ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();
	private volatile boolean measuring;

	@Test
	void carriesMessagesBothWaysLiveWhileTheInboxAnswers() throws Exception {
		TenantId agency = agencyWithConversations();
		List<String> operators = operators(agency);
		Map<ContactId, UUID> conversationOf = new LinkedHashMap<>();
		jdbc.sql("select contact_id, id from conversations where tenant_id = ?").param(agency.value())
			.query(row -> {
				conversationOf.put(new ContactId(row.getObject("contact_id", UUID.class)), row.getObject("id", UUID.class));
			});

		long signingIn = System.nanoTime();
		List<SignedIn> debtors = new BenchmarkSignIns("127.0.0.1", port, jdbc, personalData, contacts, debts)
			.signIn(agency, randomDebtors());
		log("signed in %,d debtors through the door in %.1f s", debtors.size(), seconds(signingIn));

		Memory before = Memory.now();
		List<Socket> open = new ArrayList<>();
		ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
		String chat = "/cabinet/" + agency.value() + "/chat";
		for (SignedIn debtor : debtors) {
			open.add(stream(readers, chat + "/stream", debtor.address(), cookieHeader(debtor.cookies()), "op"));
		}
		awaitStreams(debtors.size());
		Memory after = Memory.now();
		log("%,d debtors' live connections open: heap %+.1f MB, resident %+.1f MB, threads %+d",
				debtors.size(), (after.heap() - before.heap()) / 1e6, (after.resident() - before.resident()) / 1e6,
				after.threads() - before.threads());

		// The operators sign in, and each keeps one debtor's conversation open live (that debtor writes to it).
		List<Operator> staff = new ArrayList<>();
		for (int i = 0; i < operators.size(); i++) {
			Operator operator = Operator.signIn("127.0.0.1", port, operators.get(i), "10.9.0." + (i + 1));
			SignedIn writer = debtors.get(i);
			operator.watching = conversationOf.get(writer.contact());
			open.add(stream(readers, "/inbox/" + operator.watching + "/stream", operator.address,
					cookieHeader(operator.cookies), "db"));
			staff.add(operator);
		}
		awaitStreams(debtors.size() + staff.size());
		log("%d operators signed in, each watching a conversation live", staff.size());

		List<UUID> targets = debtors.stream().map(d -> conversationOf.get(d.contact())).toList();
		ExecutorService load = Executors.newVirtualThreadPerTaskExecutor();
		long started = System.nanoTime();
		long end = started + TimeUnit.SECONDS.toNanos(SECONDS);
		measuring = true;
		for (int i = 0; i < staff.size(); i++) {
			Operator operator = staff.get(i);
			SignedIn writer = debtors.get(i);
			int index = i;
			load.submit(() -> operate(operator, targets, end, index));
			load.submit(() -> write(agency, writer, end, index));
		}
		load.shutdown();
		load.awaitTermination(SECONDS + 120, TimeUnit.SECONDS);
		// What is still on its way arrives within five seconds or counts as lost.
		double elapsed = seconds(started);
		long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while ((toDebtor.size() < sentToDebtors.get() || toOperator.size() < sentToOperators.get())
				&& System.nanoTime() < waitUntil) {
			Thread.sleep(50);
		}
		measuring = false;

		String line = String.format(Locale.ROOT, """
				chat: %,d conversations, %,d debtors connected, %d operators, %.0f s: \
				operator → debtor %,d sent, %,d delivered, p50 %.0f ms, p99 %.0f ms, max %.0f ms; \
				debtor → operator %,d sent, %,d delivered, p50 %.0f ms, p99 %.0f ms, max %.0f ms; \
				inbox page %,d loads, p50 %.0f ms, p99 %.0f ms, max %.0f ms; failures %d
				  memory for %,d live connections: heap %+.1f MB (%.1f KB each), resident %+.1f MB (%.1f KB each), \
				threads %+d; load average %s""",
				CONVERSATIONS, debtors.size(), staff.size(), elapsed,
				sentToDebtors.get(), toDebtor.size(), millis(toDebtor, 50), millis(toDebtor, 99), millis(toDebtor, 100),
				sentToOperators.get(), toOperator.size(), millis(toOperator, 50), millis(toOperator, 99),
				millis(toOperator, 100), inboxPages.size(), millis(inboxPages, 50), millis(inboxPages, 99),
				millis(inboxPages, 100), failures.get(), debtors.size(), (after.heap() - before.heap()) / 1e6,
				(after.heap() - before.heap()) / 1e3 / debtors.size(), (after.resident() - before.resident()) / 1e6,
				(after.resident() - before.resident()) / 1e3 / debtors.size(), after.threads() - before.threads(),
				loadAverage());
		log("%s", line);
		firstFailures.forEach(failure -> log("failure: %s", failure));
		Files.createDirectories(DIR);
		Files.writeString(DIR.resolve("chat-" + Instant.now().toString().replace(':', '-') + ".txt"), line + "\n");

		open.forEach(socket -> {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		});
		readers.shutdownNow();
		assertThat(firstFailures).isEmpty();
		assertThat(toDebtor).hasSize((int) sentToDebtors.get());
		assertThat(toOperator).hasSize((int) sentToOperators.get());
	}

	/** An operator: replies to random debtors at his share of the rate, and loads the inbox every few seconds. */
	private void operate(Operator operator, List<UUID> targets, long end, int index) {
		Random random = new Random(index);
		long every = (long) (1e9 * OPERATORS / REPLIES_PER_SECOND);
		long next = System.nanoTime() + random.nextLong(every);
		long nextInbox = System.nanoTime() + random.nextLong(TimeUnit.SECONDS.toNanos(INBOX_EVERY));
		try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
			while (System.nanoTime() < end) {
				long now = System.nanoTime();
				if (now >= nextInbox) {
					long t = System.nanoTime();
					Response inbox = connection.send(BenchmarkSignIns.get(connection, "/inbox", operator.address,
							operator.cookies));
					inboxPages.add(System.nanoTime() - t);
					check(inbox.status() == 200 && inbox.text().contains("inbox"), "inbox " + inbox.status());
					nextInbox += TimeUnit.SECONDS.toNanos(INBOX_EVERY);
				}
				if (now >= next) {
					UUID to = targets.get(random.nextInt(targets.size()));
					String token = "op-" + index + "-" + System.nanoTime();
					sentToDebtors.incrementAndGet();
					Response sent = connection.send(BenchmarkSignIns.post(connection, "/inbox/" + to + "/reply",
							operator.address, operator.cookies, "text=" + token + "&_csrf=" + operator.csrf));
					check(sent.status() == 302, "reply " + sent.status());
					next += every;
				}
				Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(next, nextInbox) - System.nanoTime())));
			}
		}
		catch (Exception ex) {
			check(false, "operator " + index + ": " + ex);
		}
	}

	/** A debtor writing, every three seconds, to the conversation an operator watches live. */
	private void write(TenantId agency, SignedIn debtor, long end, int index) {
		String chat = "/cabinet/" + agency.value() + "/chat";
		Map<String, String> cookies = new LinkedHashMap<>(debtor.cookies());
		try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
			Response page = connection.send(BenchmarkSignIns.get(connection, chat, debtor.address(), cookies));
			Matcher csrf = CSRF_FIELD.matcher(page.text());
			check(csrf.find(), "the chat's CSRF token");
			Thread.sleep(index * 3_000L / OPERATORS);
			while (System.nanoTime() < end) {
				String token = "db-" + index + "-" + System.nanoTime();
				sentToOperators.incrementAndGet();
				Response sent = connection.send(BenchmarkSignIns.post(connection, chat, debtor.address(), cookies,
						"text=" + token + "&_csrf=" + csrf.group(1)));
				check(sent.status() == 302, "debtor's message " + sent.status());
				Thread.sleep(3_000);
			}
		}
		catch (Exception ex) {
			check(false, "debtor " + index + ": " + ex);
		}
	}

	/**
	 * Opens a live connection and reads it on a virtual thread: each token of the expected kind ({@code op} in a
	 * debtor's stream, {@code db} in an operator's) is a delivery, timed from the moment it was written.
	 */
	private Socket stream(ExecutorService readers, String path, String address, String cookie, String kind)
			throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n"
				+ "X-Forwarded-For: " + address + "\r\nCookie: " + cookie + "\r\n\r\n").getBytes(ISO_8859_1));
		out.flush();
		readers.submit(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8))) {
				String status = in.readLine();
				if (status == null || !status.contains(" 200")) {
					check(false, path + " answered " + status);
					return;
				}
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					Matcher token = TOKEN.matcher(line);
					while (token.find()) {
						long at = System.nanoTime();
						if (token.group(1).equals(kind) && measuring && delivered.add(token.group()) ) {
							(kind.equals("op") ? toDebtor : toOperator).add(at - Long.parseLong(token.group(3)));
						}
					}
				}
			}
			catch (IOException closed) {
				// the benchmark closes its connections at the end
			}
		});
		return socket;
	}

	private void awaitStreams(int count) throws InterruptedException {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(streams.open()).as("live connections open").isGreaterThanOrEqualTo(count));
	}

	private void check(boolean ok, String what) {
		if (!ok) {
			failures.incrementAndGet();
			if (firstFailures.size() < 10) {
				firstFailures.add(what);
			}
		}
	}

	/** An operator signed in through the login form: his cookies, his address and the CSRF token his forms carry. */
	private static final class Operator {

		final String address;
		final Map<String, String> cookies = new LinkedHashMap<>();
		String csrf;
		UUID watching;

		private Operator(String address) {
			this.address = address;
		}

		static Operator signIn(String host, int port, String email, String address) throws IOException {
			Operator operator = new Operator(address);
			try (HttpConnection connection = new HttpConnection(host, port)) {
				Response login = BenchmarkSignIns.send(connection,
						BenchmarkSignIns.get(connection, "/login", address, operator.cookies), operator.cookies, 200);
				Matcher csrf = CSRF_FIELD.matcher(login.text());
				if (!csrf.find()) {
					throw new IllegalStateException("the login page's CSRF token");
				}
				BenchmarkSignIns.send(connection, BenchmarkSignIns.post(connection, "/login", address, operator.cookies,
						"username=" + java.net.URLEncoder.encode(email, UTF_8) + "&password=" + PASSWORD + "&_csrf="
								+ csrf.group(1)), operator.cookies, 302);
				Response inbox = BenchmarkSignIns.send(connection,
						BenchmarkSignIns.get(connection, "/inbox", address, operator.cookies), operator.cookies, 200);
				Matcher token = CSRF_META.matcher(inbox.text());
				if (!token.find()) {
					throw new IllegalStateException("the inbox's CSRF token");
				}
				operator.csrf = token.group(1);
			}
			return operator;
		}
	}

	/** The agency, its debtors each with a conversation, made on the first run and kept under target/bench/chat. */
	private TenantId agencyWithConversations() throws Exception {
		String name = "ПКО «Бенчмарк чата, %d»".formatted(CONVERSATIONS);
		var existing = tenants.findByName(name);
		if (existing.isPresent()) {
			long made = jdbc.sql("select count(*) from conversations where tenant_id = ?").param(existing.get().id().value())
				.query(Long.class).single();
			if (made < CONVERSATIONS) {
				throw new IllegalStateException("the conversations of an earlier run are incomplete: delete target/bench/chat");
			}
			return existing.get().id();
		}
		TenantId agency = tenants.create(name, TenantKind.COLLECTOR).id();
		long started = System.nanoTime();
		new BenchmarkDebtors(jdbc, contacts, offers).load(agency, CONVERSATIONS);
		List<ContactId> people = jdbc.sql("select id from contacts where tenant_id = ?").param(agency.value())
			.query((row, n) -> new ContactId(row.getObject("id", UUID.class))).list();
		try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
			for (ContactId person : people) {
				writers.submit(() -> conversations.fromDebtor(agency, person,
						"Здравствуйте! Можно ли оплатить долг частями? Сейчас не могу внести всю сумму.", null));
			}
		}
		log("loaded %,d debtors with a conversation each in %.1f s", people.size(), seconds(started));
		return agency;
	}

	/** The operators' e-mails, created once with a known password. */
	private List<String> operators(TenantId agency) {
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < OPERATORS; i++) {
			String email = "operator-" + i + "@chat-bench.kredo";
			if (jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single() == 0) {
				accounts.create(agency, new NewUser(email, "Оператор " + i, Role.MANAGER, PASSWORD));
			}
			emails.add(email);
		}
		return emails;
	}

	/** Distinct debtors at random, others on each run (a phone gets at most five codes an hour). */
	private static List<Integer> randomDebtors() {
		Random random = new Random();
		Set<Integer> picked = new LinkedHashSet<>();
		while (picked.size() < Math.min(DEBTORS, CONVERSATIONS)) {
			picked.add(random.nextInt(CONVERSATIONS));
		}
		List<Integer> debtors = new ArrayList<>(picked);
		Collections.shuffle(debtors, random);
		return debtors;
	}

	private static String cookieHeader(Map<String, String> cookies) {
		StringBuilder header = new StringBuilder();
		cookies.forEach((name, value) -> header.append(name).append('=').append(value).append("; "));
		return header.length() == 0 ? "" : header.substring(0, header.length() - 2);
	}

	private static double millis(ConcurrentLinkedQueue<Long> nanos, int percentile) {
		List<Long> sorted = new ArrayList<>(nanos);
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int at = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, at))) / 1e6;
	}

	/** Heap in use after a full collection, the process's resident memory and its live threads. */
	private record Memory(long heap, long resident, int threads) {

		static Memory now() throws Exception {
			for (int i = 0; i < 3; i++) {
				System.gc();
				Thread.sleep(200);
			}
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			long resident = 0;
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					resident = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
				}
			}
			return new Memory(heap, resident, ManagementFactory.getThreadMXBean().getThreadCount());
		}
	}

	private static String loadAverage() {
		try {
			return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void log(String format, Object... args) {
		System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
	}
}
