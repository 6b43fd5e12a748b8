package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.CabinetActivity;
import ru.kredo.cabinet.Funnel;
import ru.kredo.cabinet.FunnelStep;
import ru.kredo.cabinet.PersonalDataConsents;
import ru.kredo.cabinet.SignedInDebtor;
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
import ru.kredo.documents.Agency;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;

/**
 * The cabinet speaks for the agency, not for Kredo: every page names it with its phone and hours, «Контакты» gives
 * its requisites, its privacy policy and consent are its own texts, and the consent is a separate document whose
 * every answer is kept with its version, time, address and browser. The debtor never sees the agency's rule names,
 * and his headline is what he owes now.
 */
@IntegrationTest
class CabinetAgencyIntegrationTests {

	private static final Agency LEGAL = new Agency("ООО ПКО «Честный возврат»", "7701234560", "1027700000008",
			"г. Москва, ул. Тестовая, д. 1", "+7 495 111-22-33");

	@Autowired
	MockMvc mvc;

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
	PersonalDataConsents consents;

	@Autowired
	CabinetActivity activity;

	@Autowired
	Funnel funnel;

	@Test
	void everyCabinetPageNamesTheAgencyWithItsPhoneAndHoursAndContactsGiveItsRequisites() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new AgencyProfile(LEGAL, "пн–пт 9:00–18:00 (мск)", "help@vozvrat.test",
				"1/17/77000-КЛ", null, null), agency.tenant().name());
		Contact debtor = debtor(agency);
		debt(agency, debtor, "КД-1/2021", "5000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);

		for (String page : new String[] { door, door + "/home", door + "/contacts", door + "/privacy", door + "/consent" }) {
			String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			assertThat(html).as(page).contains("class=\"cabinet-agency", "ООО ПКО «Честный возврат»", "href=\"tel:+74951112233\"",
					"+7 495 111-22-33", "пн–пт 9:00–18:00 (мск)", door + "/contacts\"", door + "/privacy\"");
		}
		// The door promises nothing the policy does not say (a payment goes through a payment provider), it points to it.
		assertThat(mvc.perform(get(door)).andReturn().getResponse().getContentAsString())
			.contains("в его политике обработки персональных данных").doesNotContain("не передаются третьим лицам");
		assertThat(mvc.perform(get(door + "/contacts")).andReturn().getResponse().getContentAsString())
			.contains("7701234560", "1027700000008", "г. Москва, ул. Тестовая, д. 1", "1/17/77000-КЛ",
					"mailto:help@vozvrat.test", door + "/consent\"");
		// The default policy is written from the requisites: the operator, its register entry, its contacts.
		assertThat(mvc.perform(get(door + "/privacy")).andReturn().getResponse().getContentAsString())
			.contains("Политика в отношении обработки персональных данных",
					"ООО ПКО «Честный возврат» (ИНН 7701234560, ОГРН 1027700000008", "запись № 1/17/77000-КЛ",
					"п. 7 ч. 1 ст. 6", "e-mail: help@vozvrat.test");
	}

	@Test
	void theAdminWritesTheAgencysOwnPolicyWhileTheDefaultOneFollowsTheRequisites() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String door = "/cabinet/" + agency.tenant().id();
		String form = mvc.perform(get("/requisites").with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getContentAsString();
		assertThat(form).contains("name=\"hours\"", "name=\"registryEntry\"", "Политика в отношении обработки");

		// Saved as the form showed it (the default for no requisites), the policy stays the default.
		mvc.perform(post("/requisites").with(user(fixtures.admin(agency))).with(csrf()).param("fullName", LEGAL.fullName())
			.param("inn", LEGAL.inn()).param("ogrn", LEGAL.ogrn()).param("address", LEGAL.address())
			.param("phone", LEGAL.phone()).param("hours", "ежедневно 8:00–20:00").param("email", "")
			.param("registryEntry", "").param("privacyPolicy", AgencyTextsFor.noRequisites(agency.tenant().name()))
			.param("consentText", ""))
			.andExpect(redirectedUrl("/requisites"));
		AgencyProfile saved = requisites.profile(agency.tenant().id()).orElseThrow();
		assertThat(saved.hours()).isEqualTo("ежедневно 8:00–20:00");
		assertThat(saved.privacyPolicy()).isNull();
		assertThat(mvc.perform(get(door + "/privacy")).andReturn().getResponse().getContentAsString())
			.contains("ИНН 7701234560");

		mvc.perform(post("/requisites").with(user(fixtures.admin(agency))).with(csrf()).param("fullName", LEGAL.fullName())
			.param("inn", LEGAL.inn()).param("ogrn", LEGAL.ogrn()).param("address", LEGAL.address())
			.param("phone", LEGAL.phone()).param("email", "not an address").param("privacyPolicy", "Наша политика."))
			.andExpect(status().isUnprocessableContent());
		assertThat(requisites.profile(agency.tenant().id()).orElseThrow().privacyPolicy()).isNull();

		mvc.perform(post("/requisites").with(user(fixtures.admin(agency))).with(csrf()).param("fullName", LEGAL.fullName())
			.param("inn", LEGAL.inn()).param("ogrn", LEGAL.ogrn()).param("address", LEGAL.address())
			.param("phone", LEGAL.phone()).param("privacyPolicy", "Политика агентства.\r\nВторой абзац."))
			.andExpect(redirectedUrl("/requisites"));
		assertThat(mvc.perform(get(door + "/privacy")).andReturn().getResponse().getContentAsString())
			.contains("Политика агентства.\nВторой абзац.").doesNotContain("п. 7 ч. 1 ст. 6");
	}

	@Test
	void theConsentIsASeparateDocumentAnsweredByItsOwnButtonAndKeptWithVersionTimeAddressAndBrowser() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), LEGAL);
		Contact debtor = debtor(agency);
		debt(agency, debtor, "КД-2/2021", "5000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);

		String home = mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("consent-request", door + "/consent\"", "Даю согласие", "Не даю");
		String version = CabinetConsent.asked(mvc, session, door);
		String text = mvc.perform(get(door + "/consent")).andReturn().getResponse().getContentAsString();
		assertThat(text).contains("Согласие на обработку персональных данных", "ИНН 7701234560",
				"не ограничивает доступ к личному кабинету");

		// An answer to a text that changed since he read it is not his answer to the new one.
		mvc.perform(post(door + "/consent").param("decision", "give").param("version", "0".repeat(64)).session(session)
			.with(csrf())).andExpect(redirectedUrl(door + "/home"));
		assertThat(consents.of(agency.tenant().id(), debtor.id(), 10)).isEmpty();

		mvc.perform(post(door + "/consent").param("decision", "give").param("version", version).session(session)
			.header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile").with(request -> {
				request.setRemoteAddr("203.0.113.7");
				return request;
			}).with(csrf())).andExpect(redirectedUrl(door + "/home"));
		// The form sent again (a reload, a double tap) is the same answer, not a second one.
		mvc.perform(post(door + "/consent").param("decision", "give").param("version", version).session(session)
			.with(csrf())).andExpect(redirectedUrl(door + "/home"));
		assertThat(consents.of(agency.tenant().id(), debtor.id(), 10)).singleElement().satisfies(answer -> {
			assertThat(answer.given()).isTrue();
			assertThat(answer.version()).isEqualTo(version).hasSize(64);
			assertThat(answer.address()).isEqualTo("203.0.113.7");
			assertThat(answer.userAgent()).isEqualTo("Mozilla/5.0 (Linux; Android 14) Mobile");
		});
		assertThat(consents.text(agency.tenant().id(), version)).hasValueSatisfying(
				kept -> assertThat(PersonalDataConsents.version(kept)).isEqualTo(version));
		assertThat(mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("consent-request");

		// The agency sees his answer on his card, with the exact text he answered.
		String card = mvc.perform(get("/debtors/" + debtor.id().value() + "/personal-data-consents")
			.with(user(fixtures.admin(agency)))).andReturn().getResponse().getContentAsString();
		assertThat(card).contains("дал согласие", "203.0.113.7", "Android 14", version.substring(0, 12));
		assertThat(mvc.perform(get("/debtors/" + debtor.id().value() + "/personal-data-consents/" + version)
			.with(user(fixtures.admin(agency)))).andReturn().getResponse().getContentAsString())
			.contains("не ограничивает доступ к личному кабинету");
		assertThat(mvc.perform(get("/debtors/" + debtor.id().value()).with(user(fixtures.admin(agency)))).andReturn()
			.getResponse().getContentAsString()).contains("/debtors/" + debtor.id().value() + "/personal-data-consents");

		// A new text is a new version, asked again; he may also withdraw his consent on «Контакты».
		requisites.save(agency.tenant().id(), new AgencyProfile(LEGAL, null, null, null, null,
				"Согласие, редакция 2."), agency.tenant().name());
		String second = CabinetConsent.asked(mvc, session, door);
		assertThat(second).isNotEqualTo(version);
		mvc.perform(post(door + "/consent").param("decision", "refuse").param("version", second).session(session)
			.with(csrf()));
		assertThat(consents.of(agency.tenant().id(), debtor.id(), 10)).extracting(PersonalDataConsents.Answer::given)
			.containsExactly(false, true);
		assertThat(mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("consent-request");
	}

	@Test
	void withoutHisConsentWhatHeLooksAtIsCountedInTheFunnelButNotKeptOnHisCard() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtor(agency);
		debt(agency, debtor, "КД-3/2021", "5000.00");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);

		mvc.perform(get(door + "/home").session(session)).andExpect(status().isOk());
		assertThat(activity.of(agency.tenant().id(), debtor.id(), 10)).extracting(CabinetActivity.Entry::step)
			.doesNotContain(FunnelStep.DEBT_VIEWED);
		assertThat(funnel.of(agency.tenant().id())).filteredOn(row -> row.step() == FunnelStep.DEBT_VIEWED)
			.singleElement().satisfies(row -> assertThat(row.visitors()).isEqualTo(1));

		CabinetConsent.give(mvc, session, door);
		mvc.perform(get(door + "/home").session(session)).andExpect(status().isOk());
		assertThat(activity.of(agency.tenant().id(), debtor.id(), 10)).extracting(CabinetActivity.Entry::step)
			.contains(FunnelStep.DEBT_VIEWED);
	}

	@Test
	void theDebtorNeverSeesTheAgencysRuleNames() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), LEGAL);
		offers.addRule(agency.tenant().id(), "Акция декабрь — дожим", 100, Money.ZERO, 10, 14,
				new PartPolicy(2, PartInterval.MONTH, 0));
		Contact debtor = debtor(agency);
		Debt open = debt(agency, debtor, "КД-4/2021", "10000.00");
		Debt signed = debt(agency, debtor, "КД-5/2021", "20000.00");
		Offer offer = offers.find(agency.tenant().id(), signed.id()).orElseThrow();
		offers.accept(agency.tenant().id(), signed.id(), UUID.randomUUID(), 2, offer.offerAmount(), "Условия.");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);

		String home = mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).doesNotContain("Акция декабрь", "Основание");
		assertThat(mvc.perform(get(door + "/debts/" + open.id()).session(session)).andReturn().getResponse()
			.getContentAsString()).contains("offer-terms").doesNotContain("Акция декабрь", "Основание");
		assertThat(mvc.perform(get(door + "/debts/" + signed.id()).session(session)).andReturn().getResponse()
			.getContentAsString()).contains("offer-next").doesNotContain("Акция декабрь", "Основание");
		byte[] pdf = mvc.perform(get(door + "/debts/" + signed.id() + "/offer/schedule.pdf").session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("ГРАФИК ПЛАТЕЖЕЙ")
				.doesNotContain("Акция", "дожим");
		}
		assertThat(open.id()).isNotNull();
	}

	@Test
	void hisHeadlineIsWhatHeOwesNowAndSeveralDebtsAddUpToATotal() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), LEGAL);
		offers.addRule(agency.tenant().id(), "Частями", 100, Money.ofRoubles("15000.00"), 10, 14,
				new PartPolicy(2, PartInterval.MONTH, 0));
		Contact debtor = debtor(agency);
		Debt plain = debt(agency, debtor, "КД-6/2021", "10000.00");
		// 20 000 ₽ less 10% is 18 000 ₽: two parts of 9 000 ₽; the rest, 2 000 ₽, is forgiven once they are paid.
		Debt signed = debt(agency, debtor, "КД-7/2021", "20000.00");
		Offer offer = offers.find(agency.tenant().id(), signed.id()).orElseThrow();
		offers.accept(agency.tenant().id(), signed.id(), UUID.randomUUID(), 2, offer.offerAmount(), "Условия.");
		String door = "/cabinet/" + agency.tenant().id();
		MockHttpSession session = signedIn(agency, debtor);

		String home = mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString()
			.replaceAll("\\s+", " ");
		String signedPage = mvc.perform(get(door + "/debts/" + signed.id()).session(session)).andReturn().getResponse()
			.getContentAsString().replaceAll("\\s+", " ");
		String plainPage = mvc.perform(get(door + "/debts/" + plain.id()).session(session)).andReturn().getResponse()
			.getContentAsString().replaceAll("\\s+", " ");
		// Amounts within a sentence never break across lines (the headlines are lines of their own, kept whole).
		assertThat(signedPage).contains("осталось 18\u00A0000,00\u00A0₽");
		assertThat(home).contains("договорам — 30\u00A0000,00\u00A0₽");
		home = home.replace('\u00A0', ' ');
		// Each debt's line on the first screen says what he owes on it now; its page explains the figure.
		assertThat(home).containsPattern("/debts/" + signed.id() + "\".*?class=\"cab-glance-amount\">9 000,00 ₽<")
			.containsPattern("/debts/" + plain.id() + "\".*?class=\"cab-glance-amount\">10 000,00 ₽<")
			.contains("Всего к оплате сейчас по 2 долгам", "owed-total-now text-nowrap\">19 000,00 ₽<",
					"Полный долг по всем договорам — 30 000,00 ₽");
		assertThat(signedPage.replace('\u00A0', ' '))
			.containsPattern("id=\"debt-" + signed.id() + "\".*?class=\"kpi owed-now text-nowrap\">9 000,00 ₽<")
			.containsPattern("id=\"debt-" + signed.id() + "\".*?Всего по соглашению осталось 18 000,00 ₽.*?Полный долг по "
					+ "договору —</span> <span class=\"balance text-nowrap\">20 000,00 ₽</span>");
		assertThat(plainPage.replace('\u00A0', ' '))
			.containsPattern("id=\"debt-" + plain.id() + "\".*?class=\"kpi owed-now text-nowrap balance\">10 000,00 ₽<");
	}

	private Contact debtor(Provisioned agency) {
		return contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5), null,
				null, null, null, null);
	}

	private Debt debt(Provisioned agency, Contact debtor, String contract, String principal) {
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", contract, LocalDate.of(2021, 4, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal),
						Money.ZERO), 400);
	}

	private static MockHttpSession signedIn(Provisioned agency, Contact debtor) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignedInDebtors.ATTRIBUTE, new SignedInDebtor(agency.tenant().id(), debtor.id()));
		return session;
	}

	/** The default policy as the requisites form shows it to an agency without requisites. */
	private static final class AgencyTextsFor {

		static String noRequisites(String tenantName) {
			return ru.kredo.collections.AgencyTexts.defaultPrivacyPolicy(tenantName, java.util.Optional.empty());
		}
	}
}
