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

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.collections.AgencyProfile;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
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
 * On a 390-px phone the debtor of two debts, one under a signed settlement, sees whose cabinet it is (the agency's
 * name, phone and hours on every page, its requisites on «Контакты»), what he owes now on each debt and in all, never
 * the agency's rule names, and answers the consent to processing personal data by its own button.
 */
class CabinetAgencyBrowserTests extends BrowserTestSupport {

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
	JdbcClient jdbc;

	@Autowired
	PersonalDataConsents consents;

	@Test
	void aDebtorOnAPhoneSeesTheAgencyWhatHeOwesNowAndAnswersTheConsent() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new AgencyProfile(new Agency("ООО ПКО «Честный возврат»", "7701234560",
				"1027700000008", "г. Москва, ул. Тестовая, д. 1", "+7 495 111-22-33"), "пн–пт 9:00–18:00 (мск)",
				"help@vozvrat.test", "1/17/77000-КЛ", null, null), agency.tenant().name());
		offers.addRule(agency.tenant().id(), "Акция декабрь — дожим", 100, Money.ofRoubles("15000.00"), 10, 14,
				new PartPolicy(2, PartInterval.MONTH, 0));
		String phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Воронина", "Дарья", "Олеговна"),
				LocalDate.of(1993, 9, 21), null, null, null, PhoneNumber.parse(phone), null);
		debt(agency, debtor, "КД-1/2021", "10000.00");
		Debt signed = debt(agency, debtor, "КД-2/2021", "20000.00");
		Offer offer = offers.find(agency.tenant().id(), signed.id()).orElseThrow();
		offers.accept(agency.tenant().id(), signed.id(), UUID.randomUUID(), 2, offer.offerAmount(), "Условия.");
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));

		page.navigate(url("/cabinet/" + agency.tenant().id()));
		assertThat(page.locator(".cabinet-agency")).containsText("ООО ПКО «Честный возврат»");
		assertThat(page.locator(".cabinet-agency .agency-phone")).hasAttribute("href", "tel:+74951112233");
		assertThat(page.locator(".cabinet-agency")).containsText("пн–пт 9:00–18:00 (мск)");
		page.locator("#fullName").fill("Воронина Дарья Олеговна");
		page.locator("#phone").fill(phone);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		page.locator("#code").fill(textedCode(agency));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();

		// What he owes now: the next part of the settlement (9 000 ₽ of 18 000 ₽ left) and the other debt's balance.
		assertThat(page.locator(".owed-total-now")).hasText("19 000,00 ₽");
		assertThat(page.locator(".owed-total")).containsText("Полный долг по всем договорам — 30 000,00 ₽");
		assertThat(page.locator("main")).not().containsText("Акция декабрь");
		assertThat(page.locator(".cabinet-agency")).containsText("ООО ПКО «Честный возврат»");
		Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		// The settled debt's own page explains its figure.
		page.locator("#glance a.glance-debt[href$='/debts/" + signed.id() + "']").click();
		assertThat(page.locator("#debt-" + signed.id() + " .owed-now")).hasText("9 000,00 ₽");
		assertThat(page.locator("#debt-" + signed.id() + " .owed-explained")).containsText("Всего по соглашению осталось 18 000,00 ₽");
		assertThat(page.locator("#debt-" + signed.id() + " .balance")).hasText("20 000,00 ₽");
		assertThat(page.locator("main")).not().containsText("Акция декабрь");
		Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		page.locator("a.cab-back").click();

		assertThat(page.locator(".consent-request")).isVisible();
		assertThat(page.locator(".consent-request a.consent-document")).hasAttribute("href",
				"/cabinet/" + agency.tenant().id() + "/consent");
		screenshot(page, "cabinet-consent-phone.png");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Даю согласие")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Согласие записано");
		assertThat(page.locator(".consent-request")).hasCount(0);
		Assertions.assertThat(consents.of(agency.tenant().id(), debtor.id(), 5)).singleElement()
			.satisfies(answer -> Assertions.assertThat(answer.userAgent()).isEqualTo(page.evaluate("navigator.userAgent")));

		page.locator(".cabinet-agency a.agency-contacts").click();
		assertThat(page.locator("#agency-requisites")).containsText("7701234560");
		assertThat(page.locator("#agency-requisites")).containsText("1/17/77000-КЛ");
		assertThat(page.locator("#agency-contacts")).containsText("help@vozvrat.test");
		Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		screenshot(page, "cabinet-contacts-phone.png");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отозвать согласие")).click();
		assertThat(page.locator(".consent-state")).containsText("вы не давали");

		page.locator(".cabinet-agency a.agency-privacy").click();
		assertThat(page.locator(".agency-document")).containsText("ООО ПКО «Честный возврат» (ИНН 7701234560");
		Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
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
