package ru.kredo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Kredo in a real Chromium against the running application (demo data, "test" profile): what a user sees after
 * signing in, in both languages and on a phone, with the Content-Security-Policy in force.
 */
class KredoBrowserTests extends BrowserTestSupport {

	@Test
	void brokerSignsInSwitchesToEnglishAndSeesTheDashboard() {
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));

		signIn(page, "broker-admin@kredo.demo");

		Locator nav = page.locator("#nav");
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertThat(page.locator("h1")).hasText("Финансовый компас (демо)");
		assertThat(link(nav, "Главная")).isVisible();
		assertThat(link(nav, "Клиенты")).isVisible();
		assertThat(link(nav, "Пользователи")).isVisible();
		assertThat(link(nav, "Журнал")).isVisible();
		assertStylesApplied(page);
		screenshot(page, "dashboard-ru.png");

		page.locator("#lang-en").click();

		assertThat(page).hasURL(Pattern.compile("\\?lang=en$"));
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasText("Финансовый компас (демо)");
		assertThat(link(nav, "Home")).isVisible();
		assertThat(link(nav, "Clients")).isVisible();
		assertThat(link(nav, "Users")).isVisible();
		assertThat(link(nav, "Audit log")).isVisible();
		assertThat(link(nav, "Клиенты")).hasCount(0);
		assertThat(page.locator("#lang-en")).hasClass(Pattern.compile("\\bactive\\b"));
		screenshot(page, "dashboard-en.png");

		// The choice sticks: the next page, without ?lang, is still in English.
		link(nav, "Home").click();
		assertThat(page).hasURL(url("/"));
		assertThat(link(nav, "Clients")).isVisible();

		assertNoBrowserProblems();
	}

	@Test
	void collectorManagerOnAPhoneSeesDebtorsButNoAdminItems() {
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setIsMobile(true)
			.setHasTouch(true));

		signIn(page, "collector@kredo.demo");

		assertThat(page.locator("h1")).hasText("ПКО «Возврат» (демо)");
		Locator nav = page.locator("#nav");
		Locator toggler = page.locator(".navbar-toggler");
		assertThat(toggler).isVisible();
		assertThat(link(nav, "Должники")).isHidden();

		toggler.click();

		assertThat(nav).hasClass(Pattern.compile("\\bshow\\b"));
		assertThat(link(nav, "Главная")).isVisible();
		assertThat(link(nav, "Должники")).isVisible();
		assertThat(link(nav, "Клиенты")).hasCount(0);
		assertThat(link(nav, "Пользователи")).hasCount(0);
		assertThat(link(nav, "API-ключи")).hasCount(0);
		assertThat(link(nav, "Вебхуки")).hasCount(0);
		assertThat(link(nav, "Журнал")).hasCount(0);
		assertThat(page.locator("#lang-en")).isVisible();
		Assertions.assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
			.as("page width on a 390px screen (no sideways scrolling)")
			.isLessThanOrEqualTo(390);
		screenshot(page, "collector-phone.png");

		assertNoBrowserProblems();
	}

	@Test
	void brokerAdminAddsAWebhookEndpointCopiesTheSecretAndQueuesATestEvent() {
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
		signIn(page, "broker-admin@kredo.demo");

		link(page.locator("#nav"), "Вебхуки").click();
		assertThat(page).hasURL(url("/webhooks"));
		page.locator("#url").fill("http://127.0.0.1:9/kredo/webhook");
		page.locator("#description").fill("Битрикс24, отдел продаж");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Добавить адрес")).click();

		assertThat(page).hasURL(Pattern.compile("/webhooks/[0-9a-f-]{36}$"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Адрес добавлен. Передайте секрет подписи в вашу CRM.");
		assertThat(page.locator("#secret")).hasText(Pattern.compile("^whsec_[A-Za-z0-9+/=]{44}$"));

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отправить тестовое событие")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Тестовое событие поставлено в очередь на отправку.");
		assertThat(page.locator("#deliveries tbody tr")).hasCount(1);
		assertThat(page.locator("#deliveries tbody tr")).containsText("Проверка");
		assertThat(page.locator("#deliveries tbody tr")).containsText("в очереди");
		screenshot(page, "webhooks-ru.png");

		assertNoBrowserProblems();
	}

	@Test
	void wrongPasswordShowsAnErrorAndStaysOnTheSignInPage() {
		Page page = openPage(new Browser.NewContextOptions());

		page.navigate(url("/login"));
		page.locator("#username").fill("broker@kredo.demo");
		page.locator("#password").fill("not-the-password");
		page.locator("form button[type=submit]").click();

		assertThat(page).hasURL(url("/login?error"));
		assertThat(page.getByRole(AriaRole.ALERT)).hasText("Неверная почта или пароль.");
		assertThat(page.locator("#password")).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Выйти"))).hasCount(0);

		assertNoBrowserProblems();
	}
}
