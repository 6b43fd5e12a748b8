package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
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
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The copy of a plan's agreement prints the number the signing code went to, masked, as a settlement's copy does
 * (session 14: {@code offers.signed_phone}); a plan signed before Kredo kept it says so honestly (plandays).
 */
@IntegrationTest
class PlanAgreementCopyIntegrationTests {

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
	Plans plans;

	@Autowired
	PlanQuotes quotes;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	ru.kredo.collections.BureauPhones bureauPhones;

	@Autowired
	ru.kredo.privacy.PersonalData personalData;

	TenantId tenant;
	Contact debtor;
	String phone;
	Debt debt;
	String page;
	MockHttpSession session;

	@BeforeEach
	void aDebtorWithAQualifyingDebtAndAnAgencyWithRequisites() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		requisites.save(tenant, new Agency("ООО ПКО «План»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		phone = "+7919" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		debtor = contacts.add(tenant, new FullName("Зуева", "Ольга", "Ивановна"), LocalDate.of(1980, 4, 4), null, null,
				null, PhoneNumber.parse(phone), null);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПК-" + phone.substring(6), LocalDate.of(2020, 3, 3), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
		page = "/cabinet/" + tenant.value() + "/debts/" + debt.id();
		session = cabinet.signedIn(tenant, debtor.id());
	}

	@Test
	void theCopyOfAPlanSignedInTheCabinetPrintsTheMaskedNumberTheCodeWentTo() throws Exception {
		assertThat(cabinet.redirect(post(page + "/plan/request").param("reason", "LOST_INCOME").param("by", "months")
			.param("months", "3").param("first", quotes.today(debt).plusDays(5).toString()), session))
			.isEqualTo(page + "/plan/sign");
		cabinet.redirect(post(page + "/plan/confirm").param("code", texts.latest(tenant, 1)), session);
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		String masked = "+7 *** ***-" + phone.substring(8, 10) + "-" + phone.substring(10);
		assertThat(plans.signedPhone(tenant, plan.id())).contains(masked);

		String copy = agreement();
		assertThat(copy).contains("о погашении долга по графику (копия)", "Подписано простой электронной подписью",
				"Код отправлен на номер " + masked, plan.signature().toString())
			.doesNotContain("не сохранялся", phone.substring(2));
	}

	/**
	 * Issue 14: a debtor the registry gave no phone for, signed in with the bureau's phone he confirmed, signs his
	 * plan with the code texted to that phone (it used to go to his contact's phone only: none, a server error).
	 */
	@Test
	void aDebtorSignedInWithABureausPhoneSignsHisPlanWithTheCodeTextedToIt() throws Exception {
		Contact phoneless = contacts.add(tenant, new FullName("Зуева", "Анна", "Ивановна"), LocalDate.of(1981, 5, 5),
				null, null, null, null, null);
		Debt his = debts.add(tenant, phoneless.id(), "ПАО «Банк»", "ПБ-" + phone.substring(6), LocalDate.of(2020, 3, 3),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
		PhoneNumber fromBureau = PhoneNumber.parse("+7926" + phone.substring(5));
		bureauPhones.record(tenant, phoneless.id(), fromBureau, UUID.randomUUID(), 1L);
		bureauPhones.confirm(tenant, phoneless.id(), personalData.index("phone", fromBureau.e164()));
		MockHttpSession signedIn = new MockHttpSession();
		signedIn.setAttribute(SignedInDebtors.ATTRIBUTE, new ru.kredo.cabinet.SignedInDebtor(tenant, phoneless.id(),
				fromBureau.e164()));
		String hisPage = "/cabinet/" + tenant.value() + "/debts/" + his.id();

		assertThat(cabinet.redirect(post(hisPage + "/plan/request").param("reason", "LOST_INCOME").param("by", "months")
			.param("months", "3").param("first", quotes.today(his).plusDays(5).toString()), signedIn))
			.isEqualTo(hisPage + "/plan/sign");
		cabinet.redirect(post(hisPage + "/plan/confirm").param("code", texts.latest(tenant, 1)), signedIn);
		Plan plan = plans.current(tenant, his.id()).orElseThrow();
		assertThat(plan.signature()).isNotNull();
		assertThat(plans.signedPhone(tenant, plan.id())).contains(fromBureau.masked());
	}

	@Test
	void aPlanSignedBeforeTheNumberWasKeptSaysItWasNotKept() throws Exception {
		Plan plan = plans.request(tenant, debtor.id(), debt.id(), PlanReason.ILLNESS, null, null, new Terms.ByMonths(3),
				quotes.today(debt).plusDays(5), Plans.debtor(debtor.id()));
		// As Kredo signed before it kept the number: the signature's record only.
		plans.sign(tenant, debtor.id(), plan.id(), UUID.randomUUID(), "Условия плана, как он их прочитал.");
		assertThat(plans.signedPhone(tenant, plan.id())).isEmpty();

		assertThat(agreement()).contains("Условия плана, как он их прочитал.", "Подписано простой электронной подписью",
				"Номер, на который был отправлен код, при подписании не сохранялся")
			.doesNotContain("Код отправлен на номер");
	}

	private String agreement() throws Exception {
		MockHttpServletResponse response = mvc.perform(get(page + "/plan/agreement.pdf").session(session)).andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		try (var document = org.apache.pdfbox.Loader.loadPDF(response.getContentAsByteArray())) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ');
		}
	}
}
