package ru.kredo.contacting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tenancy.TenantId;

/**
 * SMS.ru takes the sender name per message (137-ФЗ: the agency's registered name), the platform's setting where the
 * agency has none; its published answer still decides whether the text was accepted.
 */
class SmsRuGatewayTests {

	private HttpServer server;
	private final List<String> queries = new CopyOnWriteArrayList<>();
	private volatile String answer = "{\"status\":\"OK\",\"status_code\":100}";

	@BeforeEach
	void aStandInForSmsRu() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/sms/send", exchange -> {
			queries.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
			byte[] body = answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private SmsRuGateway gateway(String platformSender) {
		return new SmsRuGateway("http://127.0.0.1:" + server.getAddress().getPort(), "key", platformSender);
	}

	@Test
	void theAgencysSenderGoesAsFromPerMessageElseThePlatforms() {
		TenantId tenant = new TenantId(UUID.randomUUID());
		PhoneNumber phone = PhoneNumber.parse("+7 916 555-12-34");
		gateway("Kredo").send(tenant, phone, "Текст", "Vozvrat");
		gateway("Kredo").send(tenant, phone, "Текст", null);
		gateway("").send(tenant, phone, "Текст", null);

		assertThat(queries).hasSize(3);
		assertThat(queries.get(0)).contains("from=Vozvrat", "to=79165551234", "msg=Текст", "json=1");
		assertThat(queries.get(1)).contains("from=Kredo");
		assertThat(queries.get(2)).doesNotContain("from=");
	}

	@Test
	void anAnswerOtherThanOkIsARefusal() {
		answer = "{\"status\":\"ERROR\",\"status_code\":202,\"status_text\":\"Неправильно указан получатель\"}";
		assertThatThrownBy(() -> gateway("").send(new TenantId(UUID.randomUUID()), PhoneNumber.parse("+7 916 555-12-34"),
				"Текст", "Vozvrat")).isInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
	}
}
