package ru.kredo.monitoring;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Mass monitoring end to end in a real Chromium (CSP in force): a broker's manager uploads his CRM export, watches
 * the import finish by itself, a bureau reports about one of the people, the signal appears in the queue without a
 * reload, the manager records a deal, and the list's conversion counts it.
 */
class MassMonitoringBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	Watches watches;

	@Test
	void aListIsUploadedASignalArrivesAndIsWorkedToADeal() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(page, fixtures.manager(broker).email().value(), Fixtures.PASSWORD);

		link(page.locator("#nav"), "Списки").click();
		page.locator("#new-list").click();
		String listName = "Выгрузка CRM " + UUID.randomUUID().toString().substring(0, 6);
		page.locator("#name").fill(listName);
		page.locator("#file").setInputFiles(Path.of("src/test/resources/imports/crm-export-cp1251.csv"));
		page.locator("#consentDate").fill(watches.today().toString());
		page.locator("#upload button[type=submit]").click();

		assertThat(page.locator("h1")).hasText(listName);
		assertThat(page.locator("#progress .badge")).hasText("Загружен");
		assertThat(page.locator("#imported")).hasText("5");
		assertThat(page.locator("#rejected")).hasText("2");
		assertThat(page.locator("#noted")).hasText("1");
		assertThat(page.locator("#rejected-rows tbody tr")).hasCount(2);
		assertThat(page.locator("#noted-rows tbody tr")).hasCount(1);
		assertThat(page.locator("#errors-csv")).isVisible();
		screenshot(page, "list-import.png");

		link(page.locator("#nav"), "Сигналы").click();
		Locator rows = page.locator("#signal-rows");
		assertThat(rows).containsText("Сигналов нет.");
		bureauReportsThatIvanovApplies();
		assertThat(rows).containsText("Клиент снова подаёт заявки — позвоните сегодня",
				new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
		assertThat(rows).containsText(listName);

		rows.getByRole(AriaRole.LINK).first().click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сделка")).click();
		assertThat(page).hasURL(Pattern.compile("/signals$"));

		link(page.locator("#nav"), "Конверсия").click();
		Locator list = page.locator("#conversion-by-list tbody tr", new Page.LocatorOptions().setHasText(listName));
		assertThat(list.locator("td")).hasText(new String[] { listName, "5", "1", "1", "1", "1", "200,0" });
		screenshot(page, "conversion.png");

		assertNoBrowserProblems();
	}

	/** Иванов Иван Иванович of the sample export, as a bureau writes him. */
	private void bureauReportsThatIvanovApplies() {
		String event = """
				{"source":"browser-test","eventId":"%s","type":"1.1","occurredAt":"%s","lender":{"kind":"BANK"},
				 "subject":{"lastName":"ИВАНОВ","firstName":"ИВАН","middleName":"ИВАНОВИЧ","birthDate":"1985-03-14","passport":"4510123456"}}"""
			.formatted(UUID.randomUUID(), watches.today()).replace("\n", "");
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
	}
}
