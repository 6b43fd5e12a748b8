package ru.kredo.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.crm.FakeBitrix24;

/** The Bitrix24 client against a stand-in that follows Bitrix24's published OAuth and REST documentation. */
class Bitrix24ClientTests {

	static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

	private FakeBitrix24 bitrix;

	@AfterEach
	void stop() {
		bitrix.stop();
	}

	private Bitrix24Client client(int perSecond) {
		return client(perSecond, true);
	}

	private Bitrix24Client client(int perSecond, boolean allowPrivate) {
		return new Bitrix24Client(new Bitrix24Properties("http://{portal}", "http://{portal}", Duration.ofSeconds(5),
				Duration.ofSeconds(5), 20, 8, Duration.ofSeconds(30), Duration.ofSeconds(2), perSecond,
				Duration.ofMinutes(1), allowPrivate), JsonMapper.builder().build());
	}

	private Bitrix24Client.Tokens connect(Bitrix24Client client) {
		return client.exchangeCode(bitrix.portal(), FakeBitrix24.CLIENT_ID, FakeBitrix24.CLIENT_SECRET,
				bitrix.issueCode(), NOW);
	}

	private static ObjectNode contactId(Bitrix24Client client, long id) {
		ObjectNode parameters = client.parameters();
		parameters.putObject("filter").put("ID", id);
		return parameters;
	}

