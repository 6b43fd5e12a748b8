package ru.kredo.collections;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * An agency's manager uploads the registry an assignor sent as an Excel workbook, watches the import finish by
 * itself, sees the rejected row by its line, and finds the debtors on the debts page with their region.
 */
class PortfolioImportBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Test
	void aRegistryIsUploadedAsExcelAndItsDebtsAppear() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Path workbook = Files.createTempFile("registry", ".xlsx");
		Files.write(workbook, Registries.xlsx(List.of(
				Arrays.asList("ФИО должника", "Дата рождения", "Телефон", "Цедент", "Номер договора", "Дата договора",
						"Сумма ОД, руб.", "Проценты", "Оплачено", "Регион"),
				Arrays.asList("Громова Алла Сергеевна", LocalDate.of(1981, 4, 4), "+7 916 700-00-01", "ПАО «Банк»", "Г-1",
						LocalDate.of(2020, 2, 2), new BigDecimal("48000"), new BigDecimal("2000.50"), 500, "Пермский край"),
				Arrays.asList("Громова Алла Сергеевна", LocalDate.of(1981, 4, 4), null, "ПАО «Банк»", "Г-2",
						LocalDate.of(2021, 3, 3), 10000, null, null, "Пермский край"),
				Arrays.asList("Тихонов Лев", LocalDate.of(1990, 1, 1), null, "ПАО «Банк»", "Т-1", LocalDate.of(2022, 1, 1),
						"12,345", null, null, "Москва"))));
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(page, fixtures.manager(agency).email().value(), Fixtures.PASSWORD);

		link(page.locator("#nav"), "Должники").click();
		page.locator("#portfolios").click();
		String name = "Банк, цессия " + UUID.randomUUID().toString().substring(0, 6);
		page.locator("#name").fill(name);
		page.locator("#file").setInputFiles(workbook);
		page.locator("#upload button[type=submit]").click();

		assertThat(page.locator("h1")).hasText(name);
		assertThat(page.locator("#progress .badge")).hasText("Загружен");
		assertThat(page.locator("#created")).hasText("2");
		assertThat(page.locator("#debtors")).hasText("1");
		assertThat(page.locator("#rejected")).hasText("1");
		Locator rejected = page.locator("#rejected-rows tbody tr");
		assertThat(rejected.locator("td")).hasText(new String[] { "4", "Сумма ОД, руб.",
				"Сумму можно прочесть двояко: три цифры после запятой или точки — это копейки или разряды? Запишите, "
						+ "например, 12 345,00 или 12,35." });
		screenshot(page, "portfolio-import.png");

		page.locator("#to-debts").click();
		Locator debts = page.locator("#debts tbody tr", new Page.LocatorOptions().setHasText("Г-1"));
		assertThat(debts.locator("td")).hasText(new String[] { "Громова Алла Сергеевна", "ПАО «Банк»", "Г-1", "Пермский край",
				"49\u00a0500,50\u00a0₽", "500,00\u00a0₽", "0,00\u00a0₽" });
		debts.getByText("Громова Алла Сергеевна").click();
		assertThat(page.locator("main")).containsText("Екатеринбург (UTC+5)");
		screenshot(page, "portfolio-debtor.png");

		page.navigate(url("/debtors/portfolios"));
		assertThat(page.locator("#portfolios tbody tr", new Page.LocatorOptions().setHasText(name)).locator("td"))
			.hasText(new Pattern[] { Pattern.compile(name), Pattern.compile("^2$"), Pattern.compile("^2$"),
					Pattern.compile("^1$"), Pattern.compile("^59\\s500,50\\s₽$"), Pattern.compile("Загружен · \\d") });
		screenshot(page, "portfolios.png");
		assertNoBrowserProblems();
	}
}
