package ru.kredo.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Kredo;
import ru.kredo.apikeys.IssuedApiKey;
import ru.kredo.audit.AuditActor;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 15, «Onboarding a feed», the way a newcomer takes it on a Kredo without the demo: the command line creates the
 * platform's operator; he signs in, issues a bureau's feed key on «Фиды», the bureau pushes with it, and each push is
 * listed with its counts (received, accepted, duplicates, rejected, matched, signals raised) on the page and by API;
 * revoked on the page, the key is refused at once (401). The operator's files and the command line's imports are
 * listed too.
 */
@IntegrationTest
@TestPropertySource(properties = "kredo.demo=false")
@ExtendWith(OutputCaptureExtension.class)
class FeedOnboardingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	PlatformAccess platform;

	@Value("${kredo.demo}")
	boolean demo;

	@BeforeEach
	void sameConfigurationAsTheApplication() {
		System.setProperty("spring.profiles.active", "test");
	}

	@AfterEach
	void restore() {
		System.clearProperty("spring.profiles.active");
	}

	@Test
	void anOperatorFromTheCommandLineIssuesAFeedKeySeesEachPushCountedAndRevokesIt(CapturedOutput output)
			throws Exception {
		assertThat(demo).as("this Kredo runs without the demo").isFalse();
		MockHttpSession operator = newOperatorSignedIn(output);

		mvc.perform(get("/operator/feeds").session(operator)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"/operator/feeds\"")));
		String feedName = "НБКИ " + UUID.randomUUID().toString().substring(0, 8);
		MvcResult issuing = mvc.perform(post("/operator/feeds").session(operator).with(csrf()).param("name", feedName))
			.andExpect(redirectedUrl("/operator/feeds"))
			.andReturn();
		IssuedApiKey issued = (IssuedApiKey) issuing.getFlashMap().get("issued");
		// The page after the redirect, as the browser asks for it: the secret comes in the session's flash attributes.
		String page = mvc.perform(get("/operator/feeds").session(operator))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).as("the secret shown once, the feed listed").contains(issued.secret(), feedName);
		assertThat(mvc.perform(get("/operator/feeds").session(operator)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).as("and never again").doesNotContain(issued.secret());
		String key = issued.key().id().value().toString();

		// An agency watches one person; the bureau's batch has an event about him, one about a stranger, and a bad one.
		Person watched = watchedPerson();
		String source = "feed-" + UUID.randomUUID();
		String batch = watched.event(source, "e1", "2.2") + "\n" + stranger(source, "e2") + "\n"
				+ "{\"source\":\"" + source + "\",\"eventId\":\"e3\",\"type\":\"2.2\"}\n";
		push(issued.secret(), batch).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
		push(issued.secret(), batch).andExpect(status().isOk()).andExpect(jsonPath("$.duplicates").value(2));
		// A second loan for him within the fold window folds into the open signal: matched, no new signal.
		push(issued.secret(), watched.event(source, "e4", "2.2")).andExpect(status().isOk());

		String uploads = mvc.perform(get("/api/v1/feeds/uploads")
			.header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.nextCursor").doesNotExist())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// Newest first: the fold, the re-sent batch, the first batch.
		assertThat(counts(uploads, 0)).isEqualTo("1 1 0 0");
		assertThat(counts(uploads, 1)).isEqualTo("3 0 2 1");
		assertThat(counts(uploads, 2)).isEqualTo("3 2 0 1");
		assertThat(uploads).as("whether the people it sent are watched is not the feed's to know")
			.doesNotContain("matched", "signalsRaised");
		assertThat(JsonPath.<String>read(uploads, "$.items[2].senderName")).isEqualTo(feedName);
		assertThat(JsonPath.<String>read(uploads, "$.items[2].channel")).isEqualTo("API");
		assertThat(JsonPath.<String>read(uploads, "$.items[2].status")).isEqualTo("DONE");
		String first = JsonPath.read(uploads, "$.items[2].id");
		String fold = JsonPath.read(uploads, "$.items[0].id");
		mvc.perform(get("/api/v1/feeds/uploads/{id}", first).header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
		String second = mvc.perform(get("/api/v1/feeds/uploads").param("limit", "2")
			.header("Authorization", "Bearer " + issued.secret()))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		mvc.perform(get("/api/v1/feeds/uploads").param("limit", "2")
			.param("cursor", JsonPath.<String>read(second, "$.nextCursor"))
			.header("Authorization", "Bearer " + issued.secret()))
			.andExpect(jsonPath("$.items[0].id").value(first)).andExpect(jsonPath("$.nextCursor").doesNotExist());

		// Another feed sees none of these pushes.
		IssuedApiKey other = platform.issueFeedKey("ОКБ " + UUID.randomUUID().toString().substring(0, 8),
				AuditActor.COMMAND_LINE);
		mvc.perform(get("/api/v1/feeds/uploads").header("Authorization", "Bearer " + other.secret()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/feeds/uploads/{id}", first).header("Authorization", "Bearer " + other.secret()))
			.andExpect(status().isNotFound());

		// The operator's page has the whole count: the first batch matched and raised a signal, the fold matched only.
		String feedPage = mvc.perform(get("/operator/feeds/{feed}", key).session(operator))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(feedPage).contains(feedName, "<td class=\"text-end duplicates\">2</td>");
		assertThat(row(feedPage, first)).contains("<td class=\"text-end matched\">1</td>",
				"<td class=\"text-end signals\">1</td>");
		assertThat(row(feedPage, fold)).contains("<td class=\"text-end matched\">1</td>",
				"<td class=\"text-end signals\">0</td>");
		assertThat(feedPage.split("<tr id=\"upload-", -1)).as("three uploads listed").hasSize(4);
		assertThat(feedPage.indexOf("upload-" + first)).as("newest first").isGreaterThan(feedPage.indexOf("<tr id=\"upload-"));

		// A broker's key does not see the platform's uploads.
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		mvc.perform(get("/api/v1/feeds/uploads").header("Authorization", "Bearer " + broker.apiKey().secret()))
			.andExpect(status().isNotFound());

		mvc.perform(post("/operator/feeds/{feed}/revoke", key).session(operator).with(csrf()))
			.andExpect(redirectedUrl("/operator/feeds/" + key));
		push(issued.secret(), watched.event(source, "e5", "2.2"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
			.andExpect(jsonPath("$.code").value("api-key.missing-or-invalid"));
		assertThat(mvc.perform(get("/operator/feeds/{feed}", key).session(operator)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"feed-revoked\"").doesNotContain("id=\"revoke\"");
	}

	@Test
	void theOperatorsFilesAndTheCommandLinesImportsAreListedWithTheirCounts(CapturedOutput output, @TempDir Path dir)
			throws Exception {
		MockHttpSession operator = newOperatorSignedIn(output);
		String source = "files-" + UUID.randomUUID();
		String fileName = "nbki-" + UUID.randomUUID().toString().substring(0, 8) + ".jsonl";
		mvc.perform(multipart("/operator/events").file(new MockMultipartFile("file", fileName, "application/x-ndjson",
				(stranger(source, "f1") + "\n" + stranger(source, "f2")).getBytes(StandardCharsets.UTF_8)))
			.session(operator).with(csrf()))
			.andExpect(redirectedUrl("/operator/events"));
		Path file = dir.resolve("okb-" + UUID.randomUUID().toString().substring(0, 8) + ".jsonl");
		Files.writeString(file, stranger(source, "f2") + "\n" + stranger(source, "f3") + "\n");
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "events", "import", file.toString() })).isZero();

		String page = mvc.perform(get("/operator/feeds/files").session(operator)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(fileName, file.getFileName().toString(), "Командная строка");
		Matcher rows = Pattern.compile("<tr id=\"upload-[^\"]+\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(rows.find()).isTrue();
		assertThat(rows.group(1)).as("the newest: the command line's, one new and one already received")
			.contains(file.getFileName().toString(), "<td class=\"text-end accepted\">1</td>",
					"<td class=\"text-end duplicates\">1</td>");
		assertThat(page.substring(rows.end())).contains(fileName, "<td class=\"text-end accepted\">2</td>");
	}

	@Test
	void anotherTenantsKeyIsNoFeedOfTheOperators(CapturedOutput output) throws Exception {
		MockHttpSession operator = newOperatorSignedIn(output);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String brokersKey = broker.apiKey().key().id().value().toString();

		mvc.perform(get("/operator/feeds/{feed}", brokersKey).session(operator)).andExpect(status().isNotFound());
		mvc.perform(post("/operator/feeds/{feed}/revoke", brokersKey).session(operator).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + broker.apiKey().secret()))
			.andExpect(status().isOk());
	}

	/** {@code operator create} on the command line, then his sign-in with the printed password: his session. */
	private MockHttpSession newOperatorSignedIn(CapturedOutput output) throws Exception {
		String email = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@kredo.example";
		int before = output.getOut().length();
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "operator", "create", "--email", email, "--name",
				"Ольга Соколова" })).isZero();
		Matcher password = Pattern.compile("^operator\\.password=(.+)$", Pattern.MULTILINE)
			.matcher(output.getOut().substring(before));
		assertThat(password.find()).as("printed operator.password").isTrue();
		MvcResult signIn = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(email)
			.password(password.group(1).strip())).andExpect(redirectedUrl("/")).andReturn();
		return (MockHttpSession) signIn.getRequest().getSession(false);
	}

	private org.springframework.test.web.servlet.ResultActions push(String key, String body) throws Exception {
		return mvc.perform(post("/api/v1/events").header("Authorization", "Bearer " + key)
			.contentType(MediaType.parseMediaType("application/x-ndjson")).content(body));
	}

	/** An upload's received, accepted, duplicates, rejected, matched and signals raised. */
	private static String row(String page, String upload) {
		int start = page.indexOf("<tr id=\"upload-" + upload + "\"");
		assertThat(start).as("the upload's row").isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static String counts(String list, int item) {
		StringBuilder counts = new StringBuilder();
		for (String field : new String[] { "received", "accepted", "duplicates", "rejected" }) {
			counts.append(counts.isEmpty() ? "" : " ").append(JsonPath.<Number>read(list, "$.items[" + item + "]." + field));
		}
		return counts.toString();
	}

	private Person watchedPerson() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String surname = Fixtures.uniqueSurname("Фидова");
		String passport = String.format("45%02d%06d", ThreadLocalRandom.current().nextInt(100),
				ThreadLocalRandom.current().nextInt(1_000_000));
		watches.watch(agency.tenant().id(), new PersonDetails(new FullName(surname, "Анна", "Петровна"),
				LocalDate.of(1985, 3, 14), PassportNumber.parse(passport), null, null, null, null),
				WatchTerms.of(Segment.DEBTOR, new Consent(watches.today(), "Взыскание", ConsentMethod.PAPER, null, null)));
		return new Person(surname, passport, watches.today());
	}

	private String stranger(String source, String eventId) {
		return """
				{"source":"%s","eventId":"%s","type":"2.2","occurredAt":"%s","subject":{"lastName":"%s",\
				"firstName":"Иван","birthDate":"01.01.1970"}}""".formatted(source, eventId, watches.today(),
				Fixtures.uniqueSurname("Чужой"));
	}

	record Person(String surname, String passport, LocalDate today) {

		String event(String source, String eventId, String type) {
			return """
					{"source":"%s","eventId":"%s","type":"%s","occurredAt":"%s","subject":{"lastName":"%s",\
					"firstName":"Анна","middleName":"Петровна","birthDate":"14.03.1985","passport":"%s"}}"""
				.formatted(source, eventId, type, today, surname, passport);
		}
	}
}
