package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.internal.PortfolioImport;
import ru.kredo.collections.internal.PortfolioImports;
import ru.kredo.contacts.Contacts;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.money.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.tabular.HostileFiles;
import ru.kredo.tabular.ImportRuns;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tabular.RowError;
import ru.kredo.tenancy.TenantKind;

/** Uploading debt registries as agencies receive them, through the pages. */
@IntegrationTest
class PortfolioImportIntegrationTests {

	static final String RUSSIAN_HEADER = "Фамилия;Имя;Отчество;Дата рождения;Паспорт;Телефон;Цедент;Номер договора;"
			+ "Дата договора;Дата уступки;Сумма основного долга;Проценты;Пени/штрафы;Комиссии;Госпошлина;Оплачено;"
			+ "Дней просрочки;Регион";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PortfolioImports imports;

	@Autowired
	Debts debts;

	@Autowired
	Contacts contacts;

	@Autowired
	AuditLog audit;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Offers offers;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportRuns runs;

	@Test
	void importsAWindows1251RegistryWithSemicolonsKeepsTheGoodRowsAndReportsTheBadOnesByLine() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails manager = fixtures.signedIn(fixtures.manager(agency).email().value());
		byte[] registry = Registries.csv(Registries.WINDOWS_1251, false, RUSSIAN_HEADER,
				"Иванов;Иван;Иванович;14.03.1985;4510 123456;+7 916 123-45-67;ПАО «Сбербанк»;КД-1/2020;05.05.2020;"
						+ "01.03.2025;\"90 000,00\";\"10 000,00\";\"5 000,00\";0;\"2 000,00\";\"12 000,00\";700;Свердловская обл.",
				"Иванов;Иван;Иванович;14.03.1985;4510 123456;;\"ООО МФК \"\"Займер\"\"\";З-77;01.02.2023;;15000;3000,50;;;;;120;"
						+ "г. Москва",
				"Петрова;Анна;;01.02.1990;;8 (912) 000-11-22;ПАО «Сбербанк»;КД-2/2021;10.10.2021;;12,345;;;;;;;",
				"Сидоров;Пётр;;31.02.1980;;;ПАО «Сбербанк»;КД-3/2021;10.10.2021;;1000;;;;;;;",
				"Кузнецова;Мария;;05.05.1975;;;АО «Альфа-Банк»;A-5;01.01.2019;;50000;;;;;60000;;Респ. Татарстан",
				"Смирнов;Олег;;07.07.1977;;;АО «Альфа-Банк»;A-6;01.01.2019;;50000;;;;;;;Нарния",
				"Волков;Игорь;;08.08.1988;;;АО «Альфа-Банк»;A-7;01.01.2019;;1 000 000 руб.;;;;;;30;Респ. Саха (Якутия)",
				"Иванов;Иван;Иванович;14.03.1985;4510 123456;;ПАО «Сбербанк»;КД-1/2020;05.05.2020;;1;;;;;;;");

		PortfolioImport done = upload(agency, manager, "Сбербанк 03/2025", "registry.csv", registry, null);

		assertThat(done.status()).isEqualTo(ImportStatus.DONE);
		assertThat(done.total()).isEqualTo(8);
		assertThat(done.created()).isEqualTo(3);
		assertThat(done.rejected()).isEqualTo(5);
		assertThat(done.debtors()).isEqualTo(2);
		assertThat(imports.errors(agency.tenant().id(), done.id(), 0, 100))
			.extracting(RowError::line, RowError::column, RowError::code)
			.containsExactly(tuple(4L, "Сумма основного долга", "money.ambiguous"),
					tuple(5L, "Дата рождения", "date-not-in-calendar"),
					tuple(6L, "Оплачено", "portfolio.paid-exceeds-claim"),
					tuple(7L, "Регион", "portfolio.region-unknown"),
					tuple(9L, "Номер договора", "portfolio.contract-repeated"));
		// One person across two rows is one debtor with two debts.
		assertThat(contacts.count(agency.tenant().id())).isEqualTo(2);
		Map<String, Debt> byContract = debtsOf(agency);
		assertThat(byContract).containsOnlyKeys("КД-1/2020", "З-77", "A-7");
		assertThat(byContract.get("КД-1/2020").contactId()).isEqualTo(byContract.get("З-77").contactId());

