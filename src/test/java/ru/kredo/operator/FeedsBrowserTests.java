package ru.kredo.operator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;

/** The operator issues a feed's key on «Фиды», the bureau pushes with it, and the push is there with its counts. */
class FeedsBrowserTests extends BrowserTestSupport {

	@Test
	void theOperatorIssuesAFeedKeyAndSeesItsPushCounted() throws Exception {
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(page, "operator@kredo.demo");
		link(page.locator("#nav"), "Фиды").click();
		String feed = "ОКБ " + UUID.randomUUID().toString().substring(0, 6);
		page.locator("#name").fill(feed);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Выпустить ключ")).click();
		String secret = page.locator("#issued-key .secret").textContent().strip();
		screenshot(page, "feeds-issued.png");

		String source = "browser-feed-" + UUID.randomUUID();
		HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/events")))
			.header("Authorization", "Bearer " + secret).header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"source":"%1$s","eventId":"1","type":"2.2","occurredAt":"2026-11-30","subject":{"lastName":"Окбов","firstName":"Иван","birthDate":"01.01.1970"}}
					{"source":"%1$s","eventId":"2"}
					""".formatted(source))).build(), HttpResponse.BodyHandlers.ofString());
		org.assertj.core.api.Assertions.assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);

		page.reload();
		Locator row = page.locator("#feeds tbody tr", new Page.LocatorOptions().setHasText(feed));
		assertThat(row.locator("td.uploads")).hasText("1");
		link(row, feed).click();
		Locator upload = page.locator("#uploads tbody tr").first();
		assertThat(upload.locator("td.received")).hasText("2");
		assertThat(upload.locator("td.accepted")).hasText("1");
		assertThat(upload.locator("td.rejected")).hasText("1");
		assertThat(upload).containsText("готово");
		screenshot(page, "feed.png");
		assertNoBrowserProblems();
		org.assertj.core.api.Assertions.assertThat(seriousAccessibilityFindings(page)).isEmpty();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отозвать")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Ключ отозван: запросы с ним больше не принимаются.");
		assertThat(page.locator("#feed-revoked")).isVisible();
	}
}
