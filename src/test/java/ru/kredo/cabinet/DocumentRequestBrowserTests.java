package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.accounts.User;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * A document on request, end to end: a debtor on a 390-px phone asks for a calculation of his debt from «Документы»,
 * an operator answers it with a PDF from the inbox's «Запросы документов» on his desktop, and the debtor sees it ready
 * and downloads it.
 */
class DocumentRequestBrowserTests extends BrowserTestSupport {

	@Autowired
	ru.kredo.TextedCodes texted;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
		phone = "+7915" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Орлова", "Нина", "Петровна"),
				LocalDate.of(1979, 5, 5), null, null, null, PhoneNumber.parse(phone), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "Р-" + phone.substring(5), LocalDate.of(2020, 3, 3),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("54000.00"), Money.ZERO), 500);
		phonePage = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
	}

	@Test
	void theDebtorRequestsADocumentTheOperatorAnswersWithAPdfAndTheDebtorDownloadsIt() throws IOException {
		signInToTheCabinet();
		phonePage.locator("#documents-link").click();
		phonePage.locator("#request-type").selectOption("DEBT_CALCULATION");
		phonePage.locator("#request-comment").fill("Для суда, с расчётом процентов");
		phonePage.locator("#request-send").click();
		assertThat(phonePage.locator("#document-requests")).containsText("Расчёт задолженности");
		assertThat(phonePage.locator("#document-requests .request-state")).hasText("Принят");
		assertFitsThePhone(phonePage, "document-request-phone-390.png");

		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page inbox = desk.newPage();
			List<String> deskProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
			inbox.onConsoleMessage(m -> {
				if ("error".equals(m.type())) {
					deskProblems.add(m.text());
				}
			});
			signIn(inbox, operator.email().value(), Fixtures.PASSWORD);
			inbox.locator("#nav-inbox").click();
			inbox.locator("#filter-REQUESTS").click();
			assertThat(inbox.locator("#requests tbody tr").first()).containsText("Орлова Нина Петровна");
			Assertions.assertThat(seriousAccessibilityFindings(inbox)).as("the requests' list").isEmpty();
			inbox.locator("#requests tbody tr a").first().click();
			assertThat(inbox.locator("#request-comment")).hasText("Для суда, с расчётом процентов");
			inbox.locator("#answer-file").setInputFiles(new FilePayload("расчёт.pdf", "application/pdf", PDF));
			inbox.locator("#send-answer").click();
			assertThat(inbox.locator("#request-state")).containsText("Готов");
			assertThat(inbox.locator("#request-document")).hasText("расчёт.pdf");
			screenshot(inbox, "document-request-operator.png");
			Assertions.assertThat(seriousAccessibilityFindings(inbox)).as("the request's page").isEmpty();
			Assertions.assertThat(deskProblems).isEmpty();
		}

		phonePage.reload();
		assertThat(phonePage.locator("#document-requests .request-state")).hasText("Готов");
		Download download = phonePage.waitForDownload(() -> phonePage.locator("#document-requests .request-document").click());
		Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);
		Assertions.assertThat(download.suggestedFilename()).isEqualTo("расчёт.pdf");
		assertFitsThePhone(phonePage, "document-request-ready-phone-390.png");
		assertNoBrowserProblems();
	}

	private void signInToTheCabinet() {
		phonePage.navigate(url("/cabinet/" + agency.tenant().id()));
		phonePage.locator("#fullName").fill("Орлова Нина Петровна");
		phonePage.locator("#phone").fill(phone);
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		phonePage.locator("#code").fill(textedCode());
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(phonePage.locator("h1")).hasText("Здравствуйте, Нина Петровна!");
	}

	private String textedCode() {
		return texted.latest(agency.tenant().id(), 1);
	}
}
