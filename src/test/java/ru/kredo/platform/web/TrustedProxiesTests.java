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
	void proxiesAreAddressesMatchedExactly() {
		String pattern = TrustedProxies.pattern(List.of("10.0.0.5", "::1"));

		assertThat("10.0.0.5").matches(pattern);
		assertThat("10.0.0.50").doesNotMatch(pattern);
		assertThat("10a0a0a5").doesNotMatch(pattern);
		assertThat("0:0:0:0:0:0:0:1").matches(pattern);
		assertThatThrownBy(() -> TrustedProxies.pattern(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
		assertThat(new TrustedProxies(List.of(" ")).valve()).isNull();
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
