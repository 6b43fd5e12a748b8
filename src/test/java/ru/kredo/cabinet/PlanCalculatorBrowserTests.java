package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.TextedCodes;
import ru.kredo.collections.Debt;
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
 * A debtor on a 390-px phone works out a plan on his debt's page (issue 13): by a number of months, then by a monthly
 * sum he can afford, and sees each schedule — with no JavaScript needed, the answer is the page reloaded.
 */
class PlanCalculatorBrowserTests extends BrowserTestSupport {

	@Autowired
	TextedCodes texted;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Test
	void theDebtorCalculatesByMonthsThenByAMonthlySumOnHisPhone() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Орлова", "Нина", "Петровна"),
				LocalDate.of(1979, 5, 5), null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "Р-" + phone.substring(5),
				LocalDate.of(2020, 3, 3), null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO,
						Money.ofRoubles("100000.00"), Money.ZERO), 500);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		page.navigate(url("/cabinet/" + agency.tenant().id()));
		page.locator("#fullName").fill("Орлова Нина Петровна");
		page.locator("#phone").fill(phone);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		page.locator("#code").fill(texted.latest(agency.tenant().id(), 1));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Нина Петровна!");

		page.navigate(url("/cabinet/" + agency.tenant().id() + "/debts/" + debt.id()));
		assertThat(page.locator("#plan-title")).hasText("Погасить частями");
		assertThat(page.locator("#plan .plan-policy-text")).containsText("от 2 до 24 месяцев");
		page.locator("#plan-months").fill("12");
		page.locator("#plan-calculate").click();
		assertThat(page.locator(".plan-monthly")).hasText("Ежемесячный платёж: 8\u00a0333,33\u00a0₽, 12 платежей.");
		assertThat(page.locator(".plan-last")).hasText("Последний платёж: 8\u00a0333,37\u00a0₽.");
		assertThat(page.locator(".plan-schedule tbody tr")).hasCount(12);
		assertThat(page.locator(".plan-within")).isVisible();
		assertFitsThePhone(page, "plan-by-months-phone-390.png");

		// Typed a monthly sum and pressed Enter: counted by the sum, not by the term shown before (the defect was a form
		// with a button per mode, Enter pressing the first one).
		page.locator("#plan-monthly").fill("30 000");
		page.locator("#plan-monthly").press("Enter");
		assertThat(page.locator(".plan-monthly")).hasText("Ежемесячный платёж: 30\u00a0000,00\u00a0₽, 4 платежа.");
		assertThat(page.locator(".plan-schedule tbody tr")).hasCount(4);
		assertThat(page.locator(".plan-schedule tbody tr").last()).containsText("10\u00a0000,00\u00a0₽");
		assertThat(page.locator(".plan-total")).hasText("Всего: 100\u00a0000,00\u00a0₽.");
		assertFitsThePhone(page, "plan-by-monthly-phone-390.png");
		assertThat(page.locator("#plan-by-monthly")).isChecked();

		// And back: a term typed and Enter counts by the term.
		page.locator("#plan-months").fill("5");
		page.locator("#plan-months").press("Enter");
		assertThat(page.locator(".plan-monthly")).hasText("Ежемесячный платёж: 20\u00a0000,00\u00a0₽, 5 платежей.");
		assertThat(page.locator("#plan-by-months")).isChecked();
		assertNoBrowserProblems();
	}

	@Test
	void theAgencysAdminSetsThePolicyAndReadsItAsADebtorWillOnHisPhone() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		signIn(page, agency.admin().email().value(), Fixtures.PASSWORD);
		page.navigate(url("/plan-policy"));
		page.locator("#maxMonths").fill("12");
		page.locator("#minInstalment").fill("2 000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить условия")).click();
		assertThat(page.locator(".alert-success")).hasText("Условия рассрочки сохранены.");
		assertThat(page.locator(".plan-policy-text")).containsText(
				"Долг можно погасить частями: от 2 до 12 месяцев, не меньше 2\u00a0000\u00a0₽ в месяц");
		assertFitsThePhone(page, "plan-policy-phone-390.png");
		assertNoBrowserProblems();
	}
}
