package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
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
 * On a 390-px phone the debtor of two debts sees what he owes now in all and «Оплатить всё», both within the screen,
 * pays them with one payment through the sandbox, and comes back to both debts repaid.
 */
class PayAllBrowserTests extends BrowserTestSupport {

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

	@Test
	void aDebtorOnAPhonePaysBothDebtsWithOnePayment() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Воронина", "Дарья", "Олеговна"),
				LocalDate.of(1993, 9, 21), null, null, null, PhoneNumber.parse(phone), null);
		Debt first = debt(agency, debtor, "КД-1/2021", "8345.67");
		Debt second = debt(agency, debtor, "КД-2/2021", "4000.00");
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));

		page.navigate(url("/cabinet/" + agency.tenant().id()));
		page.locator("#fullName").fill("Воронина Дарья Олеговна");
		page.locator("#phone").fill(phone);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		page.locator("#code").fill(textedCode(agency));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();

		assertThat(page.locator(".owed-total")).containsText("Всего к оплате сейчас по 2 долгам");
		assertThat(page.locator(".owed-total-now")).hasText("12 345,67 ₽");
		assertThat(page.locator("#pay-all")).isVisible();
		assertThat(page.locator("#pay-all")).hasText("Оплатить всё");
		for (String element : new String[] { ".owed-total-now", "#pay-all" }) {
			BoundingBox box = page.locator(element).boundingBox();
			Assertions.assertThat(box.x).as(element + " starts on the screen").isGreaterThanOrEqualTo(0);
			Assertions.assertThat(box.x + box.width).as(element + " ends on the screen").isLessThanOrEqualTo(390);
		}
		assertFitsTheScreen(page, 390, "cabinet-pay-all-phone-wide.png");
		Assertions.assertThat(seriousAccessibilityFindings(page)).as("axe's serious and critical violations at 390 px")
			.isEmpty();
		screenshot(page, "cabinet-pay-all-phone.png");

		page.locator("#pay-all").click();
		assertThat(page.locator("#sandbox-amount")).containsText("12345.67");
		// Both contracts, in the order his page lists them (by contract date, then as stored).
		assertThat(page.locator("#sandbox-description")).containsText("Оплата по договорам №");
		assertThat(page.locator("#sandbox-description")).containsText("№ КД-1/2021");
		assertThat(page.locator("#sandbox-description")).containsText("№ КД-2/2021");
		page.locator("#sandbox-pay").click();

		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Оплата прошла");
		// Both lines of his home now offer their certificate.
		assertThat(page.locator("#glance .glance-certificate")).hasCount(2);
		assertThat(page.locator(".owed-total")).hasCount(0);
		Assertions.assertThat(debts.get(agency.tenant().id(), first.id()).isClosed()).isTrue();
		Assertions.assertThat(debts.get(agency.tenant().id(), second.id()).isClosed()).isTrue();
		assertFitsTheScreen(page, 390, "cabinet-pay-all-paid-phone.png");
		assertNoBrowserProblems();
	}

	private Debt debt(Provisioned agency, Contact debtor, String contract, String principal) {
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", contract, LocalDate.of(2021, 4, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal),
						Money.ZERO), 400);
	}

	/** The code in the agency's latest text, once it has been sent. */
	private String textedCode(Provisioned agency) {
		return texted.latest(agency.tenant().id(), 1);
	}
}
