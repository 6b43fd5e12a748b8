package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;

class PublicAddressTests {

	@Test
	void namesThePortTheServerListensOnWhenNoBaseUrlIsSet() {
		PublicAddress address = new PublicAddress("");

		address.serverStarted(started(8093));

		assertThat(address.base()).isEqualTo("http://localhost:8093");
		assertThat(address.of("/verify")).hasToString("http://localhost:8093/verify");
	}

	@Test
	void theConfiguredBaseUrlWinsWithoutItsTrailingSlash() {
		PublicAddress address = new PublicAddress("https://lk.vozvrat.ru/ ");

		address.serverStarted(started(8093));

		assertThat(address.base()).isEqualTo("https://lk.vozvrat.ru");
	}

	private static ServletWebServerInitializedEvent started(int port) {
		WebServer server = new WebServer() {
			@Override
			public void start() {
			}

			@Override
			public void stop() {
			}

			@Override
			public int getPort() {
				return port;
			}
		};
		return new ServletWebServerInitializedEvent(server, new ServletWebServerApplicationContext());
	}
}
