package ru.kredo.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.crm.FakeAmoCrm;

/** The amoCRM client against a stand-in that follows amoCRM's published OAuth and API v4 documentation. */
class AmoCrmClientTests {

	static final String REDIRECT = "https://kredo.example/crm/amocrm/callback";
	static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

	private FakeAmoCrm amo;

	@BeforeEach
	void start() {
		amo = FakeAmoCrm.start();
	}

	@AfterEach
	void stop() {
		amo.stop();
	}

	private AmoCrmClient client(int perSecond) {
		return new AmoCrmClient(new AmoCrmProperties(amo.baseUrl(), "https://www.amocrm.ru/oauth", Duration.ofSeconds(5),
				Duration.ofSeconds(5), 20, 8, Duration.ofSeconds(30), Duration.ofSeconds(2), perSecond,
				Duration.ofMinutes(5)), JsonMapper.builder().build());
	}

	@Test
	void exchangesTheCodeOnceAndEachRefreshSpendsTheRefreshToken() {
		AmoCrmClient client = client(7);
		String code = amo.issueCode(REDIRECT);

		AmoCrmClient.Tokens first = client.exchangeCode("broker", FakeAmoCrm.CLIENT_ID, FakeAmoCrm.CLIENT_SECRET, REDIRECT,
				code, NOW);

		assertThat(first.expiresAt()).isEqualTo(NOW.plusSeconds(86400));
		assertThatThrownBy(() -> client.exchangeCode("broker", FakeAmoCrm.CLIENT_ID, FakeAmoCrm.CLIENT_SECRET, REDIRECT,
				code, NOW)).isInstanceOfSatisfying(AmoCrmException.class, ex -> assertThat(ex.status()).isEqualTo(400));
		AmoCrmClient.Tokens second = client.refresh("broker", FakeAmoCrm.CLIENT_ID, FakeAmoCrm.CLIENT_SECRET, REDIRECT,
				first.refreshToken(), NOW);
		assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
		// Rotation: the spent refresh token is refused.
		assertThatThrownBy(() -> client.refresh("broker", FakeAmoCrm.CLIENT_ID, FakeAmoCrm.CLIENT_SECRET, REDIRECT,
				first.refreshToken(), NOW)).isInstanceOf(AmoCrmException.class);
	}

	@Test
	void anExpiredAccessTokenIsA401AndAnEmptyAnswerIsNothingFound() {
		AmoCrmClient client = client(7);
		AmoCrmClient.Tokens tokens = client.exchangeCode("broker", FakeAmoCrm.CLIENT_ID, FakeAmoCrm.CLIENT_SECRET,
				REDIRECT, amo.issueCode(REDIRECT), NOW);

		assertThat(client.get("broker", tokens.accessToken(), "/api/v4/contacts/42")).isNull();
		amo.expireAccessTokens();

		assertThatThrownBy(() -> client.get("broker", tokens.accessToken(), "/api/v4/contacts/42"))
			.isInstanceOfSatisfying(AmoCrmException.class, ex -> assertThat(ex.unauthorized()).isTrue());
	}

	@Test
	void pacesItsRequestsUnderAmoCrmsLimitOfSevenASecond() {
		AmoCrmClient client = client(7);
		AmoCrmClient.Tokens tokens = client.exchangeCode("broker", FakeAmoCrm.CLIENT_ID, FakeAmoCrm.CLIENT_SECRET,
				REDIRECT, amo.issueCode(REDIRECT), NOW);

		for (int i = 0; i < 15; i++) {
			client.get("broker", tokens.accessToken(), "/api/v4/contacts/" + i);
		}
		// Unpaced, the eighth request in a second is a 429.
		AmoCrmClient unpaced = client(1000);
		assertThatThrownBy(() -> {
			for (int i = 0; i < 15; i++) {
				unpaced.get("broker", tokens.accessToken(), "/api/v4/contacts/" + i);
			}
		}).isInstanceOfSatisfying(AmoCrmException.class, ex -> assertThat(ex.rateLimited()).isTrue());
	}

	@Test
	void followsNextLinksOnlyOnTheAccountsOwnAddress() {
		AmoCrmClient client = client(7);
		AmoCrmClient.Tokens tokens = client.exchangeCode("broker", FakeAmoCrm.CLIENT_ID, FakeAmoCrm.CLIENT_SECRET,
				REDIRECT, amo.issueCode(REDIRECT), NOW);
		for (int i = 1; i <= 3; i++) {
			amo.addContact(100 + i, 7, "Клиент " + i, "+7 999 000-00-0" + i);
		}

		JsonNode first = client.get("broker", tokens.accessToken(), "/api/v4/contacts?limit=2&query=999");
		JsonNode second = client.follow("broker", tokens.accessToken(),
				first.path("_links").path("next").path("href").asString());

		assertThat(first.path("_embedded").path("contacts")).hasSize(2);
		assertThat(second.path("_embedded").path("contacts").path(0).path("id").asLong()).isEqualTo(103);
		assertThat(second.path("_links").has("next")).isFalse();
		assertThatThrownBy(() -> client.follow("broker", tokens.accessToken(), "https://evil.example/api/v4/contacts"))
			.isInstanceOf(AmoCrmException.class);
	}
}
