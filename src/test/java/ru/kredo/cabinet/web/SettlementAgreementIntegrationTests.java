package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.TextedCodes;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.OfferRule;
import ru.kredo.collections.OfferRules;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.documents.Agency;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The copy of the settlement agreement a debtor signed with a texted code: he signs through the cabinet, finds it in
 * «Документы» and on the debt's page, and the PDF holds the agreement's text exactly as he read it, the sums, the
 * schedule's dates and the signature (when, its record, the number the code went to); nobody else gets it, a rule
 * changed after signing does not change it, the agency's staff download the same copy (audited), and a signature made
 * before Kredo kept the number says so.
 */
@IntegrationTest
class SettlementAgreementIntegrationTests {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

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
	OfferRules rules;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	Provisioned agency;
	TenantId tenant;
	String door;
	OfferRule rule;
	Contact debtor;
	String phone;
	Debt debt;

	@BeforeEach
	void aDebtorWithADiscountInTwoParts() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		door = "/cabinet/" + tenant.value();
		requisites.save(tenant, new Agency("ООО ПКО «Копия»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		rule = offers.addRule(tenant, "Два платежа", 0, Money.ZERO, 10, 14, new PartPolicy(2, PartInterval.MONTH, 3));
		phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		debtor = contacts.add(tenant, new FullName("Орлова", "Вера", "Павловна"), LocalDate.of(1983, 6, 6), null, null,
				null, PhoneNumber.parse(phone), null);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + phone.substring(6) + "/2020", LocalDate.of(2020, 2, 2),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ofRoubles("2000.00"), Money.ofRoubles("8000.00"),
						Money.ZERO), 400);
	}

	@Test
	void theDebtorDownloadsACopyOfWhatHeSignedAndNobodyElseCan() throws Exception {
		MockHttpSession session = cabinet.signedIn(tenant, debtor.id());
		String signing = door + "/debts/" + debt.id() + "/offer/sign";
		assertThat(cabinet.redirect(post(signing).param("parts", "2"), session)).isEqualTo(signing);
		String shown = cabinet.page(signing, session);
		assertThat(cabinet.redirect(post(door + "/debts/" + debt.id() + "/offer/accept")
			.param("code", texts.latest(tenant, 1)), session)).isEqualTo(door + "/debts/" + debt.id());

		Offer signed = offers.find(tenant, debt.id()).orElseThrow();
		assertThat(signed.wasAccepted()).isTrue();
		String href = door + "/debts/" + debt.id() + "/offer/agreement.pdf";
		assertThat(cabinet.page(door + "/documents", session)).contains("href=\"" + href + "\"",
				"Соглашение о прощении части долга (копия)");
		assertThat(cabinet.page(door + "/debts/" + debt.id(), session)).contains("href=\"" + href + "\"");

		MockHttpServletResponse response = mvc.perform(get(href).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains("soglashenie-");
		String copy = text(response.getContentAsByteArray());

		UUID signature = jdbc.sql("select signature from offers where tenant_id = ? and debt_id = ?")
			.params(tenant.value(), debt.id().value()).query(UUID.class).single();
		ZonedDateTime signedAt = signed.acceptedAt().atZone(calendar.agencyZone());
		assertThat(copy).contains("СОГЛАШЕНИЕ", "о прощении части долга (копия)", "ООО ПКО «Копия»", "7701234560",
				"Орлова Вера Павловна", "ПАО «Банк»", "№ " + debt.contractNumber() + " от 02.02.2020",
				"№ " + signed.id() + " от " + DATE.format(signedAt),
				"Задолженность на дату подписания", "10\u00a0000,00\u00a0руб.", "Сумма к уплате по соглашению",
				"9\u00a0000,00\u00a0руб.", "Прощается", "ст. 415 ГК РФ", "1\u00a0000,00\u00a0руб.",
				"1 " + DATE.format(signed.schedule().get(0).dueOn()) + " 4\u00a0500,00\u00a0руб.",
				"2 " + DATE.format(signed.schedule().get(1).dueOn()) + " 4\u00a0500,00\u00a0руб.",
				"Подписано простой электронной подписью",
				"Дата и время подписания: " + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").format(signedAt) + " МСК",
				"Запись подписи № " + signature,
				"Код отправлен на номер +7 *** ***-" + phone.substring(8, 10) + "-" + phone.substring(10));
		// The text exactly as the signing page showed it, each of its lines, and as the offer kept it.
		// The title, the forgiveness, two parts, the lapse, and what entering the code meant.
		assertThat(signed.signedTerms().lines()).hasSize(6).startsWith("Соглашение о прощении части долга")
			.endsWith("Мы отправили код по SMS. Введя его, вы подписываете соглашение простой электронной подписью.");
		for (String line : signed.signedTerms().lines().toList()) {
			assertThat(shown.replace("&nbsp;", "\u00a0").replace("&#39;", "'").replace("&quot;", "\"")
				.replace("&laquo;", "«").replace("&raquo;", "»")).as("the signing page").contains(line);
			assertThat(copy).as("the copy").contains(line.replaceAll("\\s+", " "));
		}

		// Nobody else: another debtor of the agency, a guest, a debtor of another agency at his own door.
		Contact other = fixtures.contact(agency);
		mvc.perform(get(href).session(cabinet.signedIn(tenant, other.id())))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(404));
		assertThat(cabinet.status(get(href))).isEqualTo(404);
		Provisioned another = fixtures.tenant(TenantKind.COLLECTOR);
		Contact stranger = fixtures.contact(another);
		String theirs = "/cabinet/" + another.tenant().id() + "/debts/" + debt.id() + "/offer/agreement.pdf";
		assertThat(cabinet.status(get(theirs).session(cabinet.signedIn(another.tenant().id(), stranger.id()))))
			.isEqualTo(404);

		// The rule changed and switched off after signing: the copy is what he signed, word for word.
		rules.change(tenant, rule.id(), "Новые условия", 0, Money.ZERO, 40, 3, new PartPolicy(6, PartInterval.WEEK, 0));
		rules.setEnabled(tenant, rule.id(), false);
		String again = text(mvc.perform(get(href).session(session)).andReturn().getResponse().getContentAsByteArray());
		assertThat(again).isEqualTo(copy);

		// The agency's staff download the same copy from the debtor's card; each download is audited.
		assertThat(cabinet.staffPage("/debtors/" + debtor.id().value(), fixtures.admin(agency)))
			.contains("/debtors/debts/" + debt.id() + "/agreement.pdf");
		MockHttpServletResponse staff = mvc.perform(get("/debtors/debts/" + debt.id() + "/agreement.pdf")
			.with(user(fixtures.admin(agency)))).andReturn().getResponse();
		assertThat(staff.getStatus()).isEqualTo(200);
		assertThat(text(staff.getContentAsByteArray())).isEqualTo(copy);
		assertThat(audit.latest(tenant, 10)).anySatisfy(event -> {
			assertThat(event.action()).isEqualTo(AuditAction.PERSONAL_DATA_VIEWED);
			assertThat(event.objectId()).isEqualTo(debtor.id().value().toString());
			assertThat(event.detail()).isEqualTo("settlement-agreement;" + debt.id());
		});
		// Another agency's staff: 404.
		assertThat(cabinet.status(get("/debtors/debts/" + debt.id() + "/agreement.pdf")
			.with(user(fixtures.admin(another))))).isEqualTo(404);
	}

	@Test
	void aSettlementLapsedOrSignedBeforeTheNumberWasKeptStillHasItsCopyAndSaysWhatWasNotKept() throws Exception {
		// Signed as Kredo signed before it kept the number: the copy says the number was not kept, and is his all the same.
		offers.accept(tenant, debt.id(), UUID.randomUUID(), 1, offers.find(tenant, debt.id()).orElseThrow().offerAmount(),
				"Условия, как он их прочитал.");
		// And lapsed since: its only part is long past its date, unpaid. He signed it all the same.
		jdbc.sql("update offer_parts set due_on = ? where tenant_id = ?")
			.params(java.sql.Date.valueOf(calendar.today().minusDays(40)), tenant.value()).update();
		assertThat(offers.find(tenant, debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.LAPSED);
		MockHttpSession session = cabinet.signedIn(tenant, debtor.id());
		String href = door + "/debts/" + debt.id() + "/offer/agreement.pdf";
		assertThat(cabinet.page(door + "/documents", session)).contains("href=\"" + href + "\"");
		String copy = text(mvc.perform(get(href).session(session)).andReturn().getResponse().getContentAsByteArray());
		assertThat(copy).contains("Условия, как он их прочитал.", "Подписано простой электронной подписью",
				"Номер, на который был отправлен код, при подписании не сохранялся")
			.doesNotContain("Код отправлен на номер");
		// A debt with no settlement signed has no copy.
		Debt unsigned = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-Н-" + phone.substring(6), LocalDate.of(2020, 2, 2),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("500.00"), Money.ZERO), 400);
		assertThat(cabinet.status(get(door + "/debts/" + unsigned.id() + "/offer/agreement.pdf").session(session)))
			.isEqualTo(404);
	}

	@Test
	void withoutTheAgencysRequisitesTheCardSaysWhyThereIsNoCopyYet() throws Exception {
		Provisioned bare = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId id = bare.tenant().id();
		offers.addRule(id, "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Contact someone = fixtures.contact(bare);
		Debt signed = debts.add(id, someone.id(), "ПАО «Банк»", "КД-Б/2020", LocalDate.of(2020, 2, 2), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("500.00"), Money.ZERO), 400);
		offers.accept(id, signed.id(), UUID.randomUUID(), 1, offers.find(id, signed.id()).orElseThrow().offerAmount(),
				"Условия.");

		assertThat(cabinet.staffPage("/debtors/" + someone.id().value(), fixtures.admin(bare)))
			.contains("Копию подписанного соглашения можно будет скачать, когда агентство заполнит свои реквизиты.")
			.doesNotContain("/agreement.pdf");
		assertThat(cabinet.status(get("/debtors/debts/" + signed.id() + "/agreement.pdf").with(user(fixtures.admin(bare)))))
			.isEqualTo(404);
	}

	private static String text(byte[] pdf) throws Exception {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
