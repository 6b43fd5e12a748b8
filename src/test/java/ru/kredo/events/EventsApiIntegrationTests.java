package ru.kredo.events;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.IntegrationTest;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.tenancy.TenantId;

/** The bureaus' feed over REST, as a bureau sends it: a JSON array or JSON Lines. */
@IntegrationTest
class EventsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeys apiKeys;

	@Test
	void aJsonArrayIsIngestedElementByElementWithItsBadElementsRejectedAtTheirIndex() throws Exception {
		String source = "api-array-" + UUID.randomUUID();
		String feed = "Bearer " + apiKeys.issue(TenantId.PLATFORM, "Лента " + source, "test").secret();
		String array = "[" + event(source, "a1", "1.1") + ",\n" + event(source, "a2", "9.9") + ",\n"
				+ event(source, "a3", "LOAN_DISBURSED") + "]";

		mvc.perform(post("/api/v1/events").header("Authorization", feed).header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON).content(array))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(3))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected.length()").value(1))
			.andExpect(jsonPath("$.rejected[0].line").value(2))
			.andExpect(jsonPath("$.rejected[0].eventId").value("a2"))
			.andExpect(jsonPath("$.rejected[0].message").value(
					"Неизвестный тип события «9.9»: укажите имя Kredo (LOAN_DISBURSED) или код RUTDF (2.2)."));

		mvc.perform(post("/api/v1/events").header("Authorization", feed)
			.contentType(MediaType.APPLICATION_JSON).content(array))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.duplicates").value(2));
	}

	@Test
	void aBodyOfManyRejectedEventsIsAnsweredWithTheirCountAndTheFirstThousandNotEveryOne() throws Exception {
		// Three megabytes of {} were answered with 170 MB, every rejection held in memory: ten times that, the heap.
		String source = "api-many-" + UUID.randomUUID();
		String feed = "Bearer " + apiKeys.issue(TenantId.PLATFORM, "Лента " + source, "test").secret();
		StringBuilder body = new StringBuilder(event(source, "ok", "1.1")).append('\n');
		for (int i = 0; i < 2500; i++) {
			body.append("{}\n");
		}
		body.append(event(source, "ok2", "1.1").replace("\"subject\"", "\"amount\":-1,\"subject\"")).append('\n');

		mvc.perform(post("/api/v1/events").header("Authorization", feed).contentType("application/x-ndjson")
			.content(body.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(2502))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.duplicates").value(0))
			.andExpect(jsonPath("$.rejectedTotal").value(2500))
			.andExpect(jsonPath("$.rejected.length()").value(IntakeReport.LISTED))
			.andExpect(jsonPath("$.rejected[0].line").value(2))
			.andExpect(jsonPath("$.ignoredTotal").value(1))
			.andExpect(jsonPath("$.ignored.length()").value(1));
	}

	@Test
	void jsonLinesAreIngestedLineByLine() throws Exception {
		String source = "api-lines-" + UUID.randomUUID();
		String feed = "Bearer " + apiKeys.issue(TenantId.PLATFORM, "Лента " + source, "test").secret();

		mvc.perform(post("/api/v1/events").header("Authorization", feed).contentType("application/x-ndjson")
			.content(event(source, "l1", "1.1") + "\n" + event(source, "l2", "2.5") + "\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected.length()").value(0));
	}

	@Test
	void keepsAnEventWhoseOptionalFieldIsUnreadableAndReportsTheFieldAndAnEventWithoutIdAsNull() throws Exception {
		String source = "api-shapes-" + UUID.randomUUID();
		String feed = "Bearer " + apiKeys.issue(TenantId.PLATFORM, "Лента " + source, "test").secret();
		String body = """
				{"source":"%1$s","eventId":"s1","type":"1.1","occurredAt":"2026-11-20T10:00:00+03:00","amount":"500 000",\
				"subject":{"fullName":"Гончарова Вера","birthDate":"1979-06-02","passport":{"series":"4510","number":"123456"},\
				"inn":"123"}}
				{"source":"%1$s","type":"1.1","occurredAt":"not a date","subject":{"lastName":"Гончарова","firstName":"Вера",\
				"birthDate":"1979-06-02"}}
				""".formatted(source);

		mvc.perform(post("/api/v1/events").header("Authorization", feed).header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.ignored.length()").value(1))
			.andExpect(jsonPath("$.ignored[0].line").value(1))
			.andExpect(jsonPath("$.ignored[0].eventId").value("s1"))
			.andExpect(jsonPath("$.ignored[0].field").value("subject.inn"))
			.andExpect(jsonPath("$.ignored[0].code").value("contact.inn-invalid"))
			.andExpect(jsonPath("$.rejected[0].line").value(2))
			.andExpect(jsonPath("$.rejected[0].eventId").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.rejected[0].code").value("event.occurred-at-invalid"));
	}

	@Test
	void aProblemsTitleIsInTheCallersLanguageLikeItsDetail() throws Exception {
		mvc.perform(post("/api/v1/events").header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
			.content("[]"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Нужна авторизация"));
		mvc.perform(post("/api/v1/events").header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
			.content("[]"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Unauthorized"));
	}

	@Test
	void linesEndedByCrAloneAreReadAndALineOverTheLimitIsRejectedAloneSayingSo() throws Exception {
		String source = "api-long-" + UUID.randomUUID();
		String feed = "Bearer " + apiKeys.issue(TenantId.PLATFORM, "Лента " + source, "test").secret();
		String tooLong = event(source, "long", "1.1").replace("\"type\"", "\"note\":\"" + "x".repeat(1024 * 1024) + "\",\"type\"");

		mvc.perform(post("/api/v1/events").header("Authorization", feed).header("Accept-Language", "ru")
			.contentType("application/x-ndjson")
			.content(event(source, "c1", "1.1") + "\r" + tooLong + "\r" + event(source, "c3", "2.5") + "\r\n"
					+ event(source, "c4", "2.5") + "\r"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(4))
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.rejected.length()").value(1))
			.andExpect(jsonPath("$.rejected[0].line").value(2))
			.andExpect(jsonPath("$.rejected[0].code").value("event.line-too-long"))
			.andExpect(jsonPath("$.rejected[0].message").value(
					"Строка длиннее 1\u00a0048\u00a0576 байт: событие не прочитано, следующие строки прочитаны."));
	}

	private static String event(String source, String id, String type) {
		return """
				{"source":"%s","eventId":"%s","type":"%s","occurredAt":"2026-11-20T10:00:00+03:00",
				 "subject":{"lastName":"Гончарова","firstName":"Вера","birthDate":"1979-06-02","passport":"4510 123456"}}"""
			.formatted(source, id, type).replace("\n", "");
	}
}
