package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.documents.Agency;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;

/**
 * The cabinet on a small phone, page by page: the agency's name, logo and colour instead of Kredo, a first screen that
 * greets the debtor by name with what he owes and what he can do, amounts written the Russian way, nothing wider than
 * the screen (360 and 390 px), no serious or critical finding of the axe accessibility checker, and error pages that
 * lead back into the cabinet.
 */
class CabinetLookBrowserTests extends BrowserTestSupport {

	@Autowired
	ru.kredo.TextedCodes texted;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	CabinetLooks looks;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 390, 360 })
	void everyCabinetPageFitsAPhoneIsTheAgencysAndPassesTheAccessibilityCheck(int width) throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Проверка»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		looks.save(agency.tenant().id(), "#0b5d4b", logo(), "logo.png", false);
		offers.addRule(agency.tenant().id(), "Акция декабрь", 365, Money.ZERO, 10, 14,
				new PartPolicy(3, PartInterval.MONTH, 0));
		String phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Петров", "Иван", "Петрович"),
				LocalDate.of(1980, 5, 5), null, null, null, PhoneNumber.parse(phone), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Очень Длинное Название Первоначального Кредитора Банк»",
				"КД-2019/000123456789", LocalDate.of(2019, 2, 2), LocalDate.of(2023, 2, 2),
				DebtComponents.of(Money.ofRoubles("612345.67"), Money.ofRoubles("201460.48"), Money.ofRoubles("50000.00"),
						Money.ofRoubles("10000.00"), Money.ZERO), 900);
		String base = "/cabinet/" + agency.tenant().id().value();
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(width, 780).setIsMobile(true).setHasTouch(true));

		page.navigate(url(base));
		assertTheAgencys(page, agency);
		check(page, "door", width);

		page.locator("#fullName").fill("Петров Иван Петрович");
		page.locator("#phone").fill(phone);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		assertThat(page.locator("#code")).isVisible();
		check(page, "code", width);

		page.locator("#code").fill(textedCode(agency, 1));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Иван Петрович!");
		// At a glance: what he owes, and what he can do, before any detail.
		assertThat(page.locator("#glance")).containsText("873 806,15 ₽");
		assertThat(page.locator("#glance .glance-offer")).hasText("Скидка 10%");
		assertThat(page.locator("#glance .glance-pay")).isVisible();
		Assertions.assertThat(page.locator("#glance").boundingBox().y).isLessThan(200);
		Assertions.assertThat(page.locator("main").innerText()).doesNotContainPattern("\\d{4,}\\.\\d\\d");
		assertTheAgencys(page, agency);
		check(page, "home", width);

		// The discount on his line leads to the debt's own page, at the offer.
		page.locator("#glance .glance-offer").click();
		// The Russian way, one piece: no-break spaces, a decimal comma; never 873806.15.
		Assertions.assertThat(page.locator(".balance").textContent()).isEqualTo("873\u00a0806,15\u00a0₽");
		Assertions.assertThat(page.locator("main").innerText()).doesNotContainPattern("\\d{4,}\\.\\d\\d");
		assertTheAgencys(page, agency);
		check(page, "debt", width);

		page.locator("select[name=parts]").selectOption("3");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Принять предложение")).click();
		assertThat(page.locator("#settlement-schedule li")).hasCount(3);
		check(page, "offer-sign", width);

		page.locator("#code").fill(textedCode(agency, 2));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать и принять")).click();
		assertThat(page.locator(".offer-schedule tbody tr")).hasCount(3);
		// The schedule stays inside its card.
		Assertions.assertThat(rightEdge(page, ".offer-schedule")).isLessThanOrEqualTo(rightEdge(page, "article.card"));
		check(page, "offer-signed", width);

		// His documents, from the header of every page: the signed settlement's schedule, downloaded as a PDF; what
		// is still to come on the debt is said.
		page.locator("#documents-link").click();
		assertThat(page.locator("h1")).hasText("Документы");
		assertThat(page.locator("#documents-link")).hasAttribute("aria-current", "page");
		assertThat(page.locator(".cab-to-come")).containsText("Справка о погашении появится здесь");
		check(page, "documents", width);
		com.microsoft.playwright.Download schedule = page.waitForDownload(() -> page.locator(".document-schedule a").click());
		Assertions.assertThat(schedule.suggestedFilename()).startsWith("grafik-platezhey-").endsWith(".pdf");
		Assertions.assertThat(new String(java.nio.file.Files.readAllBytes(schedule.path()), 0, 5,
				java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		// And the copy of the agreement he has just signed, with his signature.
		com.microsoft.playwright.Download agreement = page.waitForDownload(() -> page.locator(".document-agreement a").click());
		Assertions.assertThat(agreement.suggestedFilename()).startsWith("soglashenie-").endsWith(".pdf");
		try (var pdf = org.apache.pdfbox.Loader.loadPDF(java.nio.file.Files.readAllBytes(agreement.path()))) {
			Assertions.assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
				.contains("о прощении части долга (копия)", "Подписано простой электронной подписью", "Код отправлен на номер");
		}

		page.navigate(url(base + "/debts/" + UUID.randomUUID() + "/certificate.pdf"));
		assertLeadsBackIntoTheCabinet(page, agency, base);
		check(page, "certificate-error", width);

		page.navigate(url(base + "/no-such-page"));
		assertLeadsBackIntoTheCabinet(page, agency, base);
		check(page, "404", width);

		// From the error page, «В личный кабинет» is the debtor's own home, still signed in.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("В личный кабинет")).click();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Иван Петрович!");

		// The two error pages were meant to be 404s.
		problems.removeIf(problem -> problem.contains(base) && problem.contains("404"));
		assertNoBrowserProblems();
	}

	@Test
	void theAgencysAdminBrandsTheCabinetOnTheCabinetPage() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(page, agency.admin().email().value(), Fixtures.PASSWORD);
		page.navigate(url("/cabinet-funnel"));

		page.locator("#accent").fill("#ffcc00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить оформление")).click();
		assertThat(page.locator("[role=alert]")).containsText("Цвет #ffcc00 слишком светлый: контраст с белым 1,5:1");
		assertThat(page.locator("#accent")).hasValue("#ffcc00");

		page.locator("#accent").fill("#0b5d4b");
		page.locator("#logo").setInputFiles(new FilePayload("logo.png", "image/png", logo()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить оформление")).click();
		assertThat(page.locator("[role=status]")).hasText("Оформление кабинета сохранено.");
		assertThat(page.locator("img.cabinet-logo-preview")).isVisible();
		screenshot(page, "cabinet-look-settings.png");

		page.navigate(url("/cabinet/" + agency.tenant().id().value()));
		assertTheAgencys(page, agency);
		assertNoBrowserProblems();
	}

	/** The page fits the screen, and axe finds nothing serious or critical on it. */
	private void check(Page page, String name, int width) {
		screenshot(page, "cabinet-look-" + name + "-" + width + ".png");
		Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
		Number viewport = (Number) page.evaluate("() => window.innerWidth");
		Assertions.assertThat(scrollWidth.intValue()).as(name + ": the page's width at " + width + " px")
			.isLessThanOrEqualTo(viewport.intValue());
		Assertions.assertThat(seriousAccessibilityFindings(page)).as(name + ": axe's serious and critical violations at " + width + " px")
			.isEmpty();
		// Nothing in the header is drawn over anything else (a long agency name once ran under the chat link): no two
		// parts overlap, and none has more content than room.
		Number overlaps = (Number) page.evaluate("""
				() => { const parts = [...document.querySelectorAll('.cab-header-row > *')];
				        const boxes = parts.map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
				        let n = parts.filter(e => e.scrollWidth > e.clientWidth + 1).length;
				        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
				          const a = boxes[i], b = boxes[j];
				          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
				        }
				        return n; }""");
		Assertions.assertThat(overlaps.intValue()).as(name + ": overlapping parts of the header at " + width + " px").isZero();
	}

	private static void assertTheAgencys(Page page, Provisioned agency) {
		assertThat(page.locator(".cab-header")).containsText(agency.tenant().name());
		assertThat(page.locator(".cab-header img.cab-logo")).isVisible();
		assertThat(page.locator("nav.navbar")).hasCount(0);
		assertThat(page.locator(".navbar-toggler")).hasCount(0);
		// The agency's colour, from its own stylesheet: the header's top rule.
		assertThat(page.locator(".cab-header")).hasCSS("border-top-color", "rgb(11, 93, 75)");
	}

	private static void assertLeadsBackIntoTheCabinet(Page page, Provisioned agency, String base) {
		assertThat(page.locator("h1")).hasText("Страница не найдена");
		assertThat(page.locator(".cab-header")).containsText(agency.tenant().name());
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("В личный кабинет")))
			.hasAttribute("href", base + "/home");
		assertThat(page.locator("a[href='/'], a[href$='/login']")).hasCount(0);
		assertThat(page.locator("body")).not().containsText("Kredo");
	}

	private static double rightEdge(Page page, String selector) {
		return page.locator(selector).first().evaluate("e => e.getBoundingClientRect().right") instanceof Number n
				? n.doubleValue() : Double.NaN;
	}

	/** The code in the agency's {@code nth} text, once it has been sent. */
	private String textedCode(Provisioned agency, int nth) {
		return texted.latest(agency.tenant().id(), nth);
	}

	private static byte[] logo() throws IOException {
		BufferedImage image = new BufferedImage(160, 48, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 160; x++) {
			for (int y = 0; y < 48; y++) {
				image.setRGB(x, y, x < 48 ? 0x0b5d4b : 0xffffff);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
