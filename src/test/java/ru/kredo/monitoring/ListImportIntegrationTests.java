package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contacts;
import ru.kredo.tabular.RowError;
import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.tabular.HostileFiles;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.monitoring.internal.ListImport;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** Uploading contact files as named lists, through the pages, as brokers and collectors do. */
@IntegrationTest
class ListImportIntegrationTests {

	static final Path CRM_EXPORT = Path.of("src/test/resources/imports/crm-export-cp1251.csv");
	static final Path EXCEL = Path.of("src/test/resources/imports/excel-utf8-bom.csv");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ImportRecords imports;

	@Autowired
	Watches watches;

	@Autowired
	Contacts contacts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsAWindows1251CrmExportAndReportsItsBadRowsByLine() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails manager = fixtures.signedIn(fixtures.manager(broker).email().value());

		ListImport done = upload(broker, manager, "База 2026", Files.readAllBytes(CRM_EXPORT), LocalDate.now());

		assertThat(done.status()).isEqualTo(ImportStatus.DONE);
		assertThat(done.total()).isEqualTo(7);
		assertThat(done.imported()).isEqualTo(5);
		assertThat(done.rejected()).isEqualTo(2);
		assertThat(done.awaitingConsent()).isZero();
		assertThat(imports.errors(broker.tenant().id(), done.id(), 0, 100))
			.extracting(RowError::line, RowError::column, RowError::code)
			.containsExactly(tuple(6L, "Дата рождения", "date-not-in-calendar"),
					tuple(7L, "Серия паспорта", "contact.passport-invalid"));
		// A wrong phone costs the row nothing but the phone, and is reported.
		assertThat(done.noted()).isEqualTo(1);
		assertThat(imports.notes(broker.tenant().id(), done.id(), 0, 100))
			.extracting(RowError::line, RowError::column, RowError::code)
			.containsExactly(tuple(8L, "Телефон", "import.note.phone-invalid"));
		assertThat(watchesOf(broker, done)).hasSize(5)
			.allSatisfy(w -> assertThat(w.status()).isEqualTo(WatchStatus.ACTIVE));
		assertThat(watchesOf(broker, done)).extracting(Watch::segment)
			.containsExactlyInAnyOrder(Segment.PROSPECT, Segment.PROSPECT, Segment.PAUSED, Segment.IN_PROGRESS,
					Segment.PROSPECT);

		String page = mvc.perform(get("/monitoring/imports/" + done.id()).with(user(manager)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Такой даты нет в календаре", "Паспорт: серия из 4 цифр", "Скачать все ошибки",
				"Телефон не распознан и не сохранён");
		assertThat(audit.latest(broker.tenant().id(), 10)).anyMatch(e -> e.action() == AuditAction.LIST_IMPORTED
				&& e.objectId().equals(done.id().toString()));
	}

	@Test
	void importsAUtf8ExcelFileWithBomCommasAndEnglishHeaders() throws Exception {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);

		ListImport done = upload(collector, fixtures.admin(collector), "Должники", Files.readAllBytes(EXCEL), null);

