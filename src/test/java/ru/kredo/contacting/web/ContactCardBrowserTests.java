package ru.kredo.contacting.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import ru.kredo.BrowserTestSupport;
import ru.kredo.Fixtures;
import ru.kredo.accounts.User;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtorZones;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * An operator opens a debtor's card and reads, at a glance, the debtor's local time in Vladivostok and the contacts
 * left after a call made an hour ago; «Позвонить» then says why he may not be called now and opens no call.
 */
class ContactCardBrowserTests extends BrowserTestSupport {

	private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	DebtorZones zones;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOperatorSeesTheDebtorsLocalTimeAndTheContactsLeft() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		User operator = fixtures.manager(agency);
		String digits = String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Ким", "Олег", "Сергеевич"),
				LocalDate.of(1979, 4, 2), null, null, null, PhoneNumber.parse("+7914" + digits), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "ВЛ-" + digits, LocalDate.of(2020, 5, 5), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 300);
		zones.record(agency.tenant().id(), debtor.id(), "Приморский край", VLADIVOSTOK);
		// An operator's call an hour ago: the day's call is used, one of the week's two, one of the month's eight.
		jdbc.sql("""
				insert into contact_attempts (id, tenant_id, contact_id, channel, kind, initiative, state, counted, purpose,
				    sent_at, actor, created_at, updated_at)
				values (?, ?, ?, 'CALL', 'CALL', 'COLLECTION', 'SENT', true, 'call', now() - interval '1 hour', 'Оператор',
				    now() - interval '1 hour', now() - interval '1 hour')""")
			.params(UUID.randomUUID(), agency.tenant().id().value(), debtor.id().value())
			.update();

		Page desk = openPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(desk, operator.email().value(), Fixtures.PASSWORD);
		String before = DateTimeFormatter.ofPattern("HH:mm").format(Instant.now().atZone(VLADIVOSTOK));
		desk.navigate(url("/debtors/" + debtor.id().value()));
		assertThat(desk.locator("#contact-now")).containsText("(Владивосток, UTC+10)");
		String after = DateTimeFormatter.ofPattern("HH:mm").format(Instant.now().atZone(VLADIVOSTOK));
		Assertions.assertThat(desk.locator("#contact-now").textContent())
			.containsAnyOf("У должника " + before + " (Владивосток, UTC+10)", "У должника " + after + " (Владивосток, UTC+10)");
		assertThat(desk.locator("#contact-left"))
			.hasText("Осталось: звонков 0 за сутки, 1 за неделю, 7 за месяц; сообщений 2 / 4 / 16.");
		assertThat(desk.locator(".contact-log tbody tr").first()).containsText("Звонок оператора");
		assertThat(desk.locator(".contact-log tbody tr").first()).containsText("звонок о долге");
		screenshot(desk, "debtor-contacting.png");
		Assertions.assertThat(seriousAccessibilityFindings(desk)).as("the card with its contacts").isEmpty();

		desk.locator("#call").click();
		assertThat(desk.locator("[role=alert]")).containsText("Звонить сейчас нельзя");
		assertThat(desk).hasURL(url("/debtors/" + debtor.id().value()));
		assertThat(desk.locator("#call-phone")).hasCount(0);
		assertNoBrowserProblems();
	}
}
