package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tabular.HostileFiles;
import ru.kredo.tabular.ImportRuns;
import ru.kredo.tenancy.TenantKind;

/** An integrator uploads a contact base as a named list over the API, follows it, and reads its rejected rows. */
@IntegrationTest
class ListsApiIntegrationTests {

	/** One bad row: line 3 has a date of birth that is not in the calendar. */
	private static final String CSV = """
			Фамилия;Имя;Отчество;Дата рождения;Сегмент
			Кириллова;Дарья;Олеговна;12.05.1990;дожим
			Белов;Артём;;31.02.1985;
			Гусев;Павел;Ильич;03.07.1979;пауза
			""";
	/** Exported with commas and ISO dates, without a segment column; line 3 has no 13th month. */
	private static final String DEBTORS = """
			ФИО,Дата рождения,Телефон
			Орлов Семён Игоревич,1988-02-11,+7 926 100-20-30
			Зайцева Инна,15.13.1990,
			Лебедев Олег Павлович,21.09.1969,89031234567
			""";
	private static final Path SPOOL = Path.of("target/test-data/imports");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	AuditLog audit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportRuns runs;

	@Test
	void aCsvIsImportedInTheBackgroundAndItsBadRowReportedByLineToItsTenantOnly() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned stranger = fixtures.tenant(TenantKind.BROKER);

