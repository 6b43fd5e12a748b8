package ru.kredo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * What every browser test needs: Kredo running on a random port ("test" profile, demo data), Debian's Chromium driven
 * by Playwright, a fresh browser context per test, and the page's console errors, CSP violations and failed requests
 * collected so a test can assert there were none. {@link SystemChromium} finds the browser, or installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTestSupport {

	protected static final String PASSWORD = "kredo-demo";

	protected static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static Playwright playwright;

	protected static Browser browser;

	@LocalServerPort
	protected int port;

	private BrowserContext context;

	/** Console errors (CSP violations among them), uncaught script errors and failed requests of the current page. */
	protected final List<String> problems = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void launchChromium() {
		Path chromium = SystemChromium.path();
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	protected Page openPage(Browser.NewContextOptions options) {
		context = browser.newContext(options);
		Page page = context.newPage();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				problems.add("console: " + message.text() + " (" + message.location() + ")");
			}
		});
		page.onPageError(error -> problems.add("script error: " + error));
		page.onResponse(response -> {
			if (response.status() >= 400) {
				problems.add("HTTP " + response.status() + " " + response.url());
			}
		});
		page.onRequestFailed(request -> {
			// A load cancelled because the page navigated away (a click on a link while scripts were still
			// arriving) is the browser's housekeeping, not a fault; CSP blocks and network errors still count.
			if (!"net::ERR_ABORTED".equals(request.failure())) {
				problems.add("request failed: " + request.url() + " " + request.failure());
			}
		});
		return page;
	}

	protected void signIn(Page page, String login) {
		signIn(page, login, PASSWORD);
	}

	protected void signIn(Page page, String login, String password) {
		page.navigate(url("/"));
		assertThat(page).hasURL(url("/login"));
		page.locator("#username").fill(login);
		page.locator("#password").fill(password);
		page.locator("form button[type=submit]").click();
		assertThat(page).hasURL(url("/"));
		// The page's deferred scripts (Bootstrap's) have run: a tap on the phone's menu button before them opens nothing,
		// and a loaded machine showed the next step tapping too early.
		page.waitForLoadState(LoadState.LOAD);
	}

	/** Bootstrap and kredo.css arrived and were allowed by the CSP: the navbar is dark, the KPI figures are bold. */
	protected void assertStylesApplied(Page page) {
		assertThat(page.locator("nav.navbar")).hasCSS("background-color", "rgb(33, 37, 41)");
		assertThat(page.locator(".kpi").first()).hasCSS("font-weight", "600");
	}

	protected void assertNoBrowserProblems() {
		Assertions.assertThat(problems).as("browser console errors, CSP violations, failed requests").isEmpty();
	}

	protected static Locator link(Locator scope, String name) {
		return scope.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	/**
	 * The page as a 390-px phone shows it, once it and its stylesheets have loaded: no wider than the screen, kept as
	 * a screenshot, and without serious or critical accessibility findings.
	 */
	protected void assertFitsThePhone(Page page, String screenshot) {
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= 390"))
			.as(screenshot + " fits the phone").isTrue();
		screenshot(page, screenshot);
		org.assertj.core.api.Assertions.assertThat(seriousAccessibilityFindings(page)).as(screenshot).isEmpty();
	}

	/**
	 * What the axe accessibility checker (its axe.min.js, from com.deque.html.axe-core:playwright) finds serious or
	 * critical on the page, one line per violation.
	 */
	protected static List<?> seriousAccessibilityFindings(Page page) {
		page.evaluate(AXE);
		return (List<?>) page.evaluate("""
				async () => {
				  const results = await axe.run(document, { resultTypes: ['violations'] });
				  return results.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '));
				}""");
	}

	private static final String AXE = axeSource();

	private static String axeSource() {
		try (java.io.InputStream in = BrowserTestSupport.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
			}
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The page is no wider than the phone's screen; if it is, the assertion names the elements that reach past it
	 * (tag, id, class and the start of their text) and a screenshot is kept as {@code name}, so that a failure in CI
	 * says what overflowed.
	 */
	protected static void assertFitsTheScreen(Page page, int width, String name) {
		Integer scrollWidth = (Integer) page.evaluate("document.documentElement.scrollWidth");
		if (scrollWidth <= width) {
			return;
		}
		screenshot(page, name);
		Object wider = page.evaluate("""
				w => [...document.querySelectorAll('body *')]
				  .filter(e => e.getBoundingClientRect().right > w && getComputedStyle(e).display !== 'none')
				  .slice(0, 12)
				  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
				      ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right)
				      + ' «' + (e.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 60) + '»')""", width);
		Assertions.assertThat(scrollWidth).as("the page's width at %d px; reaching past it: %s (screenshot %s)", width, wider,
				SCREENSHOTS.resolve(name)).isLessThanOrEqualTo(width);
	}

	protected static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}
}