		assertThat(done.status()).isEqualTo(ImportStatus.DONE);
		assertThat(done.imported()).isEqualTo(3);
		assertThat(done.rejected()).isZero();
		List<Watch> list = watchesOf(collector, done);
		assertThat(list).extracting(w -> w.consent() == null ? null : w.consent().givenOn())
			.containsExactlyInAnyOrder(LocalDate.of(2026, 10, 1), null, null);
		assertThat(done.awaitingConsent()).isEqualTo(list.stream().filter(w -> w.status() == WatchStatus.AWAITING_CONSENT).count())
			.isGreaterThanOrEqualTo(2);
		assertThat(contacts.search(collector.tenant().id(), "Мамедов", 0, 10)).extracting(c -> c.name())
			.containsExactly("Мамедов Рашид Али оглы");
	}

	@Test
	void reUploadingUpdatesTheListRatherThanDuplicatingIt() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);

		ListImport first = upload(broker, admin, "Повтор", Files.readAllBytes(CRM_EXPORT), null);
		ListImport second = upload(broker, admin, "Повтор", Files.readAllBytes(CRM_EXPORT), LocalDate.now());

		assertThat(second.listId()).isEqualTo(first.listId());
		assertThat(second.imported()).isEqualTo(5);
		assertThat(watchesOf(broker, second)).hasSize(5)
			.allSatisfy(w -> assertThat(w.status()).isEqualTo(WatchStatus.ACTIVE));
		assertThat(first.awaitingConsent()).isEqualTo(5);
		assertThat(contacts.count(broker.tenant().id())).isEqualTo(5);
	}

	@Test
	void anImportCutShortByACrashShowsAsInterruptedAndTheSameFileFinishesIt() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);
		List<String> lines = Files.readAllLines(CRM_EXPORT, java.nio.charset.Charset.forName("windows-1251"));
		byte[] firstHalf = String.join("\r\n", lines.subList(0, 4)).getBytes("windows-1251");
		ListImport cut = upload(broker, admin, "Прерванный", firstHalf, LocalDate.now());
		// As if the process had died after this batch: still RUNNING, heartbeat long gone.
		jdbc.sql("update list_imports set status = 'RUNNING', finished_at = null, updated_at = now() - interval '1 hour' where id = ?")
			.param(cut.id()).update();

		assertThat(imports.get(broker.tenant().id(), cut.id()).status()).isEqualTo(ImportStatus.INTERRUPTED);
		assertThat(mvc.perform(get("/monitoring/imports/" + cut.id()).with(user(admin))).andReturn().getResponse()
			.getContentAsString()).contains("Загрузка прервалась");
		assertThat(watchesOf(broker, cut)).hasSize(2);

		ListImport finished = upload(broker, admin, "Прерванный", Files.readAllBytes(CRM_EXPORT), LocalDate.now());

		assertThat(finished.status()).isEqualTo(ImportStatus.DONE);
		assertThat(watchesOf(broker, finished)).hasSize(5);
		assertThat(contacts.count(broker.tenant().id())).isEqualTo(5);
	}

	@Test
	void theErrorReportDownloadsAsCsvForExcelInTheUsersLanguage() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		ListImport done = upload(broker, fixtures.admin(broker), "Отчёт", Files.readAllBytes(CRM_EXPORT), null);

		MockHttpServletResponse csv = mvc.perform(get("/monitoring/imports/" + done.id() + "/errors.csv")
			.with(user(fixtures.admin(broker)))).andReturn().getResponse();

		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
		String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFСтрока;Столбец;Ошибка\r\n")
			.contains("6;Дата рождения;Такой даты нет в календаре (например, 31.02).\r\n", "7;Серия паспорта;",
					"8;Телефон;Телефон не распознан и не сохранён, остальные данные строки загружены.");
		assertThat(text).doesNotContain("45АБ", "916123456");

		String english = mvc.perform(get("/monitoring/imports/" + done.id() + "/errors.csv").param("lang", "en")
			.with(user(fixtures.admin(broker)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).startsWith("\uFEFFLine;Column;Error").contains("No such date in the calendar");
	}

	@Test
	void aFileThatNamesNoBirthDateIsRefusedOnTheFormAndNothingStarts() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		byte[] file = "ФИО;Телефон\nИванов Иван;+79161234567\n".getBytes(StandardCharsets.UTF_8);

		MockHttpServletResponse response = mvc.perform(multipart("/monitoring/lists")
			.file(new MockMultipartFile("file", "clients.csv", "text/csv", file)).param("name", "Без дат")
			.param("segment", "PROSPECT").param("months", "6").param("consentPurpose", "Подбор кредита")
			.with(user(fixtures.admin(broker))).with(csrf())).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Не найден столбец «Дата рождения»");
		assertThat(jdbc.sql("select count(*) from list_imports where tenant_id = ?").param(broker.tenant().id().value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aFileOverTheLimitIsRefusedOnTheFormBeforeItIsSpooled() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		// kredo.lists.max-file-size is 1MB in tests.
		byte[] file = new byte[1024 * 1024 + 1];

		MockHttpServletResponse response = mvc.perform(multipart("/monitoring/lists")
			.file(new MockMultipartFile("file", "huge.csv", "text/csv", file)).param("name", "Огромный")
			.param("segment", "PROSPECT").param("months", "6").with(user(fixtures.admin(broker))).with(csrf()))
			.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Файл больше 1 МБ");
		assertThat(jdbc.sql("select count(*) from list_imports where tenant_id = ?").param(broker.tenant().id().value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void anotherTenantsListsAndImportsAreInvisible() throws Exception {
		Provisioned owner = fixtures.tenant(TenantKind.BROKER);
		Provisioned stranger = fixtures.tenant(TenantKind.BROKER);
		ListImport done = upload(owner, fixtures.admin(owner), "Секретный список", Files.readAllBytes(CRM_EXPORT), null);

		for (String path : List.of("", "/progress", "/errors.csv")) {
			assertThat(mvc.perform(get("/monitoring/imports/" + done.id() + path).with(user(fixtures.admin(stranger))))
				.andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
		}
		String lists = mvc.perform(get("/monitoring/lists").with(user(fixtures.admin(stranger)))).andReturn()
			.getResponse().getContentAsString();
		assertThat(lists).doesNotContain("Секретный список", done.id().toString());
		assertThat(mvc.perform(get("/monitoring/lists").with(user(fixtures.admin(owner)))).andReturn().getResponse()
			.getContentAsString()).contains("Секретный список", done.id().toString());
	}

	@Test
	void theProgressFragmentPollsWhileRunningAndReloadsThePageWhenDone() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		ListImport done = upload(broker, fixtures.admin(broker), "Прогресс", Files.readAllBytes(EXCEL), null);

		MockHttpServletResponse fragment = mvc.perform(get("/monitoring/imports/" + done.id() + "/progress")
			.header("HX-Request", "true").with(user(fixtures.admin(broker)))).andReturn().getResponse();

		assertThat(fragment.getHeader("HX-Refresh")).isEqualTo("true");
		assertThat(fragment.getContentAsString()).contains("id=\"progress\"").doesNotContain("every 1s", "<html");
		jdbc.sql("update list_imports set status = 'RUNNING' where id = ?").param(done.id()).update();
		assertThat(mvc.perform(get("/monitoring/imports/" + done.id()).with(user(fixtures.admin(broker)))).andReturn()
			.getResponse().getContentAsString()).contains("hx-trigger=\"every 1s\"");
	}

	@Test
	void aListThatUnpacksToHundredsOfMegabytesIsRefusedOnThePageAndTheServerKeepsAnswering(@TempDir Path directory)
			throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);
		Path bomb = HostileFiles.xlsxWithHugeCell(directory.resolve("bomb.xlsx"), List.of("ФИО", "Дата рождения"),
				200L * 1024 * 1024);

		MockHttpServletResponse refused = mvc.perform(multipart("/monitoring/lists")
			.file(new MockMultipartFile("file", "bomb.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					Files.readAllBytes(bomb)))
			.param("name", "Бомба").param("segment", "PROSPECT").param("months", "6").param("consentPurpose", "Подбор кредита")
			.param("consentMethod", "PAPER").with(user(admin)).with(csrf())).andReturn().getResponse();

		assertThat(refused.getRedirectedUrl()).isNull();
		assertThat(refused.getContentAsString()).contains("ячейка длиннее 32");
		assertThat(jdbc.sql("select count(*) from list_imports where tenant_id = ?").param(broker.tenant().id().value())
			.query(Long.class).single()).isZero();
		ListImport after = upload(broker, admin, "После бомбы", Files.readAllBytes(EXCEL), null);
		assertThat(after.status()).isEqualTo(ImportStatus.DONE);
	}

	@Test
	void aFileOfMostlyBadRowsStopsAtTheLimitKeepingTheGoodOnesAndSaysSoOnItsPage() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);
		String file = "ФИО;Дата рождения\nИванов Иван;12.05.1990\nПетров Пётр;02.02.1990\n"
				+ "Сидоров Сидор;31.02.1970\n".repeat(150);

		ListImport stopped = upload(broker, admin, "Почти всё неверно", file.getBytes(StandardCharsets.UTF_8), null);

		assertThat(stopped.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(stopped.failureCode()).isEqualTo("import.too-many-rejected");
		assertThat(stopped.imported()).isEqualTo(2);
		assertThat(stopped.rejected()).isEqualTo(100);
		assertThat(mvc.perform(get("/monitoring/imports/" + stopped.id()).with(user(admin))).andReturn().getResponse()
			.getContentAsString()).contains("Отклонено больше 100 строк", "Сохранено строк: 2");
	}

	@Test
	void aBitrix24ExportKeepsEveryPhoneAndAddressAndReportsManagersWhoAreNoUsers() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);
		// As a CRM writes him, last word first: «a1b2c3d4 Менеджер» is the user «Менеджер a1b2c3d4».
		String[] words = fixtures.manager(broker).displayName().split(" ");
		String manager = words[1] + " " + words[0];
		byte[] export = xlsx(List.of(
				List.of("Имя", "Фамилия", "Отчество", "Дата рождения", "Рабочий телефон", "Мобильный телефон",
						"Домашний телефон", "Другой телефон", "Рабочий e-mail", "Частный e-mail", "Другой e-mail",
						"Ответственный"),
				List.of("Олег", "Рабочев", "Ильич", LocalDate.of(1980, 1, 2), "+7 (495) 111-22-33", "", "", "", "", "",
						"", manager),
				List.of("Нина", "Многоканальная", "", LocalDate.of(1985, 5, 6), "", "8 916 222-33-44",
						"8 (495) 333-44-55", "+7 903 444-55-66", "nina@work.ru", "nina@mail.ru", "", "Сидорова Анна"),
				List.of("Ян", "Безномерный", "", LocalDate.of(1990, 7, 8), "12-34", "", "", "", "", "не адрес", "",
						"Сидорова  Анна"),
				List.of("Ева", "Чужая", "", LocalDate.of(1991, 9, 10), "", "", "", "", "", "", "", "Петров"),
				List.of("", "Итого: 4 контакта", "", "", "", "", "", "", "", "", "", "")));

		ListImport done = upload(broker, admin, "Битрикс24", export, "contacts.xlsx", null);

		assertThat(done.status()).isEqualTo(ImportStatus.DONE);
		assertThat(done.imported()).isEqualTo(4);
		assertThat(done.rejected()).isZero();
		assertThat(done.noted()).isEqualTo(1);
		assertThat(done.skipped()).isEqualTo(1);
		var tenant = broker.tenant().id();
		// Only a work phone: it is his phone.
		var rabochev = contacts.findByNameAndBirthDate(tenant, new ru.kredo.contacts.FullName("Рабочев", "Олег", "Ильич"),
				LocalDate.of(1980, 1, 2)).getFirst();
		assertThat(rabochev.phone()).isEqualTo(new ru.kredo.contacts.PhoneNumber("+74951112233"));
		// Every number and address kept, and she is found by any of her numbers (the cabinet's door).
		var nina = contacts.findByNameAndBirthDate(tenant, new ru.kredo.contacts.FullName("Многоканальная", "Нина", null),
				LocalDate.of(1985, 5, 6)).getFirst();
		assertThat(contacts.phones(tenant, nina.id())).extracting(ru.kredo.contacts.PhoneNumber::e164)
			.containsExactly("+79162223344", "+74953334455", "+79034445566");
		assertThat(contacts.emails(tenant, nina.id())).containsExactly("nina@work.ru", "nina@mail.ru");
		assertThat(contacts.findByNameAndPhone(tenant, nina.name(), new ru.kredo.contacts.PhoneNumber("+79034445566")))
			.extracting(ru.kredo.contacts.Contact::id).containsExactly(nina.id());
		// A wrong phone and address cost the row nothing but themselves, and are reported; so is the total.
		assertThat(imports.notes(tenant, done.id(), 0, 10)).extracting(RowError::line, RowError::column, RowError::code)
			.containsExactly(tuple(4L, "Рабочий телефон", "import.note.phone-invalid"),
					tuple(6L, null, "import.note.row-summary"));
		assertThat(imports.errors(tenant, done.id(), 0, 10)).isEmpty();
		// Rows whose «Ответственный» is no user: counted by name, on the page and in the report.
		assertThat(watchesOf(broker, done)).filteredOn(w -> w.managerId() != null).hasSize(1);
		assertThat(imports.unknownManagers(tenant, done.id())).containsExactly(
				new ImportRecords.UnknownManager("Сидорова Анна", 2), new ImportRecords.UnknownManager("Петров", 1));
		String page = mvc.perform(get("/monitoring/imports/" + done.id()).with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Ответственные не найдены среди пользователей",
				"«Сидорова Анна» — строк без ответственного: 2", "«Петров» — строк без ответственного: 1",
				"Телефон не распознан и не сохранён", "Итоговая строка («Итого», «Всего») пропущена");
		String report = mvc.perform(get("/monitoring/imports/" + done.id() + "/errors.csv").with(user(admin))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).contains("4;Рабочий телефон;Телефон не распознан", "6;;Итоговая строка",
				";;«Сидорова Анна» — строк без ответственного: 2");
		String card = mvc.perform(get("/contacts/" + nina.id().value()).with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(card).contains("+7 916 222-33-44", "+7 495 333-44-55", "+7 903 444-55-66", "nina@work.ru",
				"nina@mail.ru");
	}

	@Test
	void anAmoCrmExportKeepsItsWorkAndPersonalNumbersAndAddresses() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		byte[] export = ("ФИО;Дата рождения;Рабочий телефон;Мобильный телефон;Рабочий email;Личный email\n"
				+ "Фамилин Фёдор Петрович;03.03.1973;+7 495 555-66-77;+7 916 777-88-99;f@firm.ru;fedor@ya.ru\n")
			.getBytes(StandardCharsets.UTF_8);

		ListImport done = upload(broker, fixtures.admin(broker), "amoCRM", export, null);

		assertThat(done.imported()).isEqualTo(1);
		var fedor = contacts.findByNameAndBirthDate(broker.tenant().id(),
				new ru.kredo.contacts.FullName("Фамилин", "Фёдор", "Петрович"), LocalDate.of(1973, 3, 3)).getFirst();
		assertThat(contacts.phones(broker.tenant().id(), fedor.id())).extracting(ru.kredo.contacts.PhoneNumber::e164)
			.containsExactly("+74955556677", "+79167778899");
		assertThat(contacts.emails(broker.tenant().id(), fedor.id())).containsExactly("f@firm.ru", "fedor@ya.ru");
		String resource = mvc.perform(get("/api/v1/contacts/{id}", fedor.id().value())
			.header("Authorization", "Bearer " + broker.apiKey().secret())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(resource).contains("\"phones\":[\"+74955556677\",\"+79167778899\"]",
				"\"emails\":[\"f@firm.ru\",\"fedor@ya.ru\"]");
	}

	private static byte[] xlsx(List<List<Object>> rows) throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Kredo tests", "1.0");
		org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Контакты");
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				Object value = rows.get(r).get(c);
				if (value instanceof LocalDate date) {
					sheet.value(r, c, date);
					sheet.style(r, c).format("dd.mm.yyyy").set();
				}
				else if (!value.toString().isEmpty()) {
					sheet.value(r, c, value.toString());
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	private ListImport upload(Provisioned tenant, UserDetails who, String listName, byte[] file, LocalDate consentDate)
			throws Exception {
		return upload(tenant, who, listName, file, "clients.csv", consentDate);
	}

	private ListImport upload(Provisioned tenant, UserDetails who, String listName, byte[] file, String fileName,
			LocalDate consentDate) throws Exception {
		MockHttpServletResponse response = mvc.perform(multipart("/monitoring/lists")
			.file(new MockMultipartFile("file", fileName, "text/csv", file)).param("name", listName)
			.param("segment", "PROSPECT").param("months", "6")
			.param("consentDate", consentDate == null ? "" : consentDate.toString())
			.param("consentPurpose", "Подбор кредита").param("consentMethod", "PAPER")
			.with(user(who)).with(csrf())).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).startsWith("/monitoring/imports/");
		UUID id = UUID.fromString(response.getRedirectedUrl().substring("/monitoring/imports/".length()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !imports.get(tenant.tenant().id(), id).isRunning());
		return imports.get(tenant.tenant().id(), id);
	}

	private List<Watch> watchesOf(Provisioned tenant, ListImport listImport) {
		return watches.search(tenant.tenant().id(), new WatchFilter(null, null, listImport.listId(), null), 0, 1000)
			.stream().map(WatchLine::watch).toList();
	}
}
