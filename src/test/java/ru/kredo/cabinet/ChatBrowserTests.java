package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.accounts.User;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;

/**
 * The chat end to end, on a 390-px phone and an operator's desktop: the debtor writes from his cabinet, the operator
 * sees it in the inbox and answers, and the answer appears on the debtor's page without a reload.
 */
class ChatBrowserTests extends BrowserTestSupport {

	@Autowired
	ru.kredo.TextedCodes texted;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	JdbcClient jdbc;

	Provisioned agency;
	User operator;
	String phone;
	Page phonePage;

	@BeforeEach
	void aDebtorOnHisPhoneAndAnOperator() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		operator = fixtures.manager(agency);
		phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Орлова", "Нина", "Петровна"),
				LocalDate.of(1979, 5, 5), null, null, null, PhoneNumber.parse(phone), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "Ч-" + phone.substring(5), LocalDate.of(2020, 3, 3),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("54000.00"), Money.ZERO), 500);
		phonePage = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
	}

	@Test
	void theDebtorWritesTheOperatorAnswersAndTheAnswerAppearsWithoutAReload() {
		signInToTheCabinet();
		phonePage.locator("#chat-link").click();
		assertThat(phonePage.locator("h1")).hasText("Чат с агентством");
		phonePage.locator("#chat-text").fill("Здравствуйте! Могу платить по 5 000 в месяц, так можно?");
		phonePage.locator("#chat-send").click();
		assertThat(phonePage.locator("#chat-history")).containsText("Могу платить по 5 000 в месяц");
		// A mark that survives only as long as the page is not reloaded.
		phonePage.evaluate("() => document.body.dataset.sameLoad = 'yes'");

		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page inbox = desk.newPage();
			List<String> deskProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
			inbox.onConsoleMessage(m -> {
				if ("error".equals(m.type())) {
					deskProblems.add(m.text());
				}
			});
			signIn(inbox, operator.email().value(), Fixtures.PASSWORD);
			assertThat(inbox.locator("#inbox-unread")).hasText("1");
			inbox.locator("#nav-inbox").click();
			Locator row = inbox.locator("#inbox tbody tr").first();
			assertThat(row).containsText("Орлова Нина Петровна");
			Assertions.assertThat(seriousAccessibilityFindings(inbox)).as("the inbox").isEmpty();
			row.locator("a").click();
			assertThat(inbox.locator("#history")).containsText("Могу платить по 5 000 в месяц");
			assertThat(inbox.locator("#debtor-card")).containsText("54\u00a0000,00");
			inbox.locator("#reply-text").fill("Да, можно. Пришлём график в течение дня.");
			inbox.locator("#send-reply").click();
			assertThat(inbox.locator("#history")).containsText("Пришлём график");
			screenshot(inbox, "chat-operator.png");
			Assertions.assertThat(seriousAccessibilityFindings(inbox)).as("the operator's page").isEmpty();
			Assertions.assertThat(deskProblems).isEmpty();
		}

		assertThat(phonePage.locator("#chat-history")).containsText("Пришлём график в течение дня",
				new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
		Assertions.assertThat(phonePage.evaluate("() => document.body.dataset.sameLoad")).as("no reload").isEqualTo("yes");
		Assertions.assertThat((Boolean) phonePage.evaluate("() => document.documentElement.scrollWidth <= 390"))
			.as("fits the phone").isTrue();
		screenshot(phonePage, "chat-phone-390.png");
		Assertions.assertThat(seriousAccessibilityFindings(phonePage)).as("the debtor's chat").isEmpty();
		assertNoBrowserProblems();
	}

	private void signInToTheCabinet() {
		phonePage.navigate(url("/cabinet/" + agency.tenant().id()));
		phonePage.locator("#fullName").fill("Орлова Нина Петровна");
		phonePage.locator("#phone").fill(phone);
		phonePage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Получить код")).click();
		phonePage.locator("#code").fill(textedCode());
		phonePage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(phonePage.locator("h1")).hasText("Здравствуйте, Нина Петровна!");
	}

	private String textedCode() {
		return texted.latest(agency.tenant().id(), 1);
	}
}