		// Paid 12 000 of a 107 000 claim: state duty first, then interest (ст. 319); principal and penalties remain.
		Debt sber = byContract.get("КД-1/2020");
		assertThat(sber.originalTotal()).isEqualTo(Money.ofRoubles("107000.00"));
		assertThat(sber.paidBeforeImport()).isEqualTo(Money.ofRoubles("12000.00"));
		assertThat(sber.balance().of(DebtComponent.STATE_DUTY)).isEqualTo(Money.ZERO);
		assertThat(sber.balance().of(DebtComponent.INTEREST)).isEqualTo(Money.ZERO);
		assertThat(sber.balance().of(DebtComponent.PRINCIPAL)).isEqualTo(Money.ofRoubles("90000.00"));
		assertThat(sber.balance().of(DebtComponent.PENALTIES)).isEqualTo(Money.ofRoubles("5000.00"));
		assertThat(sber.repaid()).isEqualTo(Money.ofRoubles("12000.00"));
		assertThat(sber.assignmentDate()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(sber.daysPastDue()).isEqualTo(700);
		// Where Иванов lives is his, not a debt's: of his two rows, the later one's region (г. Москва) holds for both.
		assertThat(sber.region()).isEqualTo("Москва");
		assertThat(sber.timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
		assertThat(byContract.get("З-77").originalCreditor()).isEqualTo("ООО МФК \"Займер\"");
		assertThat(byContract.get("З-77").balance().of(DebtComponent.INTEREST)).isEqualTo(Money.ofRoubles("3000.50"));
		assertThat(byContract.get("З-77").timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
		assertThat(byContract.get("A-7").total()).isEqualTo(Money.ofRoubles("1000000.00"));
		assertThat(byContract.get("A-7").region()).isEqualTo("Республика Саха (Якутия)");
		assertThat(byContract.get("A-7").timeZone()).isEqualTo(ZoneId.of("Asia/Yakutsk"));

		String page = mvc.perform(get("/debtors/portfolios/imports/" + done.id()).with(user(manager)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Сбербанк 03/2025", "Сумму можно прочесть двояко", "Такой даты нет в календаре",
				"Оплачено больше, чем сумма долга", "Регион не распознан", "уже был в строке 2", "Скачать все ошибки");
		assertThat(audit.latest(agency.tenant().id(), 10)).anyMatch(e -> e.action() == AuditAction.PORTFOLIO_IMPORTED
				&& e.objectId().equals(done.id().toString()));
		String card = mvc.perform(get("/debtors/" + sber.contactId().value()).with(user(manager))).andReturn().getResponse()
			.getContentAsString();
		assertThat(card).contains("Москва (UTC+3)", "107\u00a0000,00\u00a0₽", "12\u00a0000,00\u00a0₽", "01.03.2025")
			.doesNotContain("Свердловская область");
	}

	@Test
	void importsAUtf8RegistryWithBomCommasQuotesAndEnglishHeaders() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		byte[] registry = Registries.csv(StandardCharsets.UTF_8, true,
				"Full name,Date of birth,Phone,Original creditor,Contract number,Contract date,Assignment date,Total debt,"
						+ "Paid,DPD,Region,Time zone",
				"\"Орлов Игорь Николаевич\",1980-01-15,\"+7 (916) 333-44-55\",\"ПАО \"\"Банк, который рядом\"\"\",L-1,"
						+ "2019-06-01,2024-12-01,\"25,000.50\",5000.50,400,,MSK+2",
				"\"Белова Ольга\",1995-05-05,8 916 444 55 66,МФО «Деньги сразу»,Z-9,2023-03-03,,7000,,,Краснодарский край,");

		PortfolioImport done = upload(agency, fixtures.admin(agency), "Банк рядом", "registry.csv", registry, null);

		assertThat(done.status()).isEqualTo(ImportStatus.DONE);
		assertThat(done.created()).isEqualTo(2);
		assertThat(done.rejected()).isZero();
		Map<String, Debt> byContract = debtsOf(agency);
		// Only a total: it is all principal; 5 000,50 already paid comes off it.
		Debt orlov = byContract.get("L-1");
		assertThat(orlov.originalCreditor()).isEqualTo("ПАО \"Банк, который рядом\"");
		assertThat(orlov.originalTotal()).isEqualTo(Money.ofRoubles("25000.50"));
		assertThat(orlov.balance().of(DebtComponent.PRINCIPAL)).isEqualTo(Money.ofRoubles("20000.00"));
		assertThat(orlov.timeZone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
		assertThat(orlov.region()).isNull();
		assertThat(byContract.get("Z-9").region()).isEqualTo("Краснодарский край");
		assertThat(byContract.get("Z-9").timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
		assertThat(contacts.search(agency.tenant().id(), "Орлов", 0, 10)).singleElement()
			.satisfies(c -> assertThat(c.maskedPhone()).endsWith("44-55"));
	}

	@Test
	void importsAnExcelWorkbookWithTypedCellsAndTheFormsCreditor() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		// As banks send them: a title and the assignment contract above the header.
		byte[] workbook = Registries.xlsx(List.of(
				Arrays.asList("Реестр уступаемых прав требования"),
				Arrays.asList("Приложение № 1 к договору цессии № 7 от 15.01.2025"),
				Arrays.asList("ФИО", "Дата рождения", "Телефон", "№ КД", "Дата КД", "ОД", "Проценты", "Госпошлина", "DPD",
						"Регион"),
				Arrays.asList("Зайцев Антон Сергеевич", LocalDate.of(1970, 12, 31), 79031234567L, 120045,
						LocalDate.of(2018, 7, 1), new BigDecimal("90000.5"), 1500, new BigDecimal("3000"), 1200, "77"),
				Arrays.asList("Лисина Вера", LocalDate.of(1999, 9, 9), null, "К-2", LocalDate.of(2022, 2, 2), "сто тысяч",
						null, null, null, "50")));

		PortfolioImport done = upload(agency, fixtures.admin(agency), "Excel", "реестр.xlsx", workbook,
				Map.of("creditor", "АО «Тинькофф Банк»", "assignmentDate", "2025-01-15"));

		assertThat(done.status()).isEqualTo(ImportStatus.DONE);
		assertThat(done.fileName()).isEqualTo("реестр.xlsx");
		assertThat(done.created()).isEqualTo(1);
		assertThat(imports.errors(agency.tenant().id(), done.id(), 0, 10))
			.extracting(RowError::line, RowError::column, RowError::code)
			.containsExactly(tuple(5L, "ОД", "money.unreadable"));
		Debt debt = debtsOf(agency).get("120045");
		assertThat(debt.originalCreditor()).isEqualTo("АО «Тинькофф Банк»");
		assertThat(debt.contractDate()).isEqualTo(LocalDate.of(2018, 7, 1));
		assertThat(debt.assignmentDate()).isEqualTo(LocalDate.of(2025, 1, 15));
		assertThat(debt.balance().of(DebtComponent.PRINCIPAL)).isEqualTo(Money.ofRoubles("90000.50"));
		assertThat(debt.balance().of(DebtComponent.INTEREST)).isEqualTo(Money.ofRoubles("1500.00"));
		assertThat(debt.balance().of(DebtComponent.STATE_DUTY)).isEqualTo(Money.ofRoubles("3000.00"));
		assertThat(debt.daysPastDue()).isEqualTo(1200);
		assertThat(debt.region()).isEqualTo("Москва");
		assertThat(contacts.search(agency.tenant().id(), "Зайцев", 0, 10)).singleElement()
			.satisfies(c -> assertThat(c.maskedPhone()).endsWith("45-67"));
	}

	@Test
	void uploadingTheRegistryAgainUpdatesBalancesWithoutDuplicatesAndKeepsPaymentsMadeInTheCabinet() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		String header = "ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД;Проценты;Оплачено";
		byte[] march = Registries.csv(Registries.WINDOWS_1251, false, header,
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-1;01.01.2020;10000;2000;",
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-2;01.06.2021;5000;0;");
		PortfolioImport first = upload(agency, admin, "Банк", "march.csv", march, null);
		assertThat(first.created()).isEqualTo(2);
		Debt d1 = debtsOf(agency).get("D-1");
		// The debtor pays 3 000 in the cabinet: interest 2 000, then principal 1 000.
		transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(agency.tenant().id(),
				new PaymentId(UUID.randomUUID()), d1.id().value(), Money.ofRoubles("3000.00"), Instant.now())));
		assertThat(debts.get(agency.tenant().id(), d1.id()).total()).isEqualTo(Money.ofRoubles("9000.00"));

		PortfolioImport again = upload(agency, admin, "Банк", "march.csv", march, null);

		assertThat(again.created()).isZero();
		assertThat(again.updated()).isEqualTo(2);
		assertThat(debts.count(agency.tenant().id())).isEqualTo(2);
		assertThat(contacts.count(agency.tenant().id())).isEqualTo(1);
		assertThat(debts.get(agency.tenant().id(), d1.id()).total()).isEqualTo(Money.ofRoubles("9000.00"));

		// D-2 is offered 10% off its 5 000 before April's registry comes.
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 30, PartPolicy.IN_FULL);
		Debt d2 = debtsOf(agency).get("D-2");
		assertThat(offers.find(agency.tenant().id(), d2.id()).orElseThrow().fullAmount()).isEqualTo(Money.ofRoubles("5000.00"));

		// April's registry: the assignor received 500 on D-2 and the agency bought D-3.
		byte[] april = Registries.csv(Registries.WINDOWS_1251, false, header,
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-1;01.01.2020;10000;2000;",
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-2;01.06.2021;5000;0;500",
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-3;01.09.2022;800;0;");
		PortfolioImport third = upload(agency, admin, "Банк", "april.csv", april, null);

		assertThat(third.created()).isEqualTo(1);
		assertThat(third.updated()).isEqualTo(2);
		assertThat(third.debtors()).isEqualTo(1);
		Map<String, Debt> byContract = debtsOf(agency);
		assertThat(byContract).hasSize(3);
		assertThat(byContract.get("D-1").total()).isEqualTo(Money.ofRoubles("9000.00"));
		assertThat(byContract.get("D-2").total()).isEqualTo(Money.ofRoubles("4500.00"));
		assertThat(byContract.get("D-2").repaid()).isEqualTo(Money.ofRoubles("500.00"));
		// The offer on the old balance is withdrawn; the next one discounts the new balance.
		Offer renewed = offers.find(agency.tenant().id(), byContract.get("D-2").id()).orElseThrow();
		assertThat(renewed.fullAmount()).isEqualTo(Money.ofRoubles("4500.00"));
		assertThat(renewed.offerAmount()).isEqualTo(Money.ofRoubles("4050.00"));
		String page = mvc.perform(get("/debtors/portfolios").with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Банк", "march.csv", "april.csv", "14\u00a0300,00\u00a0₽");
	}

	@Test
	void keepsEveryPhoneTheRegistryGivesForADebtorOnce() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		byte[] registry = Registries.csv(Registries.WINDOWS_1251, false,
				"ФИО;Дата рождения;Телефон мобильный;Телефон домашний;Кредитор;Номер договора;Дата договора;ОД",
				"Рябов Семён;03.03.1983;+7 916 111-22-33;8 (495) 123-45-67;Банк;R-1;01.01.2020;1000",
				"Рябов Семён;03.03.1983;89161112233;+7 912 444-55-66, 123;Банк;R-2;01.01.2021;2000");

		PortfolioImport done = upload(agency, admin, "Телефоны", "r.csv", registry, null);

		assertThat(done.created()).isEqualTo(2);
		assertThat(done.rejected()).isZero();
		Debt debt = debtsOf(agency).get("R-1");
		String card = mvc.perform(get("/debtors/" + debt.contactId().value()).with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(card).contains("+7 916 111-22-33", "Другие телефоны", "+7 495 123-45-67", "+7 912 444-55-66");
		assertThat(card.split("\\+7 916 111-22-33", -1)).hasSize(2);
	}

	@Test
	void aRegistrysTotalRowAndTheSignaturesUnderItAreSkippedNotRejected() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		byte[] workbook = Registries.xlsx(List.of(
				Arrays.asList("№ п/п", "ФИО", "Дата рождения", "Телефон", "Кредитор", "Номер договора", "Дата договора",
						"ОД", "Проценты"),
				Arrays.asList(1, "Соколов Андрей", LocalDate.of(1981, 1, 1), "+7 916 555-66-77", "Банк", "S-1",
						LocalDate.of(2020, 1, 1), 10000, 500),
				Arrays.asList(2, "Крылова Нина", LocalDate.of(1982, 2, 2), null, "Банк", "S-2", LocalDate.of(2020, 2, 2),
						20000, 0),
				Arrays.asList("ИТОГО", null, null, null, null, null, null, 30000, 500),
				Arrays.asList("Генеральный директор ООО «ПКО «Возврат»", null, "______________", null, null,
						"Иванов И. И."),
				Arrays.asList("М.П."),
				Arrays.asList(null, null, null, null, null, null, "-", "0,00")));
		byte[] csv = Registries.utf8("ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД",
				"Белкин Олег;03.03.1983;Банк;S-3;01.01.2021;1000",
				"Итого:;;;;;1000",
				"Исполнитель: Петрова А. А.;;;;;",
				"01.12.2026;;;;;");

		PortfolioImport xlsx = upload(agency, admin, "С итогами", "реестр.xlsx", workbook, null);
		PortfolioImport text = upload(agency, admin, "С итогами CSV", "реестр.csv", csv, null);

		assertThat(xlsx.status()).isEqualTo(ImportStatus.DONE);
		assertThat(xlsx.created()).isEqualTo(2);
		assertThat(xlsx.rejected()).isZero();
		assertThat(xlsx.skipped()).isEqualTo(4);
		assertThat(imports.errors(agency.tenant().id(), xlsx.id(), 0, 10)).isEmpty();
		assertThat(imports.notes(agency.tenant().id(), xlsx.id(), 0, 10)).extracting(RowError::line, RowError::code)
			.containsExactly(tuple(4L, "import.note.row-summary"), tuple(5L, "import.note.row-footer"),
					tuple(6L, "import.note.row-footer"), tuple(7L, "import.note.row-footer"));
		assertThat(text.created()).isEqualTo(1);
		assertThat(text.rejected()).isZero();
		assertThat(imports.notes(agency.tenant().id(), text.id(), 0, 10)).extracting(RowError::line, RowError::code)
			.containsExactly(tuple(3L, "import.note.row-summary"), tuple(4L, "import.note.row-footer"),
					tuple(5L, "import.note.row-footer"));
		String page = mvc.perform(get("/debtors/portfolios/imports/" + xlsx.id()).with(user(admin))).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("Пропущено (итоги, подписи)", "Итоговая строка («Итого», «Всего») пропущена",
				"Строка под таблицей (подпись, печать, пустые поля) пропущена").doesNotContain("Строки с ошибками");
	}

	@Test
	void aRowWhoseOnlyPhoneIsWrongKeepsItsDebtAndTheReportSaysSo() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		byte[] registry = Registries.utf8("ФИО;Дата рождения;Телефон;Кредитор;Номер договора;Дата договора;ОД",
				"Неверов Иван;01.01.1980;+7 123;Банк;P-1;01.01.2020;1000",
				"Службин Пётр;02.02.1980;8-800-555-35-35;Банк;P-2;01.01.2020;2000",
				"Верный Олег;03.03.1980;+7 916 000-11-22;Банк;P-3;01.01.2020;3000");

		PortfolioImport done = upload(agency, admin, "Телефоны с ошибками", "r.csv", registry, null);

		assertThat(done.created()).isEqualTo(3);
		assertThat(done.rejected()).isZero();
		assertThat(done.noted()).isEqualTo(2);
		assertThat(debtsOf(agency)).containsOnlyKeys("P-1", "P-2", "P-3");
		assertThat(imports.notes(agency.tenant().id(), done.id(), 0, 10))
			.extracting(RowError::line, RowError::column, RowError::code)
			.containsExactly(tuple(2L, "Телефон", "import.note.phone-invalid"),
					tuple(3L, "Телефон", "import.note.phone-not-personal"));
		String report = mvc.perform(get("/debtors/portfolios/imports/" + done.id() + "/errors.csv").with(user(admin)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).contains("2;Телефон;Телефон не распознан и не сохранён, остальные данные строки загружены.",
				"3;Телефон;Служебный номер").doesNotContain("+7 123", "555-35-35");
	}

	@Test
	void aWorkPhoneAloneIsTheDebtorsAndEveryOtherKindIsKeptForTheCabinetsDoor() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		byte[] registry = Registries.csv(Registries.WINDOWS_1251, false,
				"ФИО;Дата рождения;Рабочий телефон;Домашний телефон;Другой телефон;Кредитор;Номер договора;Дата договора;ОД",
				"Трудов Семён;03.03.1983;+7 495 100-20-30;;;Банк;W-1;01.01.2020;1000",
				"Домов Иван;04.04.1984;;8 (495) 200-30-40;+7 916 300-40-50;Банк;W-2;01.01.2020;1000");

		PortfolioImport done = upload(agency, fixtures.admin(agency), "Рабочие телефоны", "r.csv", registry, null);

		assertThat(done.created()).isEqualTo(2);
		Map<String, Debt> byContract = debtsOf(agency);
		assertThat(contacts.get(agency.tenant().id(), byContract.get("W-1").contactId()).phone())
			.isEqualTo(new ru.kredo.contacts.PhoneNumber("+74951002030"));
		assertThat(contacts.get(agency.tenant().id(), byContract.get("W-2").contactId()).phone())
			.isEqualTo(new ru.kredo.contacts.PhoneNumber("+74952003040"));
		assertThat(debts.debtorsReachableAt(agency.tenant().id(), new ru.kredo.contacts.PhoneNumber("+79163004050")))
			.containsExactly(byContract.get("W-2").contactId());
	}

