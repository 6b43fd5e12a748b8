package ru.kredo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A bare Tomcat (no Kredo) with the forwarded-header settings, spoken to over real HTTP from 127.0.0.1: what it
 * believes of a client's X-Forwarded-* headers with and without a trusted proxy.
 */
class TrustedProxiesTests {

	private final HttpClient http = HttpClient.newHttpClient();
	private WebServer server;

	@AfterEach
	void stop() {
		if (server != null) {
			server.stop();
		}
	}

	@Test
	void withNoTrustedProxyForwardedHeadersAreIgnored() throws Exception {
		int port = start(List.of());

		HttpResponse<String> answer = forwarded(port);

		assertThat(answer.body()).isEqualTo("addr=127.0.0.1 secure=false host=localhost");
		assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContainIgnoringCase("secure");
	}

	@Test
	void aTrustedProxysHeadersAreBelievedAndMakeTheSessionCookieSecure() throws Exception {
		int port = start(List.of("127.0.0.1", "::1"));

		HttpResponse<String> answer = forwarded(port);

		assertThat(answer.body()).isEqualTo("addr=203.0.113.7 secure=true host=kredo.example");
		assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).contains("JSESSIONID").containsIgnoringCase("Secure");
	}

	@Test
	void anotherProxysHeadersAreNotBelieved() throws Exception {
		int port = start(List.of("10.0.0.5"));

		assertThat(forwarded(port).body()).isEqualTo("addr=127.0.0.1 secure=false host=localhost");
	}

	@Test
	void anAddressIsMatchedExactly() {
		TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.5", "::1"));

		assertThat(proxies.trusts("10.0.0.5")).isTrue();
		assertThat(proxies.trusts("10.0.0.50")).isFalse();
		assertThat(proxies.trusts("10.0.0.4")).isFalse();
		assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(proxies.trusts("::2")).isFalse();
		assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'proxy.internal'").hasMessageContaining("host names are not taken");
		assertThat(new TrustedProxies(List.of(" ")).valve()).isNull();
	}

	@Test
	void aRangeTakesEveryAddressInItAndNoOther() {
		TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", " 192.168.4.0/22 ", "fd00::/8", "2001:db8:ab::/48"));

		assertThat(proxies.trusts("10.0.0.1")).isTrue();
		assertThat(proxies.trusts("10.255.255.254")).isTrue();
		assertThat(proxies.trusts("11.0.0.1")).isFalse();
		assertThat(proxies.trusts("192.168.7.200")).isTrue();
		assertThat(proxies.trusts("192.168.8.1")).isFalse();
		assertThat(proxies.trusts("fd12:3456::1")).isTrue();
		assertThat(proxies.trusts("fe80::1")).isFalse();
		assertThat(proxies.trusts("2001:db8:ab:ffff::7")).isTrue();
		assertThat(proxies.trusts("2001:db8:ac::7")).isFalse();
		// An IPv4 client on a dual-stack socket, or in X-Forwarded-For, written as IPv4-mapped IPv6 is that IPv4 address.
		assertThat(proxies.trusts("::ffff:10.1.2.3")).isTrue();
		assertThat(proxies.trusts("::ffff:11.1.2.3")).isFalse();
		assertThat(proxies.ranges()).containsExactly("10.0.0.0/8", "192.168.4.0/22", "fd00:0:0:0:0:0:0:0/8", "2001:db8:ab:0:0:0:0:0/48");
	}

	@Test
	void aRangeThatWouldBelieveEveryoneIsRefusedAtStartWithTheReason() {
		for (String everyone : List.of("0.0.0.0/0", "::/0", "10.0.0.0/7", "128.0.0.0/1", "2000::/3", "2a00::/8", "fc00::/7")) {
			assertThatThrownBy(() -> new TrustedProxies(List.of("127.0.0.1", everyone))).as(everyone)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("kredo.trusted-proxies: '" + everyone + "' is wider than /");
		}
		for (String bad : List.of("10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "::1/129", "10.0.0.0/x",
				"10.0.0.0/ 8", "300.1.1.1", "10.0.0.0/8;80", "::ffff:10.0.0.0/104", "*", "10.*")) {
			assertThatThrownBy(() -> new TrustedProxies(List.of(bad))).as(bad)
				.isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("kredo.trusted-proxies: '");
		}
		// The narrowest allowed widths.
		assertThat(new TrustedProxies(List.of("10.0.0.0/8", "2001:db8::/16", "fd00::/8")).ranges()).hasSize(3);
	}

	@Test
	void aProxyInATrustedRangeIsBelieved() throws Exception {
		int port = start(List.of("127.0.0.0/8"));

		HttpResponse<String> answer = forwarded(port);

		assertThat(answer.body()).isEqualTo("addr=203.0.113.7 secure=true host=kredo.example");
	}

	@Test
	void aProxyOutsideTheTrustedRangesIsNot() throws Exception {
		int port = start(List.of("10.0.0.0/8", "fd00::/8"));

		assertThat(forwarded(port).body()).isEqualTo("addr=127.0.0.1 secure=false host=localhost");
	}

	@Test
	void aProxyOverIpv6IsBelievedByItsRange() throws Exception {
		int port = start(List.of("::1/128"));

		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://[::1]:" + port + "/"))
			.header("X-Forwarded-For", "2001:db8::7").build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.body()).startsWith("addr=2001:db8:0:0:0:0:0:7 ");
	}

	@Test
	void aChainOfProxiesInTheRangeIsWalkedToTheClient() throws Exception {
		int port = start(List.of("127.0.0.0/8"));

		// A client's own claim (left), the client as the first proxy saw him, then a second proxy, written IPv4-mapped.
		assertThat(forwardedFor(port, "198.51.100.1, 203.0.113.9, ::ffff:127.0.0.5")).startsWith("addr=203.0.113.9 ");
		assertThat(forwardedFor(port, "203.0.113.9,127.0.0.5,  127.0.0.6")).startsWith("addr=203.0.113.9 ");
	}

	@Test
	void onlyAddressesInXForwardedForAreWalkedAndAPortIsNotAnotherClient() throws Exception {
		int port = start(List.of("127.0.0.0/8"));

		// What the proxy cannot vouch for ends the walk: the client is who wrote it, never a name looked up in the DNS.
		assertThat(forwardedFor(port, "unknown")).startsWith("addr=127.0.0.1 ");
		assertThat(forwardedFor(port, "203.0.113.9, localhost")).startsWith("addr=127.0.0.1 ");
		assertThat(forwardedFor(port, "203.0.113.9, unknown, 127.0.0.5")).startsWith("addr=127.0.0.5 ");
		assertThat(forwardedFor(port, "300.1.1.1")).startsWith("addr=127.0.0.1 ");
		assertThat(forwardedFor(port, "203.0.113.9:4711")).startsWith("addr=203.0.113.9 ");
		assertThat(forwardedFor(port, "[2001:db8::7]:4711")).startsWith("addr=2001:db8:0:0:0:0:0:7 ");
		assertThat(forwardedFor(port, " ,203.0.113.9 ,, ")).startsWith("addr=203.0.113.9 ");
		assertThat(TrustedProxies.AddressesOnly.addressesOnly("198.51.100.1, 1.2.3, ::ffff:127.0.0.5"))
			.isEqualTo("127.0.0.5");
		assertThat(TrustedProxies.AddressesOnly.addressesOnly("fe80::1%eth0, 10.0.0.1")).isEqualTo("10.0.0.1");
	}

	private String forwardedFor(int port, String value) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).header("X-Forwarded-For", value)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private HttpResponse<String> forwarded(int port) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "kredo.example")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int start(List<String> proxies) {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		new TrustedProxies(proxies).customize(factory);
		server = factory.getWebServer(context -> context.addServlet("echo", new Echo()).addMapping("/*"));
		server.start();
		return server.getPort();
	}

	static class Echo extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			request.getSession();
			response.getWriter().print("addr=" + request.getRemoteAddr() + " secure=" + request.isSecure() + " host="
					+ request.getServerName());
		}
	}
}
