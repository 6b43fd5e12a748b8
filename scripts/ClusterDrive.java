import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The drive of {@code scripts/cluster drive}: everything through the balancer, as debtors and a bureau would. The
 * agency uploads a registry of two debtors (its API key), each debtor signs in to the cabinet with his ФИО, phone and
 * the code texted to him (read on the operator's «SMS-ящик»: no SMS provider here), and then, until the time is up,
 * the debtors page through the cabinet (home, a debt, documents) while a bureau pushes batches of events to
 * {@code /api/v1/events}. Meanwhile {@code scripts/cluster} kills a node with SIGKILL and starts it again (it writes
 * the moments into this drive's directory: {@code killed}, {@code restarted}).
 * <p>
 * Every request is recorded with the node that answered it (HAProxy's {@code X-Kredo-Node}). A request failed when it
 * got no answer or another answer than the one expected; a debtor signed out is sent back to the door. A failed
 * request is counted as in flight on the killed node when that node took it before it was killed (HAProxy's 502
 * naming it), or when it got no answer at all and spans the kill (see {@link #report}). A batch of events
 * that failed is sent again, as a bureau does (the same event ids: nothing doubles). Prints the counts as
 * {@code key=value} lines and exits 1 if any request failed that was not in flight on the killed node, or any debtor
 * was signed out.
 * <p>
 * {@code java scripts/ClusterDrive.java BASE CREDENTIALS DIRECTORY RUN SECONDS} (a JDK ≥ 21; no dependencies).
 */
public class ClusterDrive {

	static final int BATCH = 100;
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
	static final Pattern CODE = Pattern.compile("(?<![\\w/-])(\\d{6})(?!\\w)");

	record Request(String what, long start, long end, int status, String node, String error, boolean signedOut) {

		boolean failed() {
			return error != null || signedOut;
		}
	}

	final String base;
	final Map<String, String> credentials;
	final Path directory;
	final String run;
	final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

	ClusterDrive(String base, Map<String, String> credentials, Path directory, String run) {
		this.base = base;
		this.credentials = credentials;
		this.directory = directory;
		this.run = run;
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 5) {
			System.err.println("usage: java scripts/ClusterDrive.java BASE CREDENTIALS DIRECTORY RUN SECONDS");
			System.exit(2);
		}
		Map<String, String> credentials = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				credentials.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		ClusterDrive drive = new ClusterDrive(args[0], credentials, Path.of(args[2]), args[3]);
		System.exit(drive.drive(Integer.parseInt(args[4])));
	}

	/** A browser: its own cookies, no redirect followed. */
	final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
				.header("Accept-Language", "ru").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
			String body = fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
				.header("Accept-Language", "ru").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
	}

	record Debtor(String fullName, String phone, String birthDate) {

		/** How the operator's outbox shows the number: its last four digits, «-12-34». */
		String maskedEnd() {
			String digits = phone.replaceAll("\\D", "");
			return "-" + digits.substring(7, 9) + "-" + digits.substring(9, 11);
		}
	}

	int drive(int seconds) throws Exception {
		String tenant = need("tenant.id");
		String door = "/cabinet/" + tenant;
		long began = System.currentTimeMillis();

		// The agency's registry: two debtors with numbers of this run.
		List<Debtor> debtors = List.of(new Debtor("Кластерова Анна Петровна", randomPhone(), "12.05.1985"),
				new Debtor("Узлов Борис Сергеевич", randomPhone(), "03.09.1979"));
		uploadRegistry(debtors);

		Browser operator = new Browser();
		signInStaff(operator, need("operator.email"), need("operator.password"));

		List<Browser> cabinets = new ArrayList<>();
		List<List<String>> pages = new ArrayList<>();
		for (Debtor debtor : debtors) {
			Browser browser = new Browser();
			signInDebtor(browser, operator, door, debtor);
			HttpResponse<String> home = browser.get(door + "/home");
			expect(home, 200, "the cabinet's home of " + debtor.fullName());
			Matcher debt = Pattern.compile("href=\"(" + Pattern.quote(door) + "/debts/[0-9a-f-]{36})").matcher(home.body());
			if (!debt.find()) {
				throw new IllegalStateException("the home of " + debtor.fullName() + " links no debt");
			}
			cabinets.add(browser);
			pages.add(List.of(door + "/home", debt.group(1), door + "/documents"));
		}
		System.err.printf("drive: registry uploaded, %d debtors signed in (%.1f s)%n", debtors.size(),
				(System.currentTimeMillis() - began) / 1000.0);

		long start = System.currentTimeMillis();
		Files.writeString(directory.resolve("started"), Long.toString(start));
		long deadline = start + seconds * 1000L;

		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < cabinets.size(); i++) {
			Browser browser = cabinets.get(i);
			List<String> paths = pages.get(i);
			threads.add(Thread.ofVirtual().start(() -> pageThrough(browser, paths, door, deadline)));
		}
		EventFeed feed = new EventFeed("cluster-drive-" + run);
		threads.add(Thread.ofVirtual().start(() -> feed.push(deadline)));
		for (Thread thread : threads) {
			thread.join();
		}
		return report(start, feed, debtors.size());
	}

	/** Until the time is up and, if a node was killed, until 10 s after it is back (at most 3 minutes more). */
	boolean goOn(long deadline) {
		long now = System.currentTimeMillis();
		if (now > deadline + 180_000) {
			return false;
		}
		if (Files.exists(directory.resolve("killed"))) {
			Long back = moment("restarted");
			return now < deadline || back == null || now < back + 10_000;
		}
		return now < deadline;
	}

	void pageThrough(Browser browser, List<String> paths, String door, long deadline) {
		int i = 0;
		while (goOn(deadline)) {
			String path = paths.get(i++ % paths.size());
			long t0 = System.currentTimeMillis();
			try {
				HttpResponse<String> page = browser.get(path);
				String node = page.headers().firstValue("X-Kredo-Node").orElse("?");
				boolean signedOut = page.statusCode() == 302
						&& page.headers().firstValue("Location").map(l -> l.endsWith(door)).orElse(false);
				String error = page.statusCode() == 200 || signedOut ? null : "HTTP " + page.statusCode();
				requests.add(new Request("page", t0, System.currentTimeMillis(), page.statusCode(), node, error, signedOut));
			}
			catch (IOException ex) {
				requests.add(new Request("page", t0, System.currentTimeMillis(), 0, "?", ex.toString(), false));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** A bureau: batches of {@value #BATCH} events, each new; a batch that fails is sent again until it is taken. */
	final class EventFeed {

		final String source;
		final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		int batches;
		int sent;
		int resent;
		boolean gaveUp;

		EventFeed(String source) {
			this.source = source;
		}

		void push(long deadline) {
			String key = need("feed.api-key");
			while (goOn(deadline) && !gaveUp) {
				String body = batch(sent);
				boolean taken = false;
				for (int attempt = 0; attempt < 20 && !taken; attempt++) {
					long t0 = System.currentTimeMillis();
					try {
						HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
							.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
							.header("Content-Type", "application/x-ndjson")
							.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
								HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
						String node = answer.headers().firstValue("X-Kredo-Node").orElse("?");
						taken = answer.statusCode() == 202 || answer.statusCode() == 200;
						requests.add(new Request("events", t0, System.currentTimeMillis(), answer.statusCode(), node,
								taken ? null : "HTTP " + answer.statusCode(), false));
					}
					catch (IOException ex) {
						requests.add(new Request("events", t0, System.currentTimeMillis(), 0, "?", ex.toString(), false));
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					if (!taken) {
						resent++;
						sleep(500);
					}
				}
				if (taken) {
					batches++;
					sent += BATCH;
				}
				else {
					gaveUp = true;
				}
				sleep(50);
			}
		}

		/** JSON Lines: {@value #BATCH} events from number {@code from} on, about as many different people. */
		String batch(int from) {
			StringBuilder lines = new StringBuilder();
			String occurred = Instant.now().minusSeconds(3600).toString();
			String[] types = { "APPLICATION", "LOAN_DISBURSED", "CONTRACT_SIGNED", "LOAN_CLOSED" };
			for (int i = from; i < from + BATCH; i++) {
				String birth = LocalDate.of(1950, 1, 1).plusDays(i % 18_000).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
				lines.append("{\"source\":\"").append(source).append("\",\"eventId\":\"").append(run).append('-').append(i)
					.append("\",\"type\":\"").append(types[i % types.length]).append("\",\"occurredAt\":\"")
					.append(occurred).append("\",\"amount\":").append(10_000 + i % 90_000)
					.append(",\"subject\":{\"lastName\":\"Потоков\",\"firstName\":\"Иван\",\"middleName\":\"Петрович\",")
					.append("\"birthDate\":\"").append(birth).append("\"}}\n");
			}
			return lines.toString();
		}
	}

	int report(long start, EventFeed feed, int debtors) {
		Long killed = moment("killed");
		Long back = moment("restarted");
		String victim = "node1";
		List<Request> all = new ArrayList<>(requests);
		List<Request> pagesServed = all.stream().filter(r -> r.what().equals("page")).toList();
		List<Request> failed = all.stream().filter(Request::failed).toList();
		// In flight on the killed node: sent before the process was gone (a killed JVM takes a moment to go, and its
		// port takes connections until it has), and answered by the balancer for that node (its 502) or not answered
		// at all. A request the node had taken on a connection the client kept alive gets no answer: HAProxy closes the
		// client's connection as a server closing a kept-alive one does, so that the client may send it again, and
		// names no node. Only the killed node died, so such a request that spans its death was its own.
		Long gone = moment("gone") != null ? moment("gone") : killed;
		List<Request> inFlight = failed.stream()
			.filter(r -> killed != null && r.start() <= gone && !r.signedOut()
					&& (r.node().equals(victim) || r.status() == 0 && r.end() >= killed))
			.toList();
		long signedOut = all.stream().filter(Request::signedOut).count();
		Map<String, Long> byNode = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Request::node, Collectors.counting())));
		Map<String, Long> afterBack = new TreeMap<>(all.stream().filter(r -> back != null && r.start() > back)
			.collect(Collectors.groupingBy(Request::node, Collectors.counting())));
		long end = all.stream().mapToLong(Request::end).max().orElse(start);

		System.out.printf("drive.run=%s%n", run);
		System.out.printf("drive.balancer=%s%n", base);
		System.out.printf("drive.seconds=%.1f%n", (end - start) / 1000.0);
		if (killed != null) {
			System.out.printf("node.killed=%s at +%.3f s (SIGKILL)%n", victim, (killed - start) / 1000.0);
			Long ended = moment("gone");
			if (ended != null) {
				System.out.printf("node.gone=+%.3f s (its process ended, %d ms after the signal)%n", (ended - start) / 1000.0,
						ended - killed);
			}
			System.out.printf("node.back=%s%n", back == null ? "never" : "+%.1f s".formatted((back - start) / 1000.0));
		}
		System.out.printf("requests.total=%d%n", all.size());
		System.out.printf("requests.by-node=%s%n", byNode);
		System.out.printf("requests.by-node-after-restart=%s%n", afterBack);
		System.out.printf("cabinet.debtors=%d%n", debtors);
		System.out.printf("cabinet.pages=%d%n", pagesServed.size());
		System.out.printf("cabinet.pages-failed=%d%n", pagesServed.stream().filter(Request::failed).count());
		System.out.printf("cabinet.signed-out=%d%n", signedOut);
		System.out.printf("events.source=%s%n", feed.source);
		System.out.printf("events.batches=%d%n", feed.batches);
		System.out.printf("events.sent=%d%n", feed.sent);
		System.out.printf("events.batches-sent-again=%d%n", feed.resent);
		System.out.printf("requests.failed=%d%n", failed.size());
		System.out.printf("requests.failed-in-flight-on-killed-node=%d%n", inFlight.size());
		for (Request r : failed) {
			System.out.printf("  failed: %s at +%.3f s (%d ms) node %s: %s%s%n", r.what(), (r.start() - start) / 1000.0,
					r.end() - r.start(), r.node().equals("?") ? "unnamed" : r.node(), r.signedOut() ? "signed out" : r.error(),
					inFlight.contains(r) ? " (in flight on the killed node)" : "");
		}
		boolean ok = failed.size() == inFlight.size() && signedOut == 0 && !feed.gaveUp;
		System.out.println(ok ? "drive.verdict=OK: no request failed but those in flight on the killed node; no debtor signed out"
				: "drive.verdict=FAILED");
		return ok ? 0 : 1;
	}

	// --- Setting up: the registry, the staff sign-in, the debtors' sign-in ------------------------------------------

	void uploadRegistry(List<Debtor> debtors) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String key = "Bearer " + need("tenant.api-key");
		HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/portfolios"))
			.header("Authorization", key).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Кластер: проверка\"}", StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (made.statusCode() != 200 && made.statusCode() != 201) {
			throw new IllegalStateException("POST /api/v1/portfolios answered " + made.statusCode() + ": " + made.body());
		}
		String portfolio = group(Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\""), made.body());
		StringBuilder csv = new StringBuilder(
				"ФИО;Дата рождения;Телефон;Номер договора;Дата договора;Первоначальный кредитор;Сумма основного долга\n");
		int n = 0;
		for (Debtor debtor : debtors) {
			csv.append(debtor.fullName()).append(';').append(debtor.birthDate()).append(';').append(debtor.phone())
				.append(";КЛ-").append(run).append('-').append(++n).append(";01.02.2024;ООО МФК «Заём»;25000,00\n");
		}
		HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/portfolios/" + portfolio
				+ "/uploads?fileName=cluster-" + run + ".csv"))
			.header("Authorization", key).header("Content-Type", "text/csv; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (upload.statusCode() != 202) {
			throw new IllegalStateException("the registry's upload answered " + upload.statusCode() + ": " + upload.body());
		}
		String location = upload.headers().firstValue("Location").orElseThrow();
		for (int i = 0; i < 120; i++) {
			HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base).resolve(location))
				.header("Authorization", key).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String state = group(Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\""), status.body());
			if (state.equals("DONE")) {
				String rejected = group(Pattern.compile("\"rejected\"\\s*:\\s*(\\d+)"), status.body());
				if (!rejected.equals("0")) {
					throw new IllegalStateException("the registry's rows were rejected: " + status.body());
				}
				return;
			}
			if (!state.equals("RUNNING")) {
				throw new IllegalStateException("the registry's upload ended " + state + ": " + status.body());
			}
			sleep(500);
		}
		throw new IllegalStateException("the registry's upload did not finish in a minute");
	}

	void signInStaff(Browser browser, String login, String password) throws Exception {
		HttpResponse<String> form = browser.get("/login");
		HttpResponse<String> signedIn = browser.post("/login",
				Map.of("username", login, "password", password, "_csrf", csrf(form)));
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("blocked")) {
			throw new IllegalStateException("the operator's sign-in answered " + signedIn.statusCode() + " " + location);
		}
	}

	void signInDebtor(Browser browser, Browser operator, String door, Debtor debtor) throws Exception {
		HttpResponse<String> started = browser.post(door + "/sign-in",
				Map.of("fullName", debtor.fullName(), "phone", debtor.phone(), "_csrf", csrf(browser.get(door))));
		if (!started.headers().firstValue("Location").orElse("").endsWith(door + "/code")) {
			throw new IllegalStateException("the cabinet's sign-in answered " + started.statusCode() + " "
					+ started.headers().firstValue("Location").orElse(""));
		}
		String code = null;
		for (int i = 0; i < 60 && code == null; i++) {
			code = textedCode(operator, debtor);
			if (code == null) {
				sleep(500);
			}
		}
		if (code == null) {
			throw new IllegalStateException("no code texted to " + debtor.phone() + " on the operator's outbox in 30 s");
		}
		HttpResponse<String> confirmed = browser.post(door + "/code",
				Map.of("code", code, "_csrf", csrf(browser.get(door + "/code"))));
		if (!confirmed.headers().firstValue("Location").orElse("").endsWith(door + "/home")) {
			throw new IllegalStateException("the code was not taken: " + confirmed.statusCode() + " "
					+ confirmed.headers().firstValue("Location").orElse(""));
		}
	}

	/** The code of the newest text to the debtor's number on «SMS-ящик» (newest first), if there is one yet. */
	String textedCode(Browser operator, Debtor debtor) throws Exception {
		HttpResponse<String> outbox = operator.get("/operator/sms-outbox");
		expect(outbox, 200, "the operator's SMS outbox");
		for (String row : outbox.body().split("<tr")) {
			if (row.contains(debtor.maskedEnd() + "<")) {
				String[] cells = row.split("<td");
				Matcher code = CODE.matcher(cells[cells.length - 1]);
				String found = null;
				while (code.find()) {
					found = code.group(1);
				}
				return found;
			}
		}
		return null;
	}

	// --- Helpers ----------------------------------------------------------------------------------------------------

	String need(String key) {
		String value = credentials.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(key + " is not in the credentials: run scripts/cluster up");
		}
		return value;
	}

	Long moment(String name) {
		try {
			Path file = directory.resolve(name);
			return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : null;
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
	}

	static String csrf(HttpResponse<String> page) {
		Matcher m = CSRF.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + page.uri() + " (" + page.statusCode() + ")");
		}
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + " answered " + response.statusCode());
		}
	}

	static String group(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no " + pattern + " in " + text);
		}
		return m.group(1);
	}

	static String randomPhone() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "+7 916 %03d-%02d-%02d".formatted(random.nextInt(1000), random.nextInt(100), random.nextInt(100));
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
