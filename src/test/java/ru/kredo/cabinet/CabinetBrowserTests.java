package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.documents.Agency;
import ru.kredo.documents.Certificates;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;

/**
 * The debtor's whole path on a phone, alone: sign in with ФИО, phone and the texted code, see the debt, pay it in the
 * sandbox provider, see it closed, download the certificate and check its code on the public page; and take a
 * discount, sign it with a texted code and pay it in two parts by its schedule.
 */
class CabinetBrowserTests extends BrowserTestSupport {

	@Autowired
	ru.kredo.TextedCodes texted;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Certificates certificates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDebtorSignsInPaysHisDebtOnAPhoneAndDownloadsTheCertificate() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Проверка»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		String phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Воронина", "Дарья", "Олеговна"),
				LocalDate.of(1993, 9, 21), null, null, null, PhoneNumber.parse(phone), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ООО МФК «Займер»", "З-555/2022", LocalDate.of(2022, 2, 2),
				LocalDate.of(2024, 2, 2), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ofRoubles("450.00"),
						Money.ofRoubles("1050.00"), Money.ZERO), 600);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));

		page.navigate(url("/cabinet/" + agency.tenant().id()));
		page.locator("#fullName").fill("Воронина Дарья Олеговна");
		page.locator("#phone").fill("8 " + phone.substring(2));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		page.locator("#code").fill(textedCode(agency));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();

		assertThat(page.locator("h1")).hasText("Здравствуйте, Дарья Олеговна!");
		screenshot(page, "cabinet-phone.png");
		// «Оплатить» on his debt's line leads to the debt's own page, at its pay form.
		page.locator("#glance .glance-pay").click();
		assertThat(page.locator(".balance")).hasText("1 500,00 ₽");
		screenshot(page, "cabinet-debt-phone.png");
		page.locator("select[name=method]").selectOption("SBP");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Оплатить")).click();

		assertThat(page.locator("#sandbox-amount")).hasText("1500.00 ₽");
		page.locator("#sandbox-pay").click();

		assertThat(page.locator(".balance")).hasText("0,00 ₽");
		assertThat(page.getByText("Погашен", new Page.GetByTextOptions().setExact(true))).isVisible();
		Download download = page.waitForDownload(() -> page.locator("a.certificate").click());
		// A link that turns into a download ends its navigation as "aborted": Chromium's way, not a failure.
		problems.removeIf(problem -> problem.contains("certificate.pdf net::ERR_ABORTED"));
		Path pdf = SCREENSHOTS.resolve("certificate.pdf");
		download.saveAs(pdf);
		Assertions.assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

		String code = certificates.find(agency.tenant().id(), debt.id().value()).orElseThrow().verificationCode().value();
		page.navigate(url("/verify?code=" + code));
		assertThat(page.locator("main")).containsText("Справка действительна");
		assertThat(page.locator("main")).containsText("ООО ПКО «Проверка»");
		screenshot(page, "certificate-verified.png");

		assertNoBrowserProblems();
	}

	@Test
	void aDebtorTakesTheDiscountSignsItAndPaysItInTwoPartsOnAPhone() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Проверка»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		offers.addRule(agency.tenant().id(), "Старше года", 365, Money.ZERO, 10, 14, new PartPolicy(3, PartInterval.MONTH, 0));
		String phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Воронина", "Дарья", "Олеговна"),
				LocalDate.of(1993, 9, 21), null, null, null, PhoneNumber.parse(phone), null);
		debts.add(agency.tenant().id(), debtor.id(), "ООО МФК «Займер»", "З-777/2022", LocalDate.of(2022, 2, 2), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ofRoubles("2000.00"), Money.ofRoubles("8000.00"), Money.ZERO), 600);
		Page page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		page.navigate(url("/cabinet/" + agency.tenant().id()));
		page.locator("#fullName").fill("Воронина Дарья Олеговна");
		page.locator("#phone").fill(phone);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		page.locator("#code").fill(textedCode(agency, 1));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();

		page.locator("#glance .glance-offer").click();
		assertThat(page.locator(".offer")).containsText("Можно заплатить частями — до 3 платежей, раз в месяц");
		page.locator("select[name=parts]").selectOption("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Принять предложение")).click();
		assertThat(page.locator("#settlement")).containsText("ст. 415 ГК РФ");
		assertThat(page.locator("#settlement-schedule li")).hasCount(2);
		assertThat(page.locator("#settlement-schedule")).containsText("Платёж 2: 4 500,00 ₽");
		screenshot(page, "cabinet-offer-terms-phone.png");
		page.locator("#code").fill(textedCode(agency, 2));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать и принять")).click();

		assertThat(page.locator(".offer-next")).containsText("Следующий платёж № 1 — 4 500,00 ₽");
		assertThat(page.locator(".offer-schedule tbody tr")).hasCount(2);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Оплатить")).click();
		assertThat(page.locator("#sandbox-amount")).hasText("4500.00 ₽");
		page.locator("#sandbox-pay").click();

		assertThat(page.locator(".offer-next")).containsText("Следующий платёж № 2 — 4 500,00 ₽");
		assertThat(page.locator(".offer-schedule tbody tr").first()).containsText("Оплачен");
		assertThat(page.locator(".balance")).hasText("5 500,00 ₽");
		screenshot(page, "cabinet-offer-part-paid-phone.png");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Оплатить")).click();
		page.locator("#sandbox-pay").click();

		assertThat(page.locator(".offer")).containsText("прощено 1 000,00 ₽");
		assertThat(page.locator(".balance")).hasText("0,00 ₽");
		assertThat(page.getByText("Погашен", new Page.GetByTextOptions().setExact(true))).isVisible();

		// The agency sees it all on the debtor's card, the cabinet activity loaded into it.
		signIn(page, agency.admin().email().value(), Fixtures.PASSWORD);
		page.navigate(url("/debtors/" + debtor.id().value()));
		assertThat(page.locator(".offer-status")).hasText("Исполнено, остаток прощён");
		assertThat(page.locator(".offer")).containsText("по правилу «Старше года»");
		assertThat(page.locator("table.payments tbody tr")).hasCount(2);
		assertThat(page.locator("#cabinet-activity")).containsText("Подписал соглашение о скидке");
		assertThat(page.locator("#cabinet-activity")).containsText("Оплатил");
		screenshot(page, "debtor-card.png");
		assertNoBrowserProblems();
	}

	@Autowired
	Offers offers;

	private String textedCode(Provisioned agency) {
		return textedCode(agency, 1);
	}

	/** The code in the agency's {@code nth} text, once it has been sent. */
	private String textedCode(Provisioned agency, int nth) {
		return texted.latest(agency.tenant().id(), nth);
	}
}
