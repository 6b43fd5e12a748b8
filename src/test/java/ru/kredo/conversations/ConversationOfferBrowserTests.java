package ru.kredo.conversations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.accounts.User;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * An operator offers a debtor who asked for a discount 20 % off from their conversation in the inbox; the debtor, on a
 * 390-px phone, finds it on his home page and in his chat, and signs it with the texted code as any offer.
 */
class ConversationOfferBrowserTests extends BrowserTestSupport {

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
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	Provisioned agency;
	User operator;
	String phone;
	ConversationId conversation;
	Page phonePage;

	@BeforeEach
	void aDebtorWhoAskedForADiscount() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		operator = fixtures.manager(agency);
		// The agency's ceiling: 30 %, for debts older than his (so his debt has no offer of its own).
		offers.addRule(agency.tenant().id(), "Безнадёжные", 9999, Money.ZERO, 30, 30, PartPolicy.IN_FULL);
		phone = "+7915" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Орлова", "Нина", "Петровна"),
				LocalDate.of(1979, 5, 5), null, null, null, PhoneNumber.parse(phone), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "О-" + phone.substring(5), LocalDate.of(2020, 3, 3),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("54000.00"), Money.ZERO), 500);
		conversation = conversations.fromDebtor(agency.tenant().id(), debtor.id(),
				"Могу закрыть долг сразу, если будет скидка", null).conversationId();
		phonePage = openPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
	}

	@Test
	void theOperatorOffersADiscountAndTheDebtorSignsItOnHisPhone() {
		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page inbox = desk.newPage();
			signIn(inbox, operator.email().value(), Fixtures.PASSWORD);
			inbox.navigate(url("/inbox/" + conversation.value()));
			assertThat(inbox.locator("#offer-ceiling")).containsText("до 30%");
			inbox.locator("#offer-percent").fill("20");
			inbox.locator("#offer-days").fill("10");
			inbox.locator("#make-offer").click();
			assertThat(inbox.locator(".alert-success")).containsText("Предложение отправлено");
			assertThat(inbox.locator("#history")).containsText("оплатите 43\u00a0200,00\u00a0₽ вместо 54\u00a0000,00\u00a0₽");
			assertThat(inbox.locator("#debtor-card")).containsText("Скидка 20%");
			screenshot(inbox, "conversation-offer-operator.png");
			Assertions.assertThat(seriousAccessibilityFindings(inbox)).as("the operator's page").isEmpty();
		}

		signInToTheCabinet();
		phonePage.locator("#glance .glance-offer").click();
		assertThat(phonePage.locator(".offer")).containsText("43\u00a0200,00");
		assertFitsThePhone(phonePage, "conversation-offer-debt-phone-390.png");
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Принять предложение")).click();
		Assertions.assertThat(phonePage.url()).endsWith("/offer/sign");
		phonePage.locator("#code").fill(textedCode(2));
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать и принять")).click();
		assertThat(phonePage.locator(".offer")).containsText("осталось заплатить 43\u00a0200,00\u00a0₽");
		assertFitsThePhone(phonePage, "conversation-offer-signed-phone-390.png");

		phonePage.locator("#chat-link").click();
		assertThat(phonePage.locator("#chat-history")).containsText("Агентство предлагает вам соглашение о скидке");
		assertThat(phonePage.locator("#chat-history")).not().containsText("Безнадёжные");
		assertFitsThePhone(phonePage, "conversation-offer-chat-phone-390.png");
		assertNoBrowserProblems();
	}

	private void signInToTheCabinet() {
		phonePage.navigate(url("/cabinet/" + agency.tenant().id()));
		phonePage.locator("#fullName").fill("Орлова Нина Петровна");
		phonePage.locator("#phone").fill(phone);
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Получить код")).click();
		phonePage.locator("#code").fill(textedCode(1));
		phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(phonePage.locator("h1")).hasText("Здравствуйте, Нина Петровна!");
	}

	/**
	 * The code of the agency's latest text with a code, as his phone got it (the development outbox), once there are
	 * {@code nth} such texts: the operator's answer also texts him a link to the chat, which carries no code.
	 */
	private String textedCode(int nth) {
		return texted.latest(agency.tenant().id(), nth);
	}
}
