package ru.kredo.signals;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** A broker's manager puts a client on monitoring, a bureau reports, the signal appears by itself and is worked. */
class SignalsBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	Watches watches;

	@Test
	void aSignalAppearsWithoutReloadingAndIsWorkedToADeal() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String manager = fixtures.manager(broker).email().value();
		String passport = "47" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(page, manager, Fixtures.PASSWORD);

		link(page.locator("#nav"), "Мониторинг").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Поставить на мониторинг")).click();
		page.locator("#lastName").fill("Голубева");
		page.locator("#firstName").fill("Ксения");
		page.locator("#middleName").fill("Андреевна");
		page.locator("#birthDate").fill("17.04.1992");
		page.locator("#passport").fill(passport.substring(0, 4) + " " + passport.substring(4));
		page.locator("#phone").fill("8 926 700-11-22");
		page.locator("#segment").selectOption("PROSPECT");
		page.locator("#consentPurpose").fill("Подбор кредита по договору");
		page.locator("form button[type=submit]").last().click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Человек поставлен на мониторинг.");

		link(page.locator("#nav"), "Сигналы").click();
		Locator rows = page.locator("#signal-rows");
		assertThat(rows).containsText("Сигналов нет.");

		bureauReportsAnApplication(passport);

		// No reload: the queue refreshes itself every 5 s.
		assertThat(rows).containsText("Клиент снова подаёт заявки — позвоните сегодня",
				new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
		assertThat(rows).containsText("Голубева Ксения Андреевна");
		screenshot(page, "signals-queue.png");

		rows.getByRole(AriaRole.LINK).first().click();
		assertThat(page.locator("h1")).hasText("Клиент снова подаёт заявки — позвоните сегодня");
		assertThat(page.locator("main")).containsText("RUTDF 1.1");
		screenshot(page, "signal.png");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сделка")).click();

		assertThat(page).hasURL(Pattern.compile("/signals$"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Сигнал отработан.");
		link(page.locator("#nav"), "Конверсия").click();
		Locator individual = page.locator("#conversion-by-list tbody tr", new Page.LocatorOptions().setHasText("Поштучный мониторинг"));
		assertThat(individual.locator("td")).hasText(new String[] { "Поштучный мониторинг", "1", "1", "1", "1", "1", "1000,0" });

		assertNoBrowserProblems();
	}

	@Test
	void anAdminChangesAPriorityInItsCellAndFindsItKeptAfterReloading() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1400, 900));
		signIn(page, broker.admin().email().value(), Fixtures.PASSWORD);

		link(page.locator("#nav"), "Срочность").click();
		assertThat(page.locator("h1")).hasText("Срочность сигналов");
		Locator cell = page.locator("#cell-PAUSED-LOAN_CLOSED");
		assertThat(cell.locator("select")).hasValue("4");

		cell.getByLabel("Срочность: На паузе — Закрыл кредит").selectOption("1");

		// htmx swaps in the server's cell: saved, marked as the tenant's own, with the default to go back to.
		assertThat(cell).hasAttribute("data-overridden", "true");
		assertThat(cell).containsText("по умолчанию 4");
		screenshot(page, "signals-ranking.png");
		page.reload();
		assertThat(cell).hasClass(Pattern.compile("table-warning"));
		assertThat(cell.locator("select")).hasValue("1");

		cell.getByRole(AriaRole.BUTTON).click();
		assertThat(cell).hasAttribute("data-overridden", "false");
		page.reload();
		assertThat(cell.locator("select")).hasValue("4");
		assertNoBrowserProblems();
	}

	private void bureauReportsAnApplication(String passport) {
		String event = """
				{"source":"browser-test","eventId":"%s","type":"1.1","occurredAt":"%s","lender":{"kind":"MFO"},
				 "subject":{"lastName":"ГОЛУБЕВА","firstName":"КСЕНИЯ","middleName":"АНДРЕЕВНА","birthDate":"1992-04-17","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), watches.today(), passport).replace("\n", "");
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
	}
}
