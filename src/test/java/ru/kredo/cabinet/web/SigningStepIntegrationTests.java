package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.TextedCodes;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The signing step a settlement and a plan share ({@link SigningStep}), where the flows' own tests do not go: another
 * code asked for after its wait is texted and the former one no longer signs; a code posted for terms this session did
 * not show (none waiting, or another challenge) signs nothing and asks him to open the terms again; and terms that no
 * longer hold when he asks for another code are forgotten, the step sending him back to the debt.
 */
@IntegrationTest
class SigningStepIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CabinetMvc cabinet;

	@Autowired
	TextedCodes texts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	Plans plans;

	@Autowired
	PlanQuotes quotes;

	TenantId tenant;
	Debt debt;
	String page;
	MockHttpSession session;

	@BeforeEach
	void aDebtorWithADebtThatQualifiesForADiscountAndAPlan() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		offers.addRule(tenant, "Два платежа", 0, Money.ZERO, 10, 14, new PartPolicy(2, PartInterval.MONTH, 3));
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(tenant, new FullName("Гусева", "Анна", "Петровна"), LocalDate.of(1979, 5, 5), null,
				null, null, PhoneNumber.parse(phone), null);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПС-" + phone.substring(6), LocalDate.of(2020, 3, 3), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
		page = "/cabinet/" + tenant.value() + "/debts/" + debt.id();
		session = cabinet.signedIn(tenant, debtor.id());
	}

	@Test
	void anotherCodeAfterItsWaitIsTextedAndTheFormerOneNoLongerSignsThePlan() throws Exception {
		assertThat(cabinet.redirect(requestPlan(), session)).isEqualTo(page + "/plan/sign");
		assertThat(cabinet.page(page + "/plan/sign", session)).contains("name=\"code\"");
		String former = texts.latest(tenant, 1);
		assertThat(cabinet.redirect(post(page + "/plan/resend"), session)).isEqualTo(page + "/plan/sign");
		assertThat(cabinet.page(page + "/plan/sign", session)).contains("Новый код можно запросить через", "name=\"code\"");
		assertThat(texts.count(tenant)).as("no code before its time").isEqualTo(1);

		waitOver();
		assertThat(cabinet.redirect(post(page + "/plan/resend"), session)).isEqualTo(page + "/plan/sign");
		assertThat(cabinet.page(page + "/plan/sign", session))
			.contains("Мы отправили новый код для подписания", "name=\"code\"", "id=\"plan-terms-schedule\"");
		String latest = texts.latest(tenant, 2);
		if (!former.equals(latest)) {
			assertThat(cabinet.redirect(post(page + "/plan/confirm").param("code", former), session))
				.as("the former code keeps him on the step").isEqualTo(page + "/plan/sign");
			assertThat(cabinet.page(page + "/plan/sign", session)).contains("Код не подходит");
		}
		assertThat(cabinet.redirect(post(page + "/plan/confirm").param("code", latest), session))
			.isEqualTo(page + "#plan-card");
		assertThat(plans.current(tenant, debt.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
	}

	@Test
	void termsThatNoLongerHoldWhenHeAsksForAnotherCodeAreForgotten() throws Exception {
		cabinet.redirect(requestPlan(), session);
		cabinet.page(page + "/plan/sign", session);
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		plans.withdraw(tenant, plan.debtorId(), plan.id());
		waitOver();

		assertThat(cabinet.redirect(post(page + "/plan/resend"), session)).isEqualTo(page);
		assertThat(cabinet.page(page, session)).contains("Этот план не ждёт подписи.");
		assertThat(texts.count(tenant)).isEqualTo(1);
		assertThat(mvc.perform(get(page + "/plan/sign").session(session)).andReturn().getResponse().getRedirectedUrl())
			.as("the step, its terms forgotten").isEqualTo(page);
	}

	@Test
	void aCodeForTermsThisSessionDidNotShowSignsNothing() throws Exception {
		// None waiting: the plan's code and the settlement's.
		assertThat(cabinet.redirect(post(page + "/plan/confirm").param("code", "123456"), session))
			.isEqualTo(page + "#plan-card");
		assertThat(cabinet.page(page, session)).contains("Откройте условия ещё раз и подпишите их новым кодом.");
		assertThat(cabinet.redirect(post(page + "/offer/accept").param("code", "123456"), session)).isEqualTo(page);
		assertThat(cabinet.page(page, session)).contains("Откройте условия ещё раз и подпишите их новым кодом.");

		// The settlement's terms waiting, and a code posted with another challenge (an older tab's).
		assertThat(cabinet.redirect(post(page + "/offer/sign").param("parts", "2"), session))
			.isEqualTo(page + "/offer/sign");
		assertThat(cabinet.page(page + "/offer/sign", session)).contains("id=\"settlement-schedule\"");
		assertThat(cabinet.redirect(post(page + "/offer/accept").param("challenge", UUID.randomUUID().toString())
			.param("code", texts.latest(tenant, 1)), session)).isEqualTo(page);
		assertThat(cabinet.page(page, session)).contains("Откройте условия ещё раз и подпишите их новым кодом.");
		assertThat(offers.find(tenant, debt.id()).orElseThrow().wasAccepted()).isFalse();
	}

	/** The plan's request within the agency's policy: approved at once, and on to the signing step. */
	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder requestPlan() {
		return post(page + "/plan/request").param("reason", "LOST_INCOME").param("by", "months").param("months", "3")
			.param("first", quotes.today(debt).plusDays(5).toString());
	}

	/** The wait before another code, over: as if the page had been left open that long. */
	private void waitOver() {
		if (session.getAttribute(PlanController.PENDING) instanceof PlanController.PendingPlan pending) {
			session.setAttribute(PlanController.PENDING, new PlanController.PendingPlan(pending.challenge(), pending.debt(), pending.plan(),
					pending.terms(), pending.shown(), pending.demoCode(), Instant.EPOCH, pending.sentTo()));
		}
		else {
			throw new AssertionError("no plan waiting for its code");
		}
	}
}
