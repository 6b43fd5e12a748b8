package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
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
 * A debtor on a 390-px phone finds «Ваши права» from the agency's contacts, reads what the law asks, is told every
 * wrong field of the representative's form at once, sends it right with the signed statement, and sees it waiting.
 */
class RightsBrowserTests extends BrowserTestSupport {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	ru.kredo.TextedCodes texted;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	Provisioned agency;
	String phone;
	Page phonePage;

	@BeforeEach
	void aDebtorOnHisPhone() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Орлова", "Нина", "Петровна"),
				LocalDate.of(1979, 5, 5), null, null, null, PhoneNumber.parse(phone), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "С-" + phone.substring(5), LocalDate.of(2020, 3, 3),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("54000.00"), Money.ZERO), 500);
		phonePage = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
	}

	@Test
	void theDebtorNamesHisAdvocateOnHisPhone() {
		signInToTheCabinet();
		phonePage.navigate(url("/cabinet/" + agency.tenant().id() + "/contacts"));
		phonePage.locator("#rights-link").click();
		assertThat(phonePage.locator("h1")).hasText("Отказ от взаимодействия и представитель");
		assertThat(phonePage.locator("#rights-law")).containsText("только адвокат");
		assertThat(phonePage.locator("#rights-law")).containsText("через 4 месяца");
		assertThat(phonePage.locator("#refusal-form")).isVisible();
		assertFitsThePhone(phonePage, "rights-phone-390.png");

		// Sent without the file and the tick (the browser's own checks set aside): every wrong field is said.
		phonePage.locator("#representative-form").evaluate("form => form.noValidate = true");
		phonePage.locator("#representative-name").fill("Петров Иван Сергеевич");
		phonePage.locator("#representative-phone").fill("12");
		phonePage.locator("#representative-send").click();
		assertThat(phonePage.locator("#representative-phone-error")).hasText(
				"Телефон не распознан: укажите российский номер, например +7 916 123-45-67.");
		assertThat(phonePage.locator("#representative-advocate-error")).isVisible();
		assertThat(phonePage.locator("#representative-file-error")).isVisible();
		assertThat(phonePage.locator("#representative-name")).hasValue("Петров Иван Сергеевич");
		assertFitsThePhone(phonePage, "rights-errors-phone-390.png");

		phonePage.locator("#representative-phone").fill("+7 916 111-22-33");
		phonePage.locator("#representative-email").fill("petrov@advokat.example");
		phonePage.locator("#representative-address").fill("г. Москва, ул. Тверская, д. 1, кв. 2");
		phonePage.getByLabel("Мой представитель — адвокат").check();
		phonePage.locator("#representative-file").setInputFiles(new FilePayload("заявление.pdf", "application/pdf", PDF));
		phonePage.locator("#representative-send").click();

		assertThat(phonePage.locator(".alert-success")).hasText("Заявление отправлено агентству. Ответ появится на этой странице.");
		assertThat(phonePage.locator(".my-statement .statement-state")).hasText("Отправлено, агентство проверяет");
		assertThat(phonePage.locator("#representative-form")).hasCount(0);
		assertThat(phonePage.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Отозвать заявление о представителе"))).isVisible();
		assertFitsThePhone(phonePage, "rights-sent-phone-390.png");
		assertNoBrowserProblems();
	}

	private void signInToTheCabinet() {
		phonePage.navigate(url("/cabinet/" + agency.tenant().id()));
		phonePage.locator("#fullName").fill("Орлова Нина Петровна");
		phonePage.locator("#phone").fill(phone);
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		phonePage.locator("#code").fill(texted.latest(agency.tenant().id(), 1));
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(phonePage.locator("h1")).hasText("Здравствуйте, Нина Петровна!");
	}
}