	@Test
	void daysPastDueAreCountedFromTheDayTheDebtFellOverdueSoOfferRulesKeepMatching() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
		byte[] registry = Registries.utf8(
				"ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД;Дней просрочки;Дата возникновения просрочки",
				"Давнов Олег;01.01.1980;Банк;O-1;01.01.2020;1000;;" + today.minusDays(120).format(
						java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
				"Свежев Иван;02.02.1980;Банк;O-2;01.01.2020;1000;10;");

		PortfolioImport done = upload(agency, fixtures.admin(agency), "Просрочка", "r.csv", registry, null);

		assertThat(done.created()).isEqualTo(2);
		Map<String, Debt> byContract = debtsOf(agency);
		assertThat(byContract.get("O-1").daysPastDue()).isEqualTo(120);
		assertThat(byContract.get("O-2").daysPastDue()).isEqualTo(10);
		offers.addRule(agency.tenant().id(), "Старше 30 дней", 30, Money.ZERO, 20, 14, PartPolicy.IN_FULL);
		assertThat(offers.find(agency.tenant().id(), byContract.get("O-1").id())).isPresent();
		assertThat(offers.find(agency.tenant().id(), byContract.get("O-2").id())).isEmpty();

		// A month on (the registry's figures unchanged): the debt is 40 days overdue, and the rule takes it.
		jdbc.sql("update debts set overdue_since = overdue_since - 30 where tenant_id = ?")
			.param(agency.tenant().id().value()).update();
		Debt aged = debts.get(agency.tenant().id(), byContract.get("O-2").id());
		assertThat(aged.daysPastDue()).isEqualTo(40);
		// The day's renewal (OfferRenewal) makes the offers the rules now approve.
		offers.makeOffers(agency.tenant().id());
		assertThat(offers.find(agency.tenant().id(), aged.id())).isPresent();
		// Added one by one (the demo, the API): the same.
		Debt added = debts.add(agency.tenant().id(), byContract.get("O-2").contactId(), "Банк", "O-3",
				LocalDate.of(2020, 1, 1), null,
				new ru.kredo.collections.DebtComponents(Map.of(DebtComponent.PRINCIPAL, Money.ofRoubles("500.00"))), 15);
		assertThat(added.daysPastDue()).isEqualTo(15);
	}

