package ru.kredo.plans;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.accounts.User;
import ru.kredo.calendar.BusinessCalendar;
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
 * An operator finds a debtor's plan request in the inbox's «Планы», reads the rule it breaks, calculates other terms
 * (the schedule shown before anything is sent) and proposes them; the debtor's acceptance (his side, driven here through
 * {@link Plans#acceptProposal}) shows on the plan's page as awaiting his signature.
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

	@Test
	void theOperatorProposesOtherTermsForARequestAfterSeeingTheirSchedule() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		User operator = fixtures.manager(agency);
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Зуева", "Алла", "Игоревна"),
				LocalDate.of(1981, 6, 6), null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "П-" + phone.substring(5),
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

		plans.acceptProposal(agency.tenant().id(), debtor.id(), request.id());
		desk.reload();
		assertThat(desk.locator("#plan-status")).hasAttribute("data-status", "AWAITING_SIGNATURE");
		desk.locator("#nav-plans").click();
		desk.locator("#plans-AWAITING").click();
		assertThat(desk.locator("#plans tbody tr").first()).containsText("Зуева Алла Игоревна");
		screenshot(desk, "plans-awaiting.png");
		Assertions.assertThat(seriousAccessibilityFindings(desk)).as("the plans' list").isEmpty();
		assertNoBrowserProblems();
	}
}
