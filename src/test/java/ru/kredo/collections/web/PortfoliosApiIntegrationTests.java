package ru.kredo.collections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tabular.HostileFiles;
import ru.kredo.tenancy.TenantKind;

/**
 * An agency's integrator makes a portfolio, uploads a registry into it over the API, follows it, reads its rejected
 * rows, and finds the debts by the registry's own ids (issue 15).
 */
@IntegrationTest
class PortfoliosApiIntegrationTests {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Line 3: no 31 February; line 5: R-1 again under another contract. */
	private static final String REGISTRY = """
			ФИО;Дата рождения;Номер договора;Дата договора;Кредитор;Основной долг;ID
			Кириллова Дарья Олеговна;12.05.1990;КД-1;01.02.2020;ПАО «Банк»;10 000,00;R-1
			Белов Артём;31.02.1985;КД-2;01.02.2020;ПАО «Банк»;5000;R-2
			Гусев Павел Ильич;03.07.1979;КД-3;01.03.2020;ПАО «Банк»;7000;R-3
			Орлов Семён;11.02.1988;КД-4;01.03.2020;ПАО «Банк»;3000;R-1
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	@Test
	void aRegistryUploadedByApiIsImportedAndItsDebtsAreFoundByTheirExternalIds() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);

		MockHttpServletResponse made = mvc.perform(as(agency, post("/api/v1/portfolios")
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Цессия  ноябрь\"}"))).andReturn().getResponse();
		assertThat(made.getStatus()).isEqualTo(201);
		JsonNode portfolio = json.readTree(made.getContentAsString());
		String id = portfolio.get("id").asString();
		assertThat(made.getHeader("Location")).isEqualTo("/api/v1/portfolios/" + id);
		assertThat(portfolio.get("name").asString()).isEqualTo("Цессия ноябрь");
		MockHttpServletResponse again = mvc.perform(as(agency, post("/api/v1/portfolios")
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Цессия ноябрь\"}"))).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(json.readTree(again.getContentAsString()).get("id").asString()).isEqualTo(id);
		problem(mvc.perform(as(agency, post("/api/v1/portfolios").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\" \"}"))).andReturn().getResponse(), 400, "request.invalid-fields");

		MockHttpServletResponse accepted = mvc.perform(as(agency, multipart("/api/v1/portfolios/" + id + "/uploads")
			.file(new MockMultipartFile("file", "реестр.csv", "text/csv", REGISTRY.getBytes(StandardCharsets.UTF_8)))))
			.andReturn().getResponse();
		assertThat(accepted.getStatus()).isEqualTo(202);
		JsonNode started = json.readTree(accepted.getContentAsString());
		String location = accepted.getHeader("Location");
		assertThat(location).isEqualTo("/api/v1/portfolios/" + id + "/uploads/" + started.get("id").asString());

		JsonNode done = awaitFinished(agency, location);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("rowsRead").asLong()).isEqualTo(4);
		assertThat(done.get("created").asLong()).isEqualTo(2);
		assertThat(done.get("rejected").asLong()).isEqualTo(2);
		assertThat(done.get("percent").asInt()).isEqualTo(100);

		JsonNode errors = read(agency, done.get("errorsUrl").asString());
		assertThat(errors.get("total").asLong()).isEqualTo(2);
		assertThat(errors.get("items").get(0).get("line").asLong()).isEqualTo(3);
		assertThat(errors.get("items").get(1).get("line").asLong()).isEqualTo(5);
		assertThat(errors.get("items").get(1).get("column").asString()).isEqualTo("ID");
		assertThat(errors.get("items").get(1).get("code").asString()).isEqualTo("portfolio.external-id-repeated");
		assertThat(errors.get("items").get(1).get("message").asString()).contains("строке 2");
		JsonNode firstPage = read(agency, done.get("errorsUrl").asString() + "?limit=1");
		assertThat(firstPage.get("nextCursor").asString()).isEqualTo("3");
		assertThat(read(agency, done.get("errorsUrl").asString() + "?cursor=3").get("items").get(0).get("line").asLong())
			.isEqualTo(5);

		JsonNode list = read(agency, "/api/v1/portfolios");
		assertThat(list.get("total").asLong()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("debts").asLong()).isEqualTo(2);
		assertThat(list.get("items").get(0).get("latestUpload").get("id").asString())
			.isEqualTo(started.get("id").asString());

		JsonNode byFilter = read(agency, "/api/v1/debts?externalId=R-1");
		assertThat(byFilter.get("total").asLong()).isEqualTo(1);
		JsonNode first = byFilter.get("items").get(0);
		assertThat(first.get("externalId").asString()).isEqualTo("R-1");
		assertThat(first.get("contractNumber").asString()).isEqualTo("КД-1");
		JsonNode all = read(agency, "/api/v1/debts");
		assertThat(all.get("items").findValuesAsString("externalId")).containsExactlyInAnyOrder("R-1", "R-3");
		JsonNode one = read(agency, "/api/v1/debts/by-external-id/R-3");
		assertThat(one.get("contractNumber").asString()).isEqualTo("КД-3");
		assertThat(one.get("externalId").asString()).isEqualTo("R-3");
		assertThat(read(agency, "/api/v1/debts/" + first.get("id").asString()).get("externalId").asString())
			.isEqualTo("R-1");
		assertThat(read(agency, "/api/v1/debtors/" + first.get("contactId").asString() + "/debts").get("items").get(0)
			.get("externalId").asString()).isEqualTo("R-1");
		problem(mvc.perform(as(agency, get("/api/v1/debts/by-external-id/R-2"))).andReturn().getResponse(), 404,
				"debt.not-found");

		// The registry again, as a raw body: R-1 under a corrected contract number and a new principal updates that
		// debt; КД-3 under another id than its debt's is refused, not guessed.
		String corrected = """
				ФИО;Дата рождения;Номер договора;Дата договора;Кредитор;Основной долг;ID
				Кириллова Дарья Олеговна;12.05.1990;КД-1/А;01.02.2020;ПАО «Банк»;12 000,00;R-1
				Гусев Павел Ильич;03.07.1979;КД-3;01.03.2020;ПАО «Банк»;7000;R-9
				""";
		MockHttpServletResponse reupload = mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads")
			.param("fileName", "C:\\выгрузка\\реестр-2.csv")
			.contentType("text/csv").content(corrected.getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse();
		assertThat(reupload.getStatus()).isEqualTo(202);
		assertThat(json.readTree(reupload.getContentAsString()).get("fileName").asString()).isEqualTo("реестр-2.csv");
		JsonNode second = awaitFinished(agency, reupload.getHeader("Location"));
		assertThat(second.get("created").asLong()).isZero();
		assertThat(second.get("updated").asLong()).isEqualTo(1);
		assertThat(second.get("rejected").asLong()).isEqualTo(1);
		JsonNode refused = read(agency, second.get("errorsUrl").asString()).get("items").get(0);
		assertThat(refused.get("line").asLong()).isEqualTo(3);
		assertThat(refused.get("code").asString()).isEqualTo("portfolio.external-id-differs");
		JsonNode updated = read(agency, "/api/v1/debts/by-external-id/R-1");
		assertThat(updated.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(updated.get("contractNumber").asString()).isEqualTo("КД-1/А");
		assertThat(updated.get("originalTotal").asString()).isEqualTo("12000.00");
		assertThat(read(agency, "/api/v1/debts").get("total").asLong()).isEqualTo(2);
		assertThat(read(agency, "/api/v1/debts/by-external-id/R-3").get("externalId").asString()).isEqualTo("R-3");
	}

	@Test
	void anotherAgencysPortfolioAndUploadsAreNotFound() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned stranger = fixtures.tenant(TenantKind.COLLECTOR);
		String id = json.readTree(mvc.perform(as(agency, post("/api/v1/portfolios").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Свой\"}"))).andReturn().getResponse().getContentAsString()).get("id").asString();
		String location = mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads").contentType("text/csv")
			.content(REGISTRY.getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse().getHeader("Location");
		awaitFinished(agency, location);

		problem(mvc.perform(as(stranger, get("/api/v1/portfolios/" + id))).andReturn().getResponse(), 404,
				"portfolio.not-found");
		problem(mvc.perform(as(stranger, get(location))).andReturn().getResponse(), 404, "portfolio.not-found");
		problem(mvc.perform(as(stranger, get(location + "/errors"))).andReturn().getResponse(), 404,
				"portfolio.not-found");
		problem(mvc.perform(as(stranger, post("/api/v1/portfolios/" + id + "/uploads").contentType("text/csv")
			.content(REGISTRY.getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse(), 404, "portfolio.not-found");
		problem(mvc.perform(as(stranger, get("/api/v1/debts/by-external-id/R-1"))).andReturn().getResponse(), 404,
				"debt.not-found");
		assertThat(read(stranger, "/api/v1/debts?externalId=R-1").get("total").asLong()).isZero();
		assertThat(read(stranger, "/api/v1/portfolios").get("total").asLong()).isZero();
		// Its own portfolio does not reach another portfolio's upload either.
		String own = json.readTree(mvc.perform(as(agency, post("/api/v1/portfolios").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Другой\"}"))).andReturn().getResponse().getContentAsString()).get("id").asString();
		problem(mvc.perform(as(agency, get(location.replace(id, own)))).andReturn().getResponse(), 404,
				"import.not-found");
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		// Agencies only: a broker's key does not see the routes at all (TenantKindAccess).
		assertThat(mvc.perform(as(broker, get("/api/v1/portfolios"))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		// … nor through a request no handler takes: a wrong Content-Type or method answers it 404 too, not the 415 or
		// 405 the agency gets, which would tell it the route is there (HiddenRoutes).
		problem(mvc.perform(as(broker, post("/api/v1/portfolios/" + id + "/uploads").contentType("text/plain")
			.content("x"))).andReturn().getResponse(), 404, "not-found");
		problem(mvc.perform(as(broker, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/v1/portfolios"))).andReturn().getResponse(), 404, "not-found");
		problem(mvc.perform(as(agency, post("/api/v1/portfolios/" + own + "/uploads").contentType("text/plain")
			.content("x"))).andReturn().getResponse(), 415, "media-type-not-supported");
		problem(mvc.perform(as(agency, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/v1/portfolios"))).andReturn().getResponse(), 405, "method-not-allowed");
	}

	@Test
	void theLimitsOfThePagesUploadAnswerAsProblems() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String id = json.readTree(mvc.perform(as(agency, post("/api/v1/portfolios").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Лимиты\"}"))).andReturn().getResponse().getContentAsString()).get("id").asString();
		String header = "ФИО;Дата рождения;Номер договора;Дата договора;Кредитор;Основной долг\n";
		String row = "Иванов Иван Иванович;14.03.1985;КД-1;01.02.2020;ПАО «Банк»;1000\n";
		byte[] tooLarge = (header + row.repeat(1024 * 1024 / row.length() + 1)).getBytes(StandardCharsets.UTF_8);

		problem(mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads").contentType("text/csv")
			.content(tooLarge))).andReturn().getResponse(), 413, "import.file-too-large");
		problem(mvc.perform(as(agency, multipart("/api/v1/portfolios/" + id + "/uploads")
			.file(new MockMultipartFile("file", "big.csv", "text/csv", tooLarge)))).andReturn().getResponse(), 413,
				"import.file-too-large");
		problem(mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads").contentType("text/csv")
			.content("ФИО;Дата рождения;Телефон\nИванов Иван;01.01.1980;\n".getBytes(StandardCharsets.UTF_8))))
			.andReturn().getResponse(), 400, "portfolio.contract-column-missing");
		problem(mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads").param("assignmentDate", "вчера")
			.contentType("text/csv").content(REGISTRY.getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse(), 400,
				"request.invalid-fields");

		// An unclosed quote makes the rest of the file one cell, past kredo.imports.max-cell-length: FAILED, rows kept.
		String unclosed = header + row + "Петров Пётр;\"02.02.1990;КД-2;01.02.2020;ПАО «Банк»;1000\n"
				+ "Сидоров Сидор;03.03.1970;КД-3;01.02.2020;ПАО «Банк»;1000\n".repeat(3000);
		JsonNode failed = awaitFinished(agency, mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads")
			.contentType("text/csv").content(unclosed.getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse()
			.getHeader("Location"));
		assertThat(failed.get("state").asString()).isEqualTo("FAILED");
		assertThat(failed.get("failure").get("code").asString()).isEqualTo("import.cell-too-long-at");
		assertThat(failed.get("created").asLong()).isEqualTo(1);
	}

	/**
	 * The page's bound on what a workbook unpacks to holds through the API too (the same reader): a registry whose one
	 * cell inflates to 200 MB from 200 KB, as a file or as the body, is refused at once with its code, nothing is kept,
	 * and the server takes the next registry as usual.
	 */
	@Test
	void aWorkbookBombThroughTheApiIsRefusedAtOnceAndTheServerKeepsAnswering(@TempDir Path directory) throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String id = json.readTree(mvc.perform(as(agency, post("/api/v1/portfolios").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Бомба\"}"))).andReturn().getResponse().getContentAsString()).get("id").asString();
		List<String> header = List.of(REGISTRY.lines().findFirst().orElseThrow().split(";"));
		byte[] bomb = Files.readAllBytes(HostileFiles.xlsxWithHugeCell(directory.resolve("bomb.xlsx"), header,
				200L * 1024 * 1024));
		assertThat(bomb.length).as("small on the wire").isLessThan(1024 * 1024);

		problem(mvc.perform(as(agency, multipart("/api/v1/portfolios/" + id + "/uploads")
			.file(new MockMultipartFile("file", "bomb.xlsx", XLSX, bomb)))).andReturn().getResponse(), 400,
				"import.cell-too-long");
		problem(mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads").contentType(XLSX).content(bomb)))
			.andReturn().getResponse(), 400, "import.cell-too-long");
		JsonNode latest = read(agency, "/api/v1/portfolios/" + id).get("latestUpload");
		assertThat(latest == null || latest.isNull()).as("nothing kept").isTrue();

		MockHttpServletResponse fine = mvc.perform(as(agency, post("/api/v1/portfolios/" + id + "/uploads")
			.contentType("text/csv").content(REGISTRY.getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse();
		assertThat(fine.getStatus()).isEqualTo(202);
		assertThat(awaitFinished(agency, fine.getHeader("Location")).get("state").asString()).isEqualTo("DONE");
	}

	/**
	 * A wrong {@code Accept} on an agency's route fails before any handler is chosen (406); for a broker's key it is
	 * the 404 the route itself answers him ({@code HiddenRoutes}), so that the 406 does not tell him the route is there.
	 */
	@Test
	void aWrongAcceptOnAnAgencysRouteIsNotFoundForABrokersKeyAndNotAcceptableForTheAgencys() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String errors = "/api/v1/portfolios/" + UUID.randomUUID() + "/uploads/" + UUID.randomUUID() + "/errors";

		assertThat(mvc.perform(as(agency, get(errors).accept(MediaType.APPLICATION_XML))).andReturn().getResponse()
			.getStatus()).isEqualTo(406);
		assertThat(mvc.perform(as(broker, get(errors).accept(MediaType.APPLICATION_XML))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(as(broker, get(errors))).andReturn().getResponse().getStatus())
			.as("as the route answers him with any Accept").isEqualTo(404);
	}

	private JsonNode read(Provisioned tenant, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(as(tenant, get(path))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private void problem(MockHttpServletResponse response, int status, String code) throws Exception {
		assertThat(response.getStatus()).as(code).isEqualTo(status);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	private JsonNode awaitFinished(Provisioned tenant, String location) throws Exception {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> json.readTree(mvc.perform(as(tenant, get(location))).andReturn().getResponse().getContentAsString()),
					status -> !"RUNNING".equals(status.get("state").asString()));
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(Provisioned tenant, B request) {
		return request.header("Authorization", "Bearer " + tenant.apiKey().secret());
	}

}
