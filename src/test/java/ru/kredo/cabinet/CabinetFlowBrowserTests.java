package ru.kredo.cabinet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;

/**
 * The debtor's flow on a 390-px phone, as a phone really treats it: he reloads, goes back, and the browser restores
 * the tab after he read the SMS in another app. Every step shows itself again and sends nothing twice; a wrong code
 * keeps him where he is; the wait for another code is counted down; a declined payment says so and is tried again.
 */
class CabinetFlowBrowserTests extends BrowserTestSupport {

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
	JdbcClient jdbc;

	Provisioned agency;
	String phone;
	Page page;

	@BeforeEach
	void aDebtorOnHisPhone() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		phone = "+7919" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Соколова", "Мария", "Андреевна"),
				LocalDate.of(1990, 7, 7), null, null, null, PhoneNumber.parse(phone), null);
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		debts.add(agency.tenant().id(), debtor.id(), "ООО МФК «Займер»", "З-" + phone.substring(5), LocalDate.of(2022, 2, 2),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 600);
		page = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
	}

	@Test
	void theCodeStepSurvivesReloadBackAndARestoredTabAndAWrongCodeStaysOnIt() {
		askForACode();
		String codeStep = page.url();
		assertCodeStep();

		page.reload();
		assertCodeStep();
		page.navigate(codeStep); // the tab restored after reading the SMS
		assertCodeStep();
		page.goBack();
		assertThat(page.locator("#fullName")).isVisible();
		page.goForward();
		assertCodeStep();
		Assertions.assertThat(codesTexted()).as("reloads and restores send no second code").isEqualTo(1);

		// The wait for another code, stated and counted down; the button waits with it.
		assertThat(page.locator("#resend")).isDisabled();
		assertThat(page.locator("#resend-wait")).containsText("Запросить код повторно можно через");
		int before = Integer.parseInt(page.locator("#resend-wait .countdown-seconds").textContent().strip());
		page.waitForTimeout(2_200);
		int after = Integer.parseInt(page.locator("#resend-wait .countdown-seconds").textContent().strip());
		Assertions.assertThat(after).as("the seconds count down").isLessThan(before).isGreaterThan(0);

		String code = textedCode(1);
		page.locator("#code").fill(code.equals("111111") ? "222222" : "111111");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.locator(".alert-danger")).containsText("Код не подходит");
		assertCodeStep();
		page.reload();
		assertCodeStep();

		page.locator("#code").fill(code);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Мария Андреевна!");
		page.goBack();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Мария Андреевна!");
		page.reload();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Мария Андреевна!");
		screenshot(page, "cabinet-flow-back-home-phone.png");
		assertNoBrowserProblems();
	}

	@Test
	void theSigningStepSurvivesReloadAndARestoredTabAndAWrongCodeStaysOnIt() {
		signIn();
		page.locator("#glance .glance-offer").click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Принять предложение")).click();
		assertSigningStep();
		String signingStep = page.url();
		Assertions.assertThat(signingStep).endsWith("/offer/sign");

		page.reload();
		assertSigningStep();
		page.navigate(signingStep);
		assertSigningStep();
		Assertions.assertThat(codesTexted()).as("reloads and restores send no second signing code").isEqualTo(2);
		assertThat(page.locator("#resend")).isDisabled();
		assertThat(page.locator("#resend-wait")).isVisible();

		String code = textedCode(2);
		page.locator("#code").fill(code.equals("111111") ? "222222" : "111111");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать и принять")).click();
		assertThat(page.locator(".alert-danger")).containsText("Код не подходит");
		assertSigningStep();
		screenshot(page, "cabinet-flow-wrong-signing-code-phone.png");

		page.locator("#code").fill(code);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать и принять")).click();
		assertThat(page.locator(".offer")).containsText("осталось заплатить 9 000,00 ₽");
		page.goBack();
		// Signed: the signing step, asked for again, is the debt's page.
		assertThat(page.locator(".offer")).containsText("осталось заплатить");
		assertNoBrowserProblems();
	}

	@Test
	void aDeclinedPaymentSaysSoAndIsTriedAgain() {
		signIn();
		page.locator("#glance .glance-pay").click();
		page.locator("#amount-" + debtId()).fill("2 500,00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Оплатить")).click();
		assertThat(page.locator("#sandbox-amount")).hasText("2500.00 ₽");
		page.locator("#sandbox-decline").click();

		assertThat(page.locator(".payment-declined")).containsText("Оплата 2 500,00 ₽ по договору № З-" + phone.substring(5)
				+ " не прошла.");
		assertThat(page.locator(".payment-declined")).containsText("деньги не списаны");
		screenshot(page, "cabinet-flow-payment-declined-phone.png");
		page.reload();
		assertThat(page.locator(".payment-declined")).hasCount(0); // said once

		// Cancelled on the provider's page this time, then tried again with the button the message offers.
		page.locator("#amount-" + debtId()).fill("2 500,00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Оплатить")).click();
		page.locator("#sandbox-cancel").click();
		assertThat(page.locator(".payment-declined")).containsText("не прошла");
		page.locator("#retry-payment").click();
		assertThat(page.locator("#sandbox-amount")).hasText("2500.00 ₽");
		page.locator("#sandbox-pay").click();
		assertThat(page.locator("[role=status]")).containsText("Оплата прошла, спасибо!");
		assertThat(page.locator(".balance")).hasText("7 500,00 ₽");
		assertNoBrowserProblems();
	}

	private void askForACode() {
		page.navigate(url("/cabinet/" + agency.tenant().id()));
		page.locator("#fullName").fill("Соколова Мария Андреевна");
		page.locator("#phone").fill(phone);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
	}

	private void signIn() {
		askForACode();
		page.locator("#code").fill(textedCode(1));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.locator("h1")).hasText("Здравствуйте, Мария Андреевна!");
	}

	/** The code step, at an address of its own (a GET shows it), with what to check when no code comes. */
	private void assertCodeStep() {
		assertThat(page.locator("h1")).hasText("Введите код из SMS");
		Assertions.assertThat(page.url()).endsWith("/code");
		assertThat(page.locator("#code")).isVisible();
		assertThat(page.locator("#no-code")).containsText("точно так, как в договоре");
	}

	private void assertSigningStep() {
		assertThat(page.locator("#settlement")).containsText("ст. 415 ГК РФ");
		assertThat(page.locator("#code")).isVisible();
	}

	private String debtId() {
		return debts.ofContact(agency.tenant().id(), contacts.findByNameAndPhone(agency.tenant().id(),
				new FullName("Соколова", "Мария", "Андреевна"), PhoneNumber.parse(phone)).getFirst().id())
			.getFirst().id().value().toString();
	}

	/**
	 * The codes the agency has texted or is texting this debtor: a code is written before its text goes out on another
	 * thread, so counting codes tells at once, where counting texts could be early.
	 */
	private long codesTexted() {
		return jdbc.sql("select count(*) from cabinet_challenges where tenant_id = ? and contact_id is not null")
			.param(agency.tenant().id().value()).query(Long.class).single();
	}

	/** The code in the agency's {@code nth} text, once it has been sent. */
	private String textedCode(int nth) {
		return texted.latest(agency.tenant().id(), nth);
	}
}