	@Test
	void debtsStoredBeforeTheirOverdueDayWasKeptGetItFromTheirLastUploadAndGrowFromThere() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		PortfolioImport done = upload(agency, fixtures.admin(agency), "Старый", "r.csv", Registries.utf8(
				"ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД;Дней просрочки",
				"Прежний Олег;01.01.1980;Банк;M-1;01.01.2020;1000;50"), null);
		assertThat(done.created()).isEqualTo(1);
		// As the debt was before the migration: uploaded ten days ago at 50 days past due, no overdue day.
		jdbc.sql("update debts set overdue_since = null, updated_at = now() - interval '10 days' where tenant_id = ?")
			.param(agency.tenant().id().value()).update();
		String migration = Files.readString(
				Path.of("src/main/resources/db/migration/V202612061630__collections_debts_overdue_since.sql"));
		String backfill = Arrays.stream(migration.split(";")).map(String::strip)
			.map(statement -> statement.replaceAll("(?m)^--.*$", "").strip())
			.filter(statement -> statement.startsWith("update")).findFirst().orElseThrow();
		jdbc.sql(backfill + " and tenant_id = ?").param(agency.tenant().id().value()).update();

		assertThat(debtsOf(agency).get("M-1").daysPastDue()).isEqualTo(60);
	}

	@Test
	void aRegistryWithoutContractNumbersIsRefusedOnTheFormAndNothingStarts() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		byte[] registry = Registries.utf8("ФИО;Дата рождения;Кредитор;Сумма долга", "Иванов Иван;01.01.1980;Банк;1000");

		MockHttpServletResponse response = mvc.perform(multipart("/debtors/portfolios")
			.file(new MockMultipartFile("file", "registry.csv", "text/csv", registry)).param("name", "Без договоров")
			.with(user(fixtures.admin(agency))).with(csrf())).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Не найден столбец с номером договора");
		assertThat(imports.history(agency.tenant().id(), 10)).isEmpty();
	}

	@Test
	void theErrorReportDownloadsAsCsvInTheUsersLanguage() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		PortfolioImport done = upload(agency, admin, "Отчёт", "r.csv", Registries.utf8(
				"ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД",
				"Иванов Иван;01.01.1980;Банк;1;01.01.2020;12.345",
				"Петров Пётр;01.01.1981;Банк;2;01.01.2020;1000"), null);

		MockHttpServletResponse csv = mvc.perform(get("/debtors/portfolios/imports/" + done.id() + "/errors.csv")
			.with(user(admin))).andReturn().getResponse();
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8))
			.startsWith("\uFEFFСтрока;Столбец;Ошибка\r\n").contains("2;ОД;Сумму можно прочесть двояко");
		String english = mvc.perform(get("/debtors/portfolios/imports/" + done.id() + "/errors.csv").param("lang", "en")
			.with(user(admin))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).startsWith("\uFEFFLine;Column;Error").contains("2;ОД;The amount can be read two ways");
	}

	@Test
	void anotherAgencysRegistriesAreInvisibleAndBrokersHaveNone() throws Exception {
		Provisioned owner = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned stranger = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		PortfolioImport done = upload(owner, fixtures.admin(owner), "Секретный портфель", "r.csv", Registries.utf8(
				"ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД",
				"Иванов Иван;01.01.1980;Банк;1;01.01.2020;1000"), null);

		for (String path : List.of("", "/progress", "/errors.csv")) {
			assertThat(mvc.perform(get("/debtors/portfolios/imports/" + done.id() + path)
				.with(user(fixtures.admin(stranger)))).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
		}
		String theirs = mvc.perform(get("/debtors/portfolios").with(user(fixtures.admin(stranger)))).andReturn()
			.getResponse().getContentAsString();
		assertThat(theirs).doesNotContain("Секретный портфель", done.id().toString());
		assertThat(mvc.perform(get("/debtors/portfolios").with(user(fixtures.admin(owner)))).andReturn().getResponse()
			.getContentAsString()).contains("Секретный портфель", done.id().toString());
		assertThat(mvc.perform(get("/debtors/portfolios").with(user(fixtures.admin(broker)))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/").with(user(fixtures.admin(broker)))).andReturn().getResponse()
			.getContentAsString()).doesNotContain("/debtors");
	}

	@Test
	void theProgressFragmentPollsWhileRunningAndReloadsThePageWhenDone() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		PortfolioImport done = upload(agency, fixtures.admin(agency), "Прогресс", "r.csv", Registries.utf8(
				"ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД",
				"Иванов Иван;01.01.1980;Банк;1;01.01.2020;1000"), null);

		MockHttpServletResponse fragment = mvc.perform(get("/debtors/portfolios/imports/" + done.id() + "/progress")
			.header("HX-Request", "true").with(user(fixtures.admin(agency)))).andReturn().getResponse();

		assertThat(fragment.getHeader("HX-Refresh")).isEqualTo("true");
		assertThat(fragment.getContentAsString()).contains("id=\"progress\"").doesNotContain("every 1s", "<html");
	}

	@Test
	void aRegistryThatUnpacksToHundredsOfMegabytesIsRefusedOnThePageAndTheServerKeepsAnswering(@TempDir Path directory)
			throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		Path bomb = HostileFiles.xlsxWithHugeCell(directory.resolve("bomb.xlsx"), List.of(RUSSIAN_HEADER.split(";")),
				200L * 1024 * 1024);

		MockHttpServletResponse refused = mvc.perform(multipart("/debtors/portfolios")
			.file(new MockMultipartFile("file", "bomb.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					Files.readAllBytes(bomb)))
			.param("name", "Бомба").with(user(admin)).with(csrf())).andReturn().getResponse();

		assertThat(refused.getRedirectedUrl()).isNull();
		assertThat(refused.getContentAsString()).contains("ячейка длиннее 32");
		// Nor is a registry over kredo.portfolios.max-file-size (1 MB in tests) kept: it is refused as it is spooled.
		String tooLarge = mvc.perform(multipart("/debtors/portfolios")
			.file(new MockMultipartFile("file", "big.csv", "text/csv", new byte[1024 * 1024 + 1])).param("name", "Огромный")
			.with(user(admin)).with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(tooLarge).contains("Файл больше 1 МБ");
		assertThat(imports.history(agency.tenant().id(), 10)).isEmpty();
		assertThat(mvc.perform(get("/debtors/portfolios").with(user(admin))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void aRegistryOfMostlyBadRowsStopsAtTheLimitKeepingTheGoodOnesAndSaysSo() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		String[] rows = new String[153];
		rows[0] = RUSSIAN_HEADER;
		rows[1] = "Иванов;Иван;;14.03.1985;;;ПАО «Сбербанк»;КД-1;05.05.2020;;1000;;;;;;;";
		rows[2] = "Петрова;Анна;;01.02.1990;;;ПАО «Сбербанк»;КД-2;05.05.2020;;2000;;;;;;;";
		for (int i = 3; i < rows.length; i++) {
			rows[i] = "Сидоров;Пётр;;31.02.1980;;;ПАО «Сбербанк»;КД-Б" + i + ";10.10.2021;;1000;;;;;;;";
		}

		PortfolioImport stopped = upload(agency, admin, "Почти всё неверно", "registry.csv",
				Registries.csv(StandardCharsets.UTF_8, false, rows), null);

		assertThat(stopped.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(stopped.failureCode()).isEqualTo("import.too-many-rejected");
		assertThat(stopped.created()).isEqualTo(2);
		assertThat(stopped.rejected()).isEqualTo(100);
		assertThat(imports.errors(agency.tenant().id(), stopped.id(), 0, 1000)).hasSize(100);
		assertThat(mvc.perform(get("/debtors/portfolios/imports/" + stopped.id()).with(user(admin))).andReturn()
			.getResponse().getContentAsString()).contains("Отклонено больше 100 строк", "Сохранено строк: 2");
	}

	@Test
	void anUploadLeftRunningByADeadProcessIsInterruptedAtStartUpAndTheRegistryTakenAgain() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		byte[] registry = Registries.csv(StandardCharsets.UTF_8, false, RUSSIAN_HEADER,
				"Иванов;Иван;;14.03.1985;;;ПАО «Сбербанк»;КД-1;05.05.2020;;1000;;;;;;;");
		PortfolioImport done = upload(agency, admin, "Прерванный", "registry.csv", registry, null);
		// As a crash of a process on this host and data directory leaves it: RUNNING, its heartbeat a moment old.
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		jdbc.sql("update portfolio_imports set status = 'RUNNING', finished_at = null, run_id = ?, node = ?, updated_at = now() where id = ?")
			.params(UUID.randomUUID(), runs.nodeOf(gone.pid()), done.id())
			.update();

		runs.recover();

		assertThat(imports.get(agency.tenant().id(), done.id()).status()).isEqualTo(ImportStatus.INTERRUPTED);
		assertThat(mvc.perform(get("/debtors/portfolios/imports/" + done.id()).with(user(admin))).andReturn().getResponse()
			.getContentAsString()).contains("Загрузка прервалась");
		assertThat(upload(agency, admin, "Прерванный", "registry.csv", registry, null).status())
			.isEqualTo(ImportStatus.DONE);
	}

	@Test
	void aRegistryClosesADebtItSaysIsPaidAndReopensItButNeverReopensOneWrittenOffInKredo() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		String header = "ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД;Оплачено";
		upload(agency, admin, "Банк", "may.csv", Registries.csv(Registries.WINDOWS_1251, false, header,
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-1;01.01.2020;10000;10000",
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-2;01.06.2021;5000;"), null);
		Map<String, Debt> may = debtsOf(agency);
		assertThat(may.get("D-1").status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(may.get("D-1").closedAs()).isEqualTo(ClosedAs.PAID);
		assertThat(may.get("D-2").status()).isEqualTo(DebtStatus.OPEN);
		debts.writeOff(agency.tenant().id(), may.get("D-2").id());

		// June's registry: the payment on D-1 was reversed, and D-2 is still owed in the agency's books.
		upload(agency, admin, "Банк", "june.csv", Registries.csv(Registries.WINDOWS_1251, false, header,
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-1;01.01.2020;10000;",
				"Ершов Павел;02.02.1982;ПАО «Банк»;D-2;01.06.2021;5000;"), null);

		Map<String, Debt> june = debtsOf(agency);
		assertThat(june.get("D-1").status()).isEqualTo(DebtStatus.OPEN);
		assertThat(june.get("D-1").closedAs()).isNull();
		assertThat(june.get("D-1").total()).isEqualTo(Money.ofRoubles("10000.00"));
		assertThat(june.get("D-2").status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(june.get("D-2").closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
	}

	private PortfolioImport upload(Provisioned tenant, UserDetails who, String name, String fileName, byte[] file,
			Map<String, String> form) throws Exception {
		var request = multipart("/debtors/portfolios").file(new MockMultipartFile("file", fileName, "text/csv", file))
			.param("name", name);
		if (form != null) {
			form.forEach(request::param);
		}
		MockHttpServletResponse response = mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/debtors/portfolios/imports/");
		UUID id = UUID.fromString(response.getRedirectedUrl().substring("/debtors/portfolios/imports/".length()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !imports.get(tenant.tenant().id(), id).isRunning());
		return imports.get(tenant.tenant().id(), id);
	}

	private Map<String, Debt> debtsOf(Provisioned tenant) {
		return debts.search(tenant.tenant().id(), "", 0, 1000).stream().map(DebtLine::debt)
			.collect(Collectors.toMap(Debt::contractNumber, Function.identity()));
	}
}
