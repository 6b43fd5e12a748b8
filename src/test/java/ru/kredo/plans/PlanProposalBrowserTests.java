package ru.kredo.plans;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.TextedCodes;
import ru.kredo.accounts.User;
import ru.kredo.calendar.BusinessCalendar;
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
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * An operator finds a debtor's plan request in the inbox's «Планы», reads the rule it breaks, calculates other terms
 * (the schedule shown before anything is sent) and proposes them; the debtor, on a 390-px phone, sees them on his debt's
 * page with the chat to talk them over, accepts them (the agency's page: awaiting his signature) and signs them with
 * the texted code (the plan runs, on his phone and in the agency's list).
 */
class PlanProposalBrowserTests extends BrowserTestSupport {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Plans plans;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	TextedCodes texted;

	@Autowired
	AgencyRequisites requisites;

	@Test
	void theOperatorProposesOtherTermsForARequestAfterSeeingTheirSchedule() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		User operator = fixtures.manager(agency);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «План»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		String phoneNumber = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Зуева", "Алла", "Игоревна"),
				LocalDate.of(1981, 6, 6), null, null, null, PhoneNumber.parse(phoneNumber), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "П-" + phoneNumber.substring(5),
				LocalDate.of(2020, 3, 3), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("60000.00"), Money.ZERO), 500);
		Plan request = plans.request(agency.tenant().id(), debtor.id(), debt.id(), PlanReason.ILLNESS,
				Money.ofRoubles("40000"), Money.ofRoubles("35000"), new Terms.ByMonths(36), calendar.today().plusDays(10),
				Plans.debtor(debtor.id()));

		Page desk = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(desk, operator.email().value(), Fixtures.PASSWORD);
		desk.locator("#nav-inbox").click();
		desk.locator("#filter-PLANS").click();
		assertThat(desk.locator("#plan-requests tbody tr").first()).containsText("Зуева Алла Игоревна");
		assertThat(desk.locator("#plan-requests tbody tr").first()).containsText("Болезнь");
		Assertions.assertThat(seriousAccessibilityFindings(desk)).as("the requests' list").isEmpty();
		desk.locator("#plan-requests tbody tr a").first().click();
		assertThat(desk.locator("#plan-breaches")).containsText("Срок — от 2 до 24 месяцев.");
		assertThat(desk.locator("#plan-income")).containsText("40\u00a0000,00");
		assertThat(desk.locator("#send-proposal")).hasCount(0);

		desk.locator("#propose-months").fill("12");
		desk.locator("#calculate-proposal").click();
		assertThat(desk.locator("#proposal-schedule tr")).hasCount(12);
		assertThat(desk.locator("#propose")).containsText("12 платежей по 5\u00a0000,00\u00a0₽, всего 60\u00a0000,00\u00a0₽");
		Assertions.assertThat(plans.get(agency.tenant().id(), request.id()).status()).isEqualTo(PlanStatus.REQUESTED);
		screenshot(desk, "plan-proposal-preview.png");
		Assertions.assertThat(seriousAccessibilityFindings(desk)).as("the plan's page").isEmpty();

		desk.locator("#send-proposal").click();
		assertThat(desk.locator("#plan-status")).hasAttribute("data-status", "PROPOSED");
		assertThat(desk.locator("#plan-instalments tbody tr")).hasCount(12);
		assertThat(desk.locator("#plan-transitions")).containsText("Запрошен → Предложены другие условия");

		// The debtor, on a 390-px phone: the terms proposed on his debt's page, with the chat to talk them over;
		// he accepts them and is on the signing step.
		TenantId tenant = agency.tenant().id();
		Page phone = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		phone.navigate(url("/cabinet/" + tenant.value()));
		phone.locator("#fullName").fill("Зуева Алла Игоревна");
		phone.locator("#phone").fill(phoneNumber);
		int texts = (int) texted.count(tenant);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		phone.locator("#code").fill(texted.latest(tenant, texts + 1));
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(phone.locator("h1")).hasText("Здравствуйте, Алла Игоревна!");
		phone.navigate(url("/cabinet/" + tenant.value() + "/debts/" + debt.id()));
		assertThat(phone.locator(".plan-proposed")).containsText("Агентство предлагает погасить долг по этому графику");
		assertThat(phone.locator(".plan-card-schedule tbody tr")).hasCount(12);
		assertThat(phone.locator(".plan-chat")).isVisible();
		assertFitsThePhone(phone, "plan-proposal-phone-390.png");
		texts = (int) texted.count(tenant);
		phone.locator(".plan-accept").click();
		assertThat(phone.locator("#plan-terms")).containsText("погашается целиком, 12 платежами");

		desk.reload();
		assertThat(desk.locator("#plan-status")).hasAttribute("data-status", "AWAITING_SIGNATURE");
		desk.locator("#nav-plans").click();
		desk.locator("#plans-AWAITING").click();
		assertThat(desk.locator("#plans tbody tr").first()).containsText("Зуева Алла Игоревна");
		screenshot(desk, "plans-awaiting.png");
		Assertions.assertThat(seriousAccessibilityFindings(desk)).as("the plans' list").isEmpty();

		// He signs the agency's terms with the texted code: the plan runs, on his phone and on the agency's page.
		phone.locator("#code").fill(texted.latest(tenant, texts + 1));
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать план")).click();
		assertThat(phone.locator(".plan-status")).hasText("План действует.");
		assertThat(phone.locator(".plan-next")).containsText("Следующий платёж № 1: 5\u00a0000,00\u00a0₽");
		assertFitsThePhone(phone, "plan-proposal-signed-phone-390.png");
		Assertions.assertThat(plans.get(tenant, request.id()).status()).isEqualTo(PlanStatus.ACTIVE);
		desk.locator("#plans-ACTIVE").click();
		assertThat(desk.locator("#plans tbody tr").first()).containsText("Зуева Алла Игоревна");
		assertNoBrowserProblems();
	}
}
