package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

import ru.kredo.Nodes.Browser;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Kredo on two nodes behind one balancer, on one PostgreSQL (docs/scaling.md): a member of staff and a debtor who
 * signed in through one node are served by the other with the same cookie, and still after the first node is gone —
 * the session is in the database, not in a node. The limits that protect people are one count for both nodes: a
 * guesser who alternates nodes gets the tries one node allows, no more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatelessNodesIntegrationTests {

	// Low limits, the same on both nodes, so that a test reaches them in a few requests.
	private static final int SIGN_INS_PER_ADDRESS = 6;
	private static final int CHECKS_PER_ADDRESS = 4;

	private static ConfigurableApplicationContext a;
	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoNodes() {
		String[] settings = { "--kredo.trusted-proxies=127.0.0.1",
				"--kredo.sign-in.per-address=" + SIGN_INS_PER_ADDRESS,
				"--kredo.verify.per-address=" + CHECKS_PER_ADDRESS };
		a = Nodes.start(settings);
		b = Nodes.start(settings);
	}

	@AfterAll
	static void stopNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { a, b }) {
			if (node != null && node.isActive()) {
				node.close();
			}
		}
	}

	// Last: it stops node A.
	@Test
	@Order(Integer.MAX_VALUE)
	void whoSignedInThroughOneNodeIsServedByTheOtherAndStaysSignedInWhenTheFirstStops() {
		Fixtures fixtures = b.getBean(Fixtures.class);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		fixtures.contact(agency);

		// Staff: signs in through A, reads the dashboard through B.
		Browser staff = new Browser(Nodes.someAddress());
		String csrf = Browser.csrf(staff.get(a, "/login"));
		HttpResponse<String> signedIn = staff.post(a, "/login", csrf,
				Map.of("username", broker.admin().email().value(), "password", Fixtures.PASSWORD));
		assertThat(Browser.location(signedIn)).isEqualTo("/");
		assertThat(staff.cookie("JSESSIONID")).as("the session cookie, as before").isNotNull();
		assertThat(staff.cookie("SESSION")).as("Spring Session's cookie keeps the servlet container's name").isNull();
		assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
			.singleElement().asString().contains("HttpOnly", "SameSite=Lax");
		assertThat(staff.get(b, "/").statusCode()).as("node B knows the session node A started").isEqualTo(200);

		// A debtor: the door and his code through A, the code step through B (the started sign-in waits in the
		// session), his home through A.
		String door = "/cabinet/" + agency.tenant().id().value();
		Browser guest = new Browser(Nodes.someAddress());
		HttpResponse<String> started = guest.post(a, door + "/sign-in", Browser.csrf(guest.get(a, door)),
				Map.of("fullName", "Семёнова Анна Петровна", "phone", "+7 916 555-12-34"));
		assertThat(Browser.location(started)).isEqualTo(door + "/code");
		HttpResponse<String> codeStep = guest.get(b, door + "/code");
		assertThat(codeStep.statusCode()).as("node B shows the code step of the sign-in node A started").isEqualTo(200);
		String code = a.getBean(TextedCodes.class).latest(agency.tenant().id(), 1);
		HttpResponse<String> confirmed = guest.post(b, door + "/code", Browser.csrf(codeStep), Map.of("code", code));
		assertThat(Browser.location(confirmed)).isEqualTo(door + "/home");
		assertThat(guest.get(a, door + "/home").statusCode()).isEqualTo(200);

		// Node A stops (a deploy, a crash): B serves both, nobody signed out.
		a.close();
		assertThat(staff.get(b, "/").statusCode()).isEqualTo(200);
		assertThat(guest.get(b, door + "/home").statusCode()).isEqualTo(200);
	}

	@Test
	void aCodeGuesserAlternatingNodesGetsTheTriesOfOneCode() {
		ConfigurableApplicationContext[] nodes = running();
		Fixtures fixtures = nodes[0].getBean(Fixtures.class);
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		fixtures.contact(agency);
		String door = "/cabinet/" + agency.tenant().id().value();
		Browser guesser = new Browser(Nodes.someAddress());
		guesser.post(nodes[0], door + "/sign-in", Browser.csrf(guesser.get(nodes[0], door)),
				Map.of("fullName", "Семёнова Анна Петровна", "phone", "+7 916 555-12-34"));
		String code = nodes[0].getBean(TextedCodes.class).latest(agency.tenant().id(), 1);
		String wrong = code.equals("000000") ? "111111" : "000000";

		// Five wrong codes (MAX_ATTEMPTS), through one node and the other in turn.
		for (int attempt = 0; attempt < 5; attempt++) {
			ConfigurableApplicationContext node = nodes[attempt % nodes.length];
			String csrf = Browser.csrf(guesser.get(node, door + "/code"));
			assertThat(Browser.location(guesser.post(node, door + "/code", csrf, Map.of("code", wrong))))
				.isEqualTo(door + "/code");
		}
		// The sixth, even the right one, through either node: refused; the guesser is not in.
		ConfigurableApplicationContext next = nodes[5 % nodes.length];
		String csrf = Browser.csrf(guesser.get(next, door + "/code"));
		assertThat(Browser.location(guesser.post(next, door + "/code", csrf, Map.of("code", code))))
			.isEqualTo(door + "/code");
		assertThat(Browser.location(guesser.get(nodes[0], door + "/home"))).isEqualTo(door);
	}

	@Test
	void aPasswordSprayerAlternatingNodesGetsTheAttemptsOfOneAddress() {
		ConfigurableApplicationContext[] nodes = running();
		Browser sprayer = new Browser(Nodes.someAddress());
		for (int attempt = 0; attempt < SIGN_INS_PER_ADDRESS; attempt++) {
			ConfigurableApplicationContext node = nodes[attempt % nodes.length];
			String csrf = Browser.csrf(sprayer.get(node, "/login"));
			assertThat(Browser.location(sprayer.post(node, "/login", csrf,
					Map.of("username", "nobody-" + UUID.randomUUID() + "@test.kredo", "password", "guess"))))
				.as("attempt %d through node %d", attempt + 1, attempt % nodes.length).isEqualTo("/login?error");
		}
		ConfigurableApplicationContext next = nodes[SIGN_INS_PER_ADDRESS % nodes.length];
		String csrf = Browser.csrf(sprayer.get(next, "/login"));
		assertThat(Browser.location(sprayer.post(next, "/login", csrf,
				Map.of("username", "nobody-" + UUID.randomUUID() + "@test.kredo", "password", "guess"))))
			.as("one attempt more than one address may make, whichever node it reaches").isEqualTo("/login?blocked");
	}

	@Test
	void aCertificateWalkerAlternatingNodesGetsTheChecksOfOneAddress() {
		ConfigurableApplicationContext[] nodes = running();
		Browser walker = new Browser(Nodes.someAddress());
		for (int check = 0; check < CHECKS_PER_ADDRESS; check++) {
			assertThat(walker.get(nodes[check % nodes.length], "/verify?code=0000-0000-%04d".formatted(check))
				.statusCode()).isEqualTo(404);
		}
		assertThat(walker.get(nodes[CHECKS_PER_ADDRESS % nodes.length], "/verify?code=0000-0000-9999").statusCode())
			.isEqualTo(429);
	}

	@Test
	void theSessionCookieIsSecureBehindAnHttpsProxyAndNeverInAnAddress() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + Nodes.port(b) + "/login"))
			.header("X-Forwarded-For", Nodes.someAddress()).header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
			.singleElement().asString().contains("HttpOnly", "SameSite=Lax", "Secure");
		assertThat(page.body()).doesNotContainIgnoringCase("jsessionid=").doesNotContainIgnoringCase("session=");
	}

	private static ConfigurableApplicationContext[] running() {
		return new ConfigurableApplicationContext[] { a, b };
	}
}
