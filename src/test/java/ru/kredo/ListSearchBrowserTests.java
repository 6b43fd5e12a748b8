package ru.kredo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** As the broker types in the clients' search, the rows and the pager's total follow, and the next page keeps the search. */
class ListSearchBrowserTests extends BrowserTestSupport {

	@Test
	void typingAFullNameInAnyCaseNarrowsTheClientsAndTheirTotal() {
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(page, "broker-admin@kredo.demo");
		page.navigate(url("/contacts"));
		Locator total = page.locator(".pager-total").first();
		assertThat(total).hasText(Pattern.compile("^Показано 1–50 из \\d[\\d\\s]*$"));
		String name = page.locator("#contact-rows tr td a").first().textContent().strip();
		String everyone = total.textContent();

		page.locator("input[name=q]").fill(name.toUpperCase().replace('Ё', 'Е'));

		assertThat(total).not().hasText(everyone);
		assertThat(total).hasText(Pattern.compile("^Показано 1–\\d+ из \\d+$"));
		Assertions.assertThat(page.locator("#contact-list").count()).as("the rows are swapped, not nested").isEqualTo(1);
		assertThat(page.locator("#contact-rows tr td a").first()).hasText(name);
		assertThat(page).hasURL(Pattern.compile("/contacts\\?q="));
		assertNoBrowserProblems();
	}
}