		MockHttpServletResponse accepted = mvc.perform(as(broker, multipart("/api/v1/lists/imports")
			.file(new MockMultipartFile("file", "crm.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
			.param("name", "Дожим, ноябрь").param("consentDate", LocalDate.now().toString())
			.param("consentPurpose", "Подбор кредита"))).andReturn().getResponse();

		assertThat(accepted.getStatus()).isEqualTo(202);
		JsonNode started = json.readTree(accepted.getContentAsString());
		String location = accepted.getHeader("Location");
		assertThat(location).isEqualTo("/api/v1/lists/imports/" + started.get("id").asString());
		assertThat(started.get("listName").asString()).isEqualTo("Дожим, ноябрь");
		assertThat(started.get("fileName").asString()).isEqualTo("crm.csv");

		JsonNode done = awaitFinished(broker, location);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("rowsRead").asLong()).isEqualTo(3);
		assertThat(done.get("accepted").asLong()).isEqualTo(2);
		assertThat(done.get("rejected").asLong()).isEqualTo(1);
		assertThat(done.get("awaitingConsent").asLong()).isZero();
		assertThat(done.get("percent").asInt()).isEqualTo(100);
		assertThat(done.get("finishedAt").isNull()).isFalse();
		assertThat(done.get("failure").isNull()).isTrue();

		ListId list = new ListId(UUID.fromString(done.get("listId").asString()));
		assertThat(watches.search(broker.tenant().id(), new WatchFilter(null, null, list, null), 0, 10))
			.extracting(WatchLine::contactName, line -> line.watch().segment(), line -> line.watch().status())
			.containsExactlyInAnyOrder(tuple("Кириллова Дарья Олеговна", Segment.PROSPECT, WatchStatus.ACTIVE),
					tuple("Гусев Павел Ильич", Segment.PAUSED, WatchStatus.ACTIVE));
		assertThat(audit.latest(broker.tenant().id(), 10)).anyMatch(e -> e.action() == AuditAction.LIST_IMPORTED
				&& e.objectId().equals(started.get("id").asString()));

		MockHttpServletResponse errors = mvc.perform(as(broker, get(done.get("errorsUrl").asString())))
			.andReturn().getResponse();
		assertThat(errors.getStatus()).isEqualTo(200);
		assertThat(errors.getContentType()).startsWith("text/csv");
		assertThat(errors.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("\uFEFFСтрока;Столбец;Ошибка\r\n3;Дата рождения;Такой даты нет в календаре (например, 31.02).\r\n");
		assertThat(mvc.perform(as(broker, get(done.get("errorsUrl").asString())).header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.startsWith("\uFEFFLine;Column;Error\r\n3;Дата рождения;No such date in the calendar");

		JsonNode lists = json.readTree(mvc.perform(as(broker, get("/api/v1/lists"))).andReturn().getResponse()
			.getContentAsString()).get("items");
		assertThat(lists).singleElement().satisfies(l -> {
			assertThat(l.get("name").asString()).isEqualTo("Дожим, ноябрь");
			assertThat(l.get("watches").asLong()).isEqualTo(2);
			assertThat(l.get("active").asLong()).isEqualTo(2);
			assertThat(l.get("latestImport").get("id").asString()).isEqualTo(started.get("id").asString());
		});

		for (String path : List.of(location, done.get("errorsUrl").asString())) {
			MockHttpServletResponse foreign = mvc.perform(as(stranger, get(path))).andReturn().getResponse();
			assertThat(foreign.getStatus()).as(path).isEqualTo(404);
			assertThat(json.readTree(foreign.getContentAsString()).get("code").asString()).isEqualTo("import.not-found");
		}
		assertThat(mvc.perform(as(stranger, get("/api/v1/lists"))).andReturn().getResponse().getContentAsString())
			.contains("\"items\":[]", "\"total\":0");
	}

	@Test
	void theFileMayBeTheRequestsBodyWithTheListNamedInTheQuery() throws Exception {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);

		MockHttpServletResponse accepted = mvc.perform(as(collector, post("/api/v1/lists/imports")
			.contentType("text/csv").content(DEBTORS.getBytes(StandardCharsets.UTF_8)).param("name", "Должники ноября")
			.param("fileName", "C:\\exports\\debtors.csv").param("segment", "DEBTOR").param("months", "12")))
			.andReturn().getResponse();

		assertThat(accepted.getStatus()).isEqualTo(202);
		JsonNode done = awaitFinished(collector, accepted.getHeader("Location"));
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("fileName").asString()).isEqualTo("debtors.csv");
		assertThat(done.get("accepted").asLong()).isEqualTo(2);
		assertThat(done.get("rejected").asLong()).isEqualTo(1);
		assertThat(done.get("awaitingConsent").asLong()).as("no consent date given").isEqualTo(2);
		ListId list = new ListId(UUID.fromString(done.get("listId").asString()));
		assertThat(watches.search(collector.tenant().id(), new WatchFilter(null, null, list, null), 0, 10))
			.extracting(WatchLine::contactName, line -> line.watch().segment(), line -> line.watch().status())
			.containsExactlyInAnyOrder(tuple("Орлов Семён Игоревич", Segment.DEBTOR, WatchStatus.AWAITING_CONSENT),
					tuple("Лебедев Олег Павлович", Segment.DEBTOR, WatchStatus.AWAITING_CONSENT));
		assertThat(mvc.perform(as(collector, get(done.get("errorsUrl").asString()))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("\r\n3;Дата рождения;");
	}

	@Test
	void aBadUploadIsRefusedAtOnceWithAStableCodeInTheCallersLanguageAndNothingIsKept() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Set<Path> spooledBefore = spooled();
		byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);

		refused(broker, upload(null, "Без файла"), 400, "import.file-required", "Выберите файл.");
		refused(broker, upload(new byte[0], "Пустой"), 400, "import.file-empty", "Файл пуст.");
		refused(broker, upload("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "PDF"), 400,
				"import.format-unknown", "Формат файла не распознан");
		refused(broker, upload(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 }, "PNG")
			.header("Accept-Language", "en"), 400, "import.format-unknown", "The file's format is not recognised");
		refused(broker, upload(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }, "XLS"), 400, "import.xls-unsupported", "старом формате Excel");
		refused(broker, upload("ФИО;Телефон\nИванов Иван;+79161234567\n".getBytes(StandardCharsets.UTF_8), "Без дат"),
				400, "import.birth-date-column-missing", "Не найден столбец «Дата рождения»");
		refused(broker, upload(new byte[1024 * 1024 + 1], "Огромный"), 413, "import.file-too-large", "Файл больше 1 МБ");
		refused(broker, post("/api/v1/lists/imports").param("name", "Огромный").contentType("text/csv")
			.content(tooLargeCsv()), 413, "import.file-too-large", "Файл больше 1 МБ");
		refused(broker, post("/api/v1/lists/imports").param("name", "PDF").contentType("application/pdf").content(csv),
				415, "media-type-not-supported", "формат тела запроса не поддерживается");

		MockHttpServletResponse unnamed = mvc.perform(as(broker, upload(csv, " ").param("segment", "VIP")
			.param("consentDate", "01.01.2026"))).andReturn().getResponse();
		assertThat(unnamed.getStatus()).isEqualTo(400);
		JsonNode problem = json.readTree(unnamed.getContentAsString());
		assertThat(problem.get("code").asString()).isEqualTo("request.invalid-fields");
		assertThat(problem.get("errors")).extracting(e -> e.get("field").asString(), e -> e.get("code").asString(),
				e -> e.get("message").asString())
			.containsExactlyInAnyOrder(tuple("name", "list.name-invalid", "Дайте списку название (до 200 символов)."),
					tuple("segment", "segment-unknown", "Неизвестный сегмент «VIP»."),
					tuple("consentPurpose", "consent.purpose-required", "Укажите цель, для которой дано согласие."));

		assertThat(jdbc.sql("select count(*) from list_imports where tenant_id = ?").param(broker.tenant().id().value())
			.query(Long.class).single()).isZero();
		assertThat(spooled()).as("refused uploads are not left in the spool").isEqualTo(spooledBefore);
		assertThat(mvc.perform(multipart("/api/v1/lists/imports").file(new MockMultipartFile("file", csv))
			.param("name", "Без ключа")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void aWorkbookThatUnpacksToHundredsOfMegabytesIsRefusedAtOnceAndTheServerKeepsAnswering(@TempDir Path directory)
			throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		List<String> header = List.of("ФИО", "Дата рождения");
		// The file: a valid workbook whose one cell inflates to hundreds of megabytes (here 200 MB in 200 KB).
		Path hugeCell = HostileFiles.xlsxWithHugeCell(directory.resolve("cell.xlsx"), header, 200L * 1024 * 1024);
		Path manyRows = HostileFiles.xlsxWithManyRows(directory.resolve("rows.xlsx"), header,
				List.of("Иванов Иван", "01.01.1980"), 2_000_000);

		refused(broker, xlsx(hugeCell, "Бомба"), 400, "import.cell-too-long", "ячейка длиннее");
		refused(broker, xlsx(manyRows, "Бомба").header("Accept-Language", "en"), 400, "import.file-too-complex",
				"zip bomb");
		refused(broker, post("/api/v1/lists/imports").param("name", "Бомба")
			.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.content(Files.readAllBytes(hugeCell)), 400, "import.cell-too-long", "ячейка длиннее");

		assertThat(jdbc.sql("select count(*) from list_imports where tenant_id = ?").param(broker.tenant().id().value())
			.query(Long.class).single()).isZero();
		MockHttpServletResponse fine = mvc.perform(as(broker, upload(CSV.getBytes(StandardCharsets.UTF_8), "После бомбы")
			.param("consentDate", LocalDate.now().toString()).param("consentPurpose", "Подбор кредита")))
			.andReturn().getResponse();
		assertThat(fine.getStatus()).isEqualTo(202);
		assertThat(awaitFinished(broker, fine.getHeader("Location")).get("state").asString()).isEqualTo("DONE");
	}

	@Test
	void anUnclosedQuoteOrTooManyRejectedRowsStopTheImportWithItsReasonAndWhatWasKept() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		// The rest of the file after an unclosed quote is one field: past kredo.imports.max-row-length (100,000 in tests).
		String quote = "ФИО;Дата рождения\nИванов Иван;12.05.1990\nПетров Пётр;\"02.02.1990\n"
				+ "Sidorov Sidor;03.03.1970\n".repeat(30_000);
		// Two good rows, then more bad ones than kredo.imports.max-rejected-rows (100 in tests).
		String rejected = "ФИО;Дата рождения\nИванов Иван;12.05.1990\nПетров Пётр;02.02.1990\n"
				+ "Сидоров Сидор;31.02.1970\n".repeat(150) + "Орлов Олег;01.01.1980\n";

		JsonNode unclosed = awaitFinished(broker, mvc.perform(as(broker, upload(quote.getBytes(StandardCharsets.UTF_8),
				"Кавычка"))).andReturn().getResponse().getHeader("Location"));
		JsonNode gaveUp = awaitFinished(broker, mvc.perform(as(broker, upload(rejected.getBytes(StandardCharsets.UTF_8),
				"Ошибки"))).andReturn().getResponse().getHeader("Location"));

		assertThat(unclosed.get("state").asString()).isEqualTo("FAILED");
		assertThat(unclosed.get("failure").get("code").asString()).isEqualTo("import.row-too-long");
		assertThat(unclosed.get("failure").get("message").asString()).contains("строка 3", "не закрыта кавычка");
		assertThat(unclosed.get("accepted").asLong()).isEqualTo(1);
		assertThat(gaveUp.get("state").asString()).isEqualTo("FAILED");
		assertThat(gaveUp.get("failure").get("code").asString()).isEqualTo("import.too-many-rejected");
		assertThat(gaveUp.get("failure").get("message").asString()).contains("Отклонено больше 100 строк", "Сохранено строк: 2");
		assertThat(gaveUp.get("accepted").asLong()).isEqualTo(2);
		assertThat(gaveUp.get("rejected").asLong()).isEqualTo(100);
		assertThat(jdbc.sql("select count(*) from list_import_errors where import_id = ?")
			.param(UUID.fromString(gaveUp.get("id").asString())).query(Long.class).single()).isEqualTo(100);
	}

	private static MockMultipartHttpServletRequestBuilder xlsx(Path file, String name) throws IOException {
		return (MockMultipartHttpServletRequestBuilder) multipart("/api/v1/lists/imports")
			.file(new MockMultipartFile("file", "bomb.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Files.readAllBytes(file)))
			.param("name", name);
	}

	@Test
	void anImportLeftRunningByADeadProcessSaysAtOnceItWasInterruptedWhatWasKeptAndTakesTheFileAgain() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String ours = finishedImport(broker, "Наш узел");
		String otherLive = finishedImport(broker, "Живой узел");
		String otherDead = finishedImport(broker, "Мёртвый узел");
		String alive = finishedImport(broker, "Живой процесс");
		// As a crash leaves them: RUNNING, with the heartbeat of a moment ago (a process on this host and data
		// directory that has died), or another node's, one beating a moment ago and one silent for a minute. And one
		// that a live process on this data directory runs (the server, seen from the command line): left alone.
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		leftRunning(ours, UUID.randomUUID(), runs.nodeOf(gone.pid()), Duration.ZERO);
		leftRunning(alive, UUID.randomUUID(), runs.node(), Duration.ZERO);
		leftRunning(otherLive, UUID.randomUUID(), "другой-сервер:/srv/kredo/data", Duration.ZERO);
		leftRunning(otherDead, UUID.randomUUID(), "другой-сервер:/srv/kredo/data", Duration.ofMinutes(1));

		runs.recover();

		JsonNode interrupted = json.readTree(mvc.perform(as(broker, get(ours))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(interrupted.get("state").asString()).isEqualTo("INTERRUPTED");
		assertThat(interrupted.get("failure").get("code").asString()).isEqualTo("import.interrupted");
		assertThat(interrupted.get("failure").get("message").asString()).contains("Сохранено строк: 2");
		assertThat(jdbc.sql("select status from list_imports where id = ?").param(id(ours)).query(String.class).single())
			.isEqualTo("INTERRUPTED");
		assertThat(json.readTree(mvc.perform(as(broker, get(otherLive))).andReturn().getResponse().getContentAsString())
			.get("state").asString()).isEqualTo("RUNNING");
		assertThat(json.readTree(mvc.perform(as(broker, get(otherDead))).andReturn().getResponse().getContentAsString())
			.get("state").asString()).isEqualTo("INTERRUPTED");
		assertThat(json.readTree(mvc.perform(as(broker, get(alive))).andReturn().getResponse().getContentAsString())
			.get("state").asString()).as("a live process's import").isEqualTo("RUNNING");

		MockHttpServletResponse again = mvc.perform(as(broker, upload(CSV.getBytes(StandardCharsets.UTF_8), "Наш узел")
			.param("consentDate", LocalDate.now().toString()).param("consentPurpose", "Подбор кредита")))
			.andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(202);
		assertThat(awaitFinished(broker, again.getHeader("Location")).get("state").asString()).isEqualTo("DONE");
		jdbc.sql("update list_imports set status = 'DONE' where id = any(?)")
			.param(new UUID[] { id(otherLive), id(alive) }).update();
	}

	private String finishedImport(Provisioned tenant, String list) throws Exception {
		String location = mvc.perform(as(tenant, upload(CSV.getBytes(StandardCharsets.UTF_8), list)
			.param("consentDate", LocalDate.now().toString()).param("consentPurpose", "Подбор кредита")))
			.andReturn().getResponse().getHeader("Location");
		assertThat(awaitFinished(tenant, location).get("state").asString()).isEqualTo("DONE");
		return location;
	}

	private void leftRunning(String location, UUID run, String node, Duration silentFor) {
		jdbc.sql("""
				update list_imports set status = 'RUNNING', finished_at = null, run_id = ?, node = ?,
				    updated_at = now() - ? * interval '1 second' where id = ?""")
			.params(run, node, silentFor.toSeconds(), id(location))
			.update();
	}

	private static UUID id(String location) {
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void theUploadIsDescribedInTheOpenApiDocument() throws Exception {
		JsonNode paths = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
			.get("paths");
		JsonNode upload = paths.get("/api/v1/lists/imports").get("post");
		assertThat(upload.get("requestBody").get("content").propertyNames())
			.contains("multipart/form-data", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(upload.get("parameters")).extracting(p -> p.get("name").asString())
			.contains("name", "segment", "months", "consentDate", "consentPurpose", "consentMethod");
		assertThat(upload.get("responses").propertyNames()).contains("202", "400", "413", "415");
		assertThat(paths.get("/api/v1/lists/imports/{id}/errors").get("get").get("responses").get("200").get("content")
			.propertyNames()).contains("text/csv");
		assertThat(paths.get("/api/v1/lists/imports/{id}").get("get").get("tags").get(0).asString()).isEqualTo("Lists");
	}

	private JsonNode awaitFinished(Provisioned tenant, String location) throws Exception {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> json.readTree(mvc.perform(as(tenant, get(location))).andReturn().getResponse().getContentAsString()),
					status -> !"RUNNING".equals(status.get("state").asString()));
	}

	private void refused(Provisioned tenant, AbstractMockHttpServletRequestBuilder<?> request, int status, String code,
			String detail) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.header("Authorization", "Bearer " + tenant.apiKey().secret()))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(code).isEqualTo(status);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("detail").asString()).contains(detail);
	}

	private static MockMultipartHttpServletRequestBuilder upload(byte[] file, String name) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/lists/imports");
		if (file != null) {
			request.file(new MockMultipartFile("file", "upload.csv", "text/csv", file));
		}
		return request.param("name", name);
	}

	private static byte[] tooLargeCsv() {
		String row = "Иванов;Иван;Иванович;14.03.1985\n";
		return ("Фамилия;Имя;Отчество;Дата рождения\n" + row.repeat(1024 * 1024 / row.length() + 1))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(Provisioned tenant, B request) {
		return request.header("Authorization", "Bearer " + tenant.apiKey().secret());
	}

	private static Set<Path> spooled() throws IOException {
		if (!Files.isDirectory(SPOOL)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(SPOOL)) {
			return files.collect(Collectors.toSet());
		}
	}
}
