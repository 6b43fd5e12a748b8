package ru.kredo.cabinet;

import static java.net.URLEncoder.encode;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.bench.HttpConnection;
import ru.kredo.bench.HttpConnection.Response;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * Signs debtors in to the cabinet the way a person does, over HTTP: the door (a visitor cookie and a CSRF token), ФИО
 * and phone, the code the SMS outbox got (opened like the phone would show it), then the home page once. Each debtor
 * comes from his own address ({@code X-Forwarded-For}, which the application honours from a trusted proxy, as the
 * benchmark's loopback is configured to be), so the door's
 * per-address limit of codes treats them as the different people they are.
 */
final class BenchmarkSignIns {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern CODE_FIELD = Pattern.compile("(name=\"code\")");
	private static final Pattern CODE = Pattern.compile("»: (\\d{6})");

	private final String host;
	private final int port;
	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Contacts contacts;
	private final Debts debts;
	private final Map<String, String> codes = new HashMap<>();
	private final Set<Long> textsRead = new HashSet<>();
	private long outboxBefore;

	BenchmarkSignIns(String host, int port, JdbcClient jdbc, PersonalData personalData, Contacts contacts, Debts debts) {
		this.host = host;
		this.port = port;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.contacts = contacts;
		this.debts = debts;
	}

	/** Signs in each of {@code debtors} (indexes of {@link BenchmarkDebtors#person}) on four connections. */
	List<SignedIn> signIn(TenantId agency, List<Integer> debtors) throws Exception {
		outboxBefore = jdbc.sql("select coalesce(max(id), 0) from sms_outbox").query(Long.class).single();
		List<SignedIn> signedIn = new ArrayList<>();
		try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
			List<Future<List<SignedIn>>> parts = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				List<Integer> mine = new ArrayList<>();
				for (int i = w; i < debtors.size(); i += 4) {
					mine.add(debtors.get(i));
				}
				parts.add(workers.submit(() -> {
					List<SignedIn> done = new ArrayList<>();
					try (HttpConnection connection = new HttpConnection(host, port)) {
						for (int debtor : mine) {
							done.add(signIn(connection, agency, debtor));
						}
					}
					return done;
				}));
			}
			for (Future<List<SignedIn>> part : parts) {
				signedIn.addAll(part.get());
			}
		}
		return signedIn;
	}

	private SignedIn signIn(HttpConnection connection, TenantId agency, int i) throws IOException, InterruptedException {
		PersonDetails person = BenchmarkDebtors.person(i);
		String door = "/cabinet/" + agency.value();
		String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
		Map<String, String> cookies = new LinkedHashMap<>();

		Response page = send(connection, get(connection, door, address, cookies), cookies, 200);
		String csrf = find(CSRF, page, "the door's CSRF token");
		String name = person.name().display();
		Response started = send(connection, post(connection, door + "/sign-in", address, cookies,
				"fullName=" + encode(name, UTF_8) + "&phone=" + encode(person.phone().e164(), UTF_8) + "&_csrf=" + csrf),
				cookies, 302);
		if (!started.header("Location").endsWith(door + "/code")) {
			throw new IllegalStateException("debtor " + i + " was sent to " + started.header("Location"));
		}
		// The code step is a page of its own; the challenge it confirms waits in the session.
		page = send(connection, get(connection, door + "/code", address, cookies), cookies, 200);
		find(CODE_FIELD, page, "the code page");
		String code = codeTextedTo(agency, person.phone().e164());
		Response signedIn = send(connection, post(connection, door + "/code", address, cookies,
				"code=" + code + "&_csrf=" + csrf), cookies, 302);
		if (!signedIn.header("Location").endsWith(door + "/home")) {
			throw new IllegalStateException("debtor " + i + " was sent to " + signedIn.header("Location"));
		}

		Contact contact = contacts.findByNameAndPhone(agency, person.name(), person.phone()).getFirst();
		List<Debt> his = debts.ofContact(agency, contact.id());
		List<String> contracts = his.stream().map(Debt::contractNumber).toList();
		SignedIn debtor = new SignedIn(get(connection, door + "/home", address, cookies),
				"Здравствуйте, " + person.name().firstName() + " " + person.name().middleName() + "!", contracts,
				get(connection, door + "/debts/" + his.getFirst().id(), address, cookies), contracts.getFirst(), address,
				Map.copyOf(cookies), contact.id());
		Response home = send(connection, debtor.home(), cookies, 200);
		if (!debtor.sees(home.text())) {
			throw new IllegalStateException("debtor " + i + "'s home page lacks his name or contracts " + contracts);
		}
		return debtor;
	}

	static Response send(HttpConnection connection, byte[] request, Map<String, String> cookies, int expected)
			throws IOException {
		Response response = connection.send(request);
		if (response.status() != expected) {
			throw new IllegalStateException("HTTP " + response.status() + " instead of " + expected + ": "
					+ new String(request, UTF_8).lines().findFirst().orElse(""));
		}
		for (String cookie : response.cookies()) {
			String[] nameValue = cookie.split("=", 2);
			cookies.put(nameValue[0], nameValue[1]);
		}
		return response;
	}

	static byte[] get(HttpConnection connection, String path, String address, Map<String, String> cookies) {
		return HttpConnection.end(headers(connection.start("GET", path), address, cookies));
	}

	static byte[] post(HttpConnection connection, String path, String address, Map<String, String> cookies,
			String form) {
		byte[] body = form.getBytes(UTF_8);
		byte[] head = HttpConnection.end(headers(connection.start("POST", path), address, cookies)
			.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n"));
		byte[] request = new byte[head.length + body.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(body, 0, request, head.length, body.length);
		return request;
	}

	static StringBuilder headers(StringBuilder request, String address, Map<String, String> cookies) {
		request.append("Accept: text/html\r\nAccept-Language: ru-RU,ru;q=0.9\r\nX-Forwarded-For: ").append(address)
			.append("\r\n");
		if (!cookies.isEmpty()) {
			request.append("Cookie: ");
			cookies.forEach((name, value) -> request.append(name).append('=').append(value).append("; "));
			request.setLength(request.length() - 2);
			request.append("\r\n");
		}
		return request;
	}

	static String find(Pattern pattern, Response response, String what) {
		Matcher matcher = pattern.matcher(response.text());
		if (!matcher.find()) {
			throw new IllegalStateException("no " + what + " in: " + response.text());
		}
		return matcher.group(1);
	}

	/**
	 * The code from the development outbox's text to this phone; the SMS goes out on another thread, so it waits.
	 * Texts are read once each, by id: not by a high-water mark, since concurrent senders commit out of id order.
	 */
	private String codeTextedTo(TenantId agency, String phone) {
		return Awaitility.await("a code texted to debtor " + phone)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> readOutbox(agency, phone), Objects::nonNull);
	}

	// Reads the texts not read yet; the code for this phone, if one has come.
	private String readOutbox(TenantId agency, String phone) {
		synchronized (codes) {
			jdbc.sql("select id, phone, text from sms_outbox where tenant_id = ? and id > ? and not (id = any(?))")
				.params(agency.value(), outboxBefore, textsRead.toArray(Long[]::new))
				.query(row -> {
					textsRead.add(row.getLong("id"));
					Matcher code = CODE.matcher(personalData.open("sms_outbox.text", new Sealed(row.getBytes("text"))));
					if (code.find()) {
						codes.put(personalData.open("sms_outbox.phone", new Sealed(row.getBytes("phone"))), code.group(1));
					}
				});
			return codes.remove(phone);
		}
	}

	/**
	 * A signed-in debtor: the request for his home page (with his session and visitor cookies), and what the page
	 * must show him: his greeting and his debts' contract numbers; the request for his first debt's page, which
	 * must name its contract; and what other requests of his need (his address, cookies and contact).
	 */
	record SignedIn(byte[] home, String greeting, List<String> contracts, byte[] debtPage, String debtContract,
			String address, Map<String, String> cookies, ru.kredo.contacts.ContactId contact) {

		boolean seesHisDebt(String page) {
			return page.contains(debtContract) && page.contains("cab-back");
		}

		boolean sees(String page) {
			if (!page.contains(greeting)) {
				return false;
			}
			for (String contract : contracts) {
				if (!page.contains(contract)) {
					return false;
				}
			}
			return true;
		}
	}
}
