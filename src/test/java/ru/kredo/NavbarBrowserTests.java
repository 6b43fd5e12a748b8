package ru.kredo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * The staff's bar keeps every item reachable for an admin with all of them (the agency's admin): on a laptop the
 * language switch and «Выйти» stay inside the window, and on a phone they are in the menu.
 */
class NavbarBrowserTests extends BrowserTestSupport {

	@ParameterizedTest
	@ValueSource(ints = { 1280, 1440, 1600 })
	void anAdminWithEveryItemReachesLogOutAndTheLanguageSwitchOnALaptop(int width) {
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(width, 800));
		signIn(page, "collector-admin@kredo.demo");

		assertEverythingInside(page, width, "ru");
		page.locator("#lang-en").click();
		assertEverythingInside(page, width, "en");
		screenshot(page, "navbar-" + width + ".png");
		assertNoBrowserProblems();
	}

	@Test
	void onAPhoneTheMenuHoldsEveryItemLogOutAndTheLanguageSwitch() {
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		signIn(page, "collector-admin@kredo.demo");

		assertThat(page.locator("#logout")).isHidden();
		page.locator(".navbar-toggler").click();
		// measured once the menu has opened: mid-animation (Bootstrap's «collapsing») the bar's items are still
		// moving, and on a loaded machine the CI run measured one of those moments (scrollWidth 535)
		page.locator("#nav.show").waitFor();
		page.waitForFunction("() => !document.querySelector('.collapsing')");
		assertEverythingInside(page, 390, "ru");
		assertNoBrowserProblems();
	}

	private static void assertEverythingInside(Page page, int width, String language) {
		assertThat(page.locator("html")).hasAttribute("lang", language);
		Locator items = page.locator("#nav a.nav-link, #nav .navbar-text, #logout");
		Assertions.assertThat(items.count()).as("items on the bar").isGreaterThanOrEqualTo(18);
		List<String> outside = new ArrayList<>();
		for (Locator item : items.all()) {
			assertThat(item).isVisible();
			BoundingBox box = item.boundingBox();
			if (box.x < 0 || box.x + box.width > width + 0.5) {
				outside.add(item.textContent().strip() + " at " + box.x + "–" + (box.x + box.width));
			}
		}
		Assertions.assertThat(outside).as("items outside a %d px window", width).isEmpty();
		BoundingBox logout = page.locator("#logout").boundingBox();
		Assertions.assertThat(logout.x + logout.width).as("«Выйти» inside the window").isLessThanOrEqualTo(width);
		// what sticks out, named, when something does: the page's widest elements beyond the window
		Object wide = page.evaluate("w => Array.from(document.querySelectorAll('body *'))"
				+ ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
				+ ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '"
				+ " + Math.round(e.getBoundingClientRect().right) + ' «' + (e.textContent || '').trim().slice(0, 60) + '»')",
				width);
		Assertions.assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
			.as("no sideways scrolling at %d px; beyond it: %s", width, wide).isLessThanOrEqualTo(width);
	}
}
