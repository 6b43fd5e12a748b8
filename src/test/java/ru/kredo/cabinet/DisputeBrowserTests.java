package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

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

/** A debtor on a 390-px phone disputes his debt: «Оспорить», the form, and his home saying the debt is disputed. */
class DisputeBrowserTests extends BrowserTestSupport {

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
	void theDebtorDisputesHisDebtOnHisPhone() {
		signInToTheCabinet();
		phonePage.locator("#glance .glance-details").click();
		phonePage.locator(".dispute-link").click();
		assertThat(phonePage.locator("h1")).hasText("Оспорить долг");
		assertFitsThePhone(phonePage, "dispute-form-phone-390.png");

		phonePage.getByLabel("Уже оплатил").check();
		phonePage.locator("#explanation").fill("Оплатила в банке 12.03.2024, квитанция есть");
		phonePage.locator("#dispute-send").click();

		assertThat(phonePage.locator(".dispute-open")).hasText("Долг оспорен — агентство рассмотрит");
		assertThat(phonePage.locator(".dispute-link")).hasCount(0);
		assertFitsThePhone(phonePage, "dispute-debt-phone-390.png");
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