	@Test
	void exchangesTheCodeOnceAndEachRefreshSpendsTheRefreshToken() {
		bitrix = FakeBitrix24.start();
		Bitrix24Client client = client(2);
		String code = bitrix.issueCode();

		Bitrix24Client.Tokens first = client.exchangeCode(bitrix.portal(), FakeBitrix24.CLIENT_ID,
				FakeBitrix24.CLIENT_SECRET, code, NOW);

		assertThat(first.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
		assertThat(first.restEndpoint()).isEqualTo("http://" + bitrix.portal() + "/rest/");
		assertThatThrownBy(() -> client.exchangeCode(bitrix.portal(), FakeBitrix24.CLIENT_ID, FakeBitrix24.CLIENT_SECRET,
				code, NOW)).isInstanceOfSatisfying(Bitrix24Exception.class, ex -> {
					assertThat(ex.status()).isEqualTo(400);
					assertThat(ex.error()).isEqualTo("invalid_grant");
				});
		Bitrix24Client.Tokens second = client.refresh(bitrix.portal(), FakeBitrix24.CLIENT_ID, FakeBitrix24.CLIENT_SECRET,
				first.refreshToken(), NOW);
		assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
		// Rotation: the spent refresh token is refused.
		assertThatThrownBy(() -> client.refresh(bitrix.portal(), FakeBitrix24.CLIENT_ID, FakeBitrix24.CLIENT_SECRET,
				first.refreshToken(), NOW)).isInstanceOf(Bitrix24Exception.class);
	}

	@Test
	void refusesTokensWhoseRestAddressIsAnotherPortals() {
		bitrix = FakeBitrix24.start();
		bitrix.answerForAnotherPortal("https://evil.example/rest/");

		assertThatThrownBy(() -> connect(client(2))).isInstanceOfSatisfying(Bitrix24Exception.class,
				ex -> assertThat(ex.error()).isEqualTo("portal_mismatch"));
	}

	@Test
	void anExpiredAccessTokenIsExpiredTokenAndAMethodsRefusalIsDefinitive() {
		bitrix = FakeBitrix24.start();
		Bitrix24Client client = client(2);
		Bitrix24Client.Tokens tokens = connect(client);

		JsonNode none = client.call(bitrix.portal(), tokens.accessToken(), "crm.contact.list", contactId(client, 42));
		assertThat(none.path("result")).isEmpty();
		assertThat(none.path("total").asInt()).isZero();
		ObjectNode untitled = client.parameters();
		untitled.putObject("fields").put("RESPONSIBLE_ID", 1);
		assertThatThrownBy(() -> client.call(bitrix.portal(), tokens.accessToken(), "tasks.task.add", untitled))
			.isInstanceOfSatisfying(Bitrix24Exception.class, ex -> assertThat(ex.definitive()).isTrue());
		bitrix.expireAccessTokens();

		assertThatThrownBy(() -> client.call(bitrix.portal(), tokens.accessToken(), "crm.contact.list",
				contactId(client, 42)))
			.isInstanceOfSatisfying(Bitrix24Exception.class, ex -> {
				assertThat(ex.tokenExpired()).isTrue();
				assertThat(ex.definitive()).isFalse();
			});
	}

	/**
	 * A portal is a tenant's address (an on-premise portal's own name): one in Kredo's own network — written as an
	 * address, or a name that resolves there, as a rebound DNS name would — is never called, and nothing is sent.
	 */
	@Test
	void aPortalInAPrivateNetworkIsNeverCalled() {
		bitrix = FakeBitrix24.start();
		Bitrix24Client.Tokens tokens = connect(client(2));
		Bitrix24Client guarded = client(1000, false);
		int port = Integer.parseInt(bitrix.portal().substring(bitrix.portal().lastIndexOf(':') + 1));
		int before = bitrix.requests().size();

		for (String portal : new String[] { bitrix.portal(), "localhost:" + port, "localhost.:" + port,
				"0x7f.1:" + port, "0177.0.0.1:" + port, "127.1:" + port }) {
			assertThatThrownBy(() -> guarded.call(portal, tokens.accessToken(), "crm.contact.list",
					contactId(guarded, 42)))
				.as(portal)
				.isInstanceOfSatisfying(Bitrix24Exception.class, ex -> {
					assertThat(ex.error()).isEqualTo("portal_private");
					assertThat(ex.definitive()).isTrue();
				});
		}
		// A name of the tenant's whose DNS answers a private address (a rebinding): refused before any connection.
		Bitrix24Client rebound = new Bitrix24Client(new Bitrix24Properties("http://{portal}", "http://{portal}",
				Duration.ofSeconds(5), Duration.ofSeconds(5), 20, 8, Duration.ofSeconds(30), Duration.ofSeconds(2), 1000,
				Duration.ofMinutes(1), false), JsonMapper.builder().build(), host -> {
					assertThat(host).isEqualTo("b24.broker.example");
					return new java.net.InetAddress[] { java.net.InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 5 }),
							java.net.InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) };
				});
		assertThatThrownBy(() -> rebound.call("b24.broker.example:" + port, tokens.accessToken(), "crm.contact.list",
				contactId(rebound, 42)))
			.isInstanceOfSatisfying(Bitrix24Exception.class, ex -> assertThat(ex.error()).isEqualTo("portal_private"));
		assertThat(bitrix.requests()).as("nothing reached the private address").hasSize(before);
	}

	/** A portal that answers a byte at a time holds a delivery no longer than the timeout, for the whole answer. */
	@Test
	void aPortalThatDripsItsAnswerIsCutOffWhenTheTimeIsUp() throws Exception {
		bitrix = FakeBitrix24.start();
		try (java.net.ServerSocket dripping = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			Thread server = Thread.ofVirtual().start(() -> {
				try (java.net.Socket client = dripping.accept()) {
					client.getInputStream().read(new byte[8192]);
					byte[] answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"result\":[]}"
						.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
					for (byte b : answer) {
						client.getOutputStream().write(b);
						client.getOutputStream().flush();
						Thread.sleep(200);
					}
				}
				catch (java.io.IOException | InterruptedException ended) {
					// the client hung up
				}
			});
			Bitrix24Client client = new Bitrix24Client(new Bitrix24Properties("http://{portal}", "http://{portal}",
					Duration.ofMillis(600), Duration.ofSeconds(5), 20, 8, Duration.ofSeconds(30), Duration.ofSeconds(2),
					1000, Duration.ofMinutes(1), true), JsonMapper.builder().build());
			long started = System.nanoTime();

			assertThatThrownBy(() -> client.call("127.0.0.1:" + dripping.getLocalPort(), "token", "crm.contact.list",
					client.parameters()))
				.isInstanceOfSatisfying(Bitrix24Exception.class, ex -> {
					assertThat(ex.status()).isZero();
					assertThat(ex.definitive()).as("tried again later").isFalse();
				});
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("600 ms for the whole answer; dripped, 17 s")
				.isLessThan(Duration.ofSeconds(3));
			server.interrupt();
		}
	}

	/** The page's check when the portal is saved: the same networks, the port aside; a public address passes. */
	@Test
	void aPortalTypedIntoAPrivateNetworkIsToldApartWhenSaved() {
		bitrix = FakeBitrix24.start();
		Bitrix24Client guarded = client(2, false);

		for (String portal : new String[] { "127.0.0.1", "127.0.0.1:8080", "169.254.169.254", "10.0.0.5:443",
				"192.168.1.10", "100.64.0.1", "0x7f.1", "127.0.1", "0177.1", "localhost", "localhost." }) {
			assertThat(guarded.inPrivateNetwork(portal)).as(portal).isTrue();
		}
		assertThat(guarded.inPrivateNetwork("8.8.8.8:443")).isFalse();
		assertThat(guarded.inPrivateNetwork("no-such-portal.invalid")).as("unresolved: checked at each call").isFalse();
		assertThat(client(2, true).inPrivateNetwork("127.0.0.1")).as("allowed by the setting").isFalse();
	}

	@Test
	void pacesItsRequestsUnderTheLeakyBucketThatDrainsTwoASecond() {
		// A bucket of 3: a fourth request in a burst is refused, requests at the drain rate never are.
		bitrix = FakeBitrix24.start(3);
		Bitrix24Client client = client(2);
		Bitrix24Client.Tokens tokens = connect(client);

		for (int i = 0; i < 8; i++) {
			client.call(bitrix.portal(), tokens.accessToken(), "crm.contact.list", contactId(client, i));
		}
		assertThat(bitrix.limited()).isZero();

		Bitrix24Client unpaced = client(1000);
		assertThatThrownBy(() -> {
			for (int i = 0; i < 8; i++) {
				unpaced.call(bitrix.portal(), tokens.accessToken(), "crm.contact.list", contactId(unpaced, i));
			}
		}).isInstanceOfSatisfying(Bitrix24Exception.class, ex -> {
			assertThat(ex.status()).isEqualTo(503);
			assertThat(ex.rateLimited()).isTrue();
		});
	}

	@Test
	void listsComeFiftyAtATimeWithNextForTheStartOfTheFollowingPage() {
		bitrix = FakeBitrix24.start();
		Bitrix24Client client = client(1000);
		Bitrix24Client.Tokens tokens = connect(client);
		for (int i = 1; i <= 60; i++) {
			bitrix.addContact(100 + i, 7, "Клиент " + i);
		}

		JsonNode first = client.call(bitrix.portal(), tokens.accessToken(), "crm.contact.list", client.parameters());
		ObjectNode following = client.parameters();
		following.put("start", first.path("next").asInt());
		JsonNode second = client.call(bitrix.portal(), tokens.accessToken(), "crm.contact.list", following);

		assertThat(first.path("result")).hasSize(50);
		assertThat(first.path("total").asInt()).isEqualTo(60);
		assertThat(second.path("result")).hasSize(10);
		assertThat(second.has("next")).isFalse();
	}
}
