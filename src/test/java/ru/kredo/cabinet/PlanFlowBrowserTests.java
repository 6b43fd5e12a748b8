package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.TextedCodes;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.documents.Agency;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A debtor on a 390-px phone takes a restructuring plan through to the end (issue 13): calculates, requests it,
 * approved at once, signs it with the texted code, pays the first instalment, misses the second (its date moved into
 * the past and the day's check run), repairs the plan by moving the date, pays the rest and downloads the certificate.
 */
class PlanFlowBrowserTests extends BrowserTestSupport {

	@Autowired
	TextedCodes texted;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Plans plans;

	@Autowired
	PlanQuotes quotes;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	JdbcClient jdbc;

	@Test
	void calculateRequestSignPayMissRepairPayTheRestAndTakeTheCertificate() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		requisites.save(tenant, new Agency("ООО ПКО «План»", "7701234560", "1027700000008", "г. Москва, ул. Тестовая, д. 1",
				"+7 495 000-00-00"));
		String phone = "+7919" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(tenant, new FullName("Лебедева", "Мария", "Сергеевна"), LocalDate.of(1981, 7, 7),
				null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПП-" + phone.substring(6), LocalDate.of(2020, 3, 3),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		page.navigate(url("/cabinet/" + tenant.value()));
		page.locator("#fullName").fill("Лебедева Мария Сергеевна");
		page.locator("#phone").fill(phone);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		page.locator("#code").fill(texted.latest(tenant, 1));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Мария Сергеевна!");

		// Calculate and request: within the policy, approved at once.
		String debtPage = url("/cabinet/" + tenant.value() + "/debts/" + debt.id());
		page.navigate(debtPage);
		page.locator("#plan-months").fill("3");
		page.locator("#plan-months").press("Enter");
		assertThat(page.locator(".plan-within")).isVisible();
		page.locator("#plan-reason-LOST_INCOME").check();
		assertFitsThePhone(page, "plan-request-phone-390.png");
		page.locator("#plan-request-submit").click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("одобрен");
		assertThat(page.locator("#plan-terms")).containsText("погашается целиком, 3 платежами");
		assertFitsThePhone(page, "plan-sign-phone-390.png");

		// Sign with the texted code.
		page.locator("#code").fill(texted.latest(tenant, 2));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать план")).click();
		assertThat(page.locator(".plan-status")).hasText("План действует.");
		assertThat(page.locator(".plan-next")).containsText("Следующий платёж № 1: 10\u00a0000,00\u00a0₽");
		assertFitsThePhone(page, "plan-active-phone-390.png");

		// Pay the first instalment: the pay form offers its amount.
		assertThat(page.locator("#amount-" + debt.id())).hasValue("10000,00");
		page.locator("#pay-" + debt.id() + " button[type=submit]").click();
		assertThat(page.locator("#sandbox-amount")).containsText("10000.00");
		page.locator("#sandbox-pay").click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Оплата прошла");
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		Assertions.assertThat(plan.instalments().getFirst().isPaid()).isTrue();

		// The second missed: its date in the past, then the day's check.
		LocalDate today = quotes.today(debt);
		jdbc.sql("update plan_instalments set due_on = ? where plan_id = ? and number = 2")
			.params(Date.valueOf(today.minusDays(10)), plan.id())
			.update();
		Assertions.assertThat(plans.check(tenant, plan.id(), today)).isTrue();
		page.navigate(debtPage);
		assertThat(page.locator(".plan-behind")).containsText("Просрочено: 10\u00a0000,00\u00a0₽");
		assertThat(page.locator(".plan-row-overdue")).hasCount(1);
		assertFitsThePhone(page, "plan-behind-phone-390.png");

		// Repair: move its date.
		page.locator("#plan-move-to").fill(today.plusDays(3).toString());
		page.locator("#plan-move-submit").click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("План исправлен.");
		assertThat(page.locator(".plan-status")).hasText("План действует.");
		Assertions.assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.ACTIVE);

		// Pay the rest at once: ahead of schedule.
		page.locator("#amount-" + debt.id()).fill("20000");
		page.locator("#pay-" + debt.id() + " button[type=submit]").click();
		page.locator("#sandbox-pay").click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Оплата прошла");
		Assertions.assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.COMPLETED);

		page.navigate(debtPage);
		assertThat(page.locator(".plan-completed")).containsText("Все платежи по плану внесены");
		String certificate = page.locator(".plan-completed .certificate").getAttribute("href");
		com.microsoft.playwright.APIResponse pdf = page.request().get(url(certificate));
		Assertions.assertThat(pdf.status()).isEqualTo(200);
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ')
				.replaceAll("\\s+", " ");
			Assertions.assertThat(text).as("the certificate states what was paid")
				.contains("Всего уплачено 30 000,00 руб.", "Задолженность погашена уплатой 30 000,00 руб., долг не прощался.");
		}
		catch (java.io.IOException unreadable) {
			throw new AssertionError("The certificate is not a PDF", unreadable);
		}
		assertFitsThePhone(page, "plan-completed-phone-390.png");
		assertNoBrowserProblems();
	}
}
