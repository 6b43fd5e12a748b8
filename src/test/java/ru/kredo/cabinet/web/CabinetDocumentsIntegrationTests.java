package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.documents.Agency;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The cabinet's «Документы»: a debtor with an open debt, a repaid one and a signed settlement sees exactly his
 * documents, each a PDF he can download; another debtor's are 404 to him, and a guest is sent to the door.
 */
@IntegrationTest
class CabinetDocumentsIntegrationTests {

	private static final Pattern PDF_LINK = Pattern.compile("href=\"(/cabinet/[^\"]+\\.pdf)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aDebtorSeesExactlyHisDocumentsEachAPdfAndNobodyElsesAndAGuestIsSentToTheDoor() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		requisites.save(tenant, new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Contact debtor = fixtures.contact(agency);
		Debt open = debtOf(tenant, debtor, "КД-1/2021");
		Debt repaid = debtOf(tenant, debtor, "КД-2/2021");
		Debt settled = debtOf(tenant, debtor, "КД-3/2021");
		paid(tenant, repaid, "10000.00");
		offers.accept(tenant, settled.id(), UUID.randomUUID(), 1,
				offers.find(tenant, settled.id()).orElseThrow().offerAmount(), "Условия.");
		Contact other = fixtures.contact(agency);
		Debt othersRepaid = debtOf(tenant, other, "КД-4/2021");
		paid(tenant, othersRepaid, "10000.00");
		String door = "/cabinet/" + tenant.value();

		String page = mvc.perform(get(door + "/documents").session(signedIn(tenant, debtor)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Договор № КД-1/2021 от 01.01.2021", "Договор № КД-2/2021 от 01.01.2021",
				"Договор № КД-3/2021 от 01.01.2021", "Справка о погашении задолженности", "Выписка о платежах",
				"Соглашение о прощении части долга (копия)",
				"График платежей по соглашению", "Выписка о платежах появится здесь после первого платежа.",
				"Справка о погашении появится здесь, когда долг будет погашен")
			.doesNotContain("КД-4/2021");
		String base = door + "/debts/";
		assertThat(links(page)).containsExactlyInAnyOrder(base + repaid.id() + "/certificate.pdf",
				base + repaid.id() + "/statement.pdf", base + settled.id() + "/offer/schedule.pdf",
				base + settled.id() + "/offer/agreement.pdf");
		for (String link : links(page)) {
			MockHttpServletResponse pdf = mvc.perform(get(link).session(signedIn(tenant, debtor)))
				.andExpect(status().isOk()).andReturn().getResponse();
			assertThat(pdf.getContentType()).as(link).isEqualTo("application/pdf");
			assertThat(pdf.getHeader("Content-Disposition")).as(link).startsWith("attachment");
			assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).as(link).isEqualTo("%PDF-");
		}
		byte[] statement = mvc.perform(get(base + repaid.id() + "/statement.pdf").session(signedIn(tenant, debtor)))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(statement)) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("ВЫПИСКА О ПЛАТЕЖАХ",
					"КД-2/2021", "Оплата в личном кабинете", "Всего уплачено 10\u00a0000,00\u00a0руб.");
		}
		// The open debt has no statement yet (nothing paid), but it is his: the statement answers him.
		mvc.perform(get(base + open.id() + "/statement.pdf").session(signedIn(tenant, debtor))).andExpect(status().isOk());

		// Another debtor's documents, and his documents to another debtor, are 404.
		for (String link : List.of(base + othersRepaid.id() + "/statement.pdf",
				base + othersRepaid.id() + "/certificate.pdf")) {
			mvc.perform(get(link).session(signedIn(tenant, debtor))).andExpect(status().isNotFound());
		}
		for (String link : links(page)) {
			mvc.perform(get(link).session(signedIn(tenant, other))).andExpect(status().isNotFound());
			mvc.perform(get(link)).andExpect(status().isNotFound());
		}
		// A guest is sent to the door.
		mvc.perform(get(door + "/documents")).andExpect(redirectedUrl(door));
		// The header of his other pages leads to his documents.
		assertThat(mvc.perform(get(door + "/home").session(signedIn(tenant, debtor))).andReturn().getResponse()
			.getContentAsString()).contains("id=\"documents-link\" href=\"" + door + "/documents\"");
	}

	@Test
	void theStatementCountsWhatEachPaymentPaidOnTheDebtAndSaysApartWhatWasForgivenAndWhatIsToBeReturned() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		requisites.save(tenant, new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debtOf(tenant, debtor, "КД-7/2021");
		// 4 000,00 ₽ in the cabinet, 4 000,00 ₽ to the agency's account; then the discount on the 2 000,00 ₽ left,
		// signed and paid (1 800,00 ₽, 200,00 ₽ forgiven); then a payment started before he settled arrives too.
		paid(tenant, debt, "4000.00");
		transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(tenant,
				new PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles("4000.00"), Instant.now(), true)));
		Money discounted = offers.find(tenant, debt.id()).orElseThrow().offerAmount();
		assertThat(discounted).isEqualTo(Money.ofRoubles("1800.00"));
		offers.accept(tenant, debt.id(), UUID.randomUUID(), 1, discounted, "Условия.");
		paid(tenant, debt, "1800.00");
		paid(tenant, debt, "500.00");
		assertThat(debts.get(tenant, debt.id()).isClosed()).isTrue();

		byte[] pdf = mvc.perform(get("/cabinet/" + tenant.value() + "/debts/" + debt.id() + "/statement.pdf")
			.session(signedIn(tenant, debtor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			// 10 000 = 9 800 paid + 200 forgiven + 0 owed; the 500 is not a payment of the debt, and says so.
			assertThat(text).contains("Задолженность на дату уступки 10\u00a0000,00\u00a0руб.",
					"Оплата агентству напрямую (перевод, касса)", "Оплата в личном кабинете",
					"Всего уплачено 9\u00a0800,00\u00a0руб.",
					"Прощено (ст. 415 ГК РФ): 200,00\u00a0руб. по соглашению о прощении долга №",
					"Поступило сверх задолженности и ещё не возвращено: 500,00\u00a0руб.", "подлежит возврату плательщику",
					": 0,00\u00a0руб.")
				.doesNotContain("10\u00a0300,00");
		}
		// The debt's page tells him too, at that payment in its history, and at that one only.
		String page = mvc.perform(get("/cabinet/" + tenant.value() + "/debts/" + debt.id()).session(signedIn(tenant, debtor)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Из них 500,00", "сверх долга: долг был меньше", "подлежат возврату вам");
		assertThat(page.split("class=\"d-block paid-overpaid\"", -1)).hasSize(2);
	}

	@Test
	void withoutTheAgencysRequisitesThePageSaysWhyThereIsNothingToDownload() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = fixtures.contact(agency);
		Debt repaid = debtOf(tenant, debtor, "КД-5/2021");
		paid(tenant, repaid, "10000.00");

		String page = mvc.perform(get("/cabinet/" + tenant.value() + "/documents").session(signedIn(tenant, debtor)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("id=\"documents-no-requisites\"", "Договор № КД-5/2021 от 01.01.2021");
		assertThat(links(page)).isEmpty();
	}

	private static List<String> links(String page) {
		List<String> found = new ArrayList<>();
		Matcher link = PDF_LINK.matcher(page);
		while (link.find()) {
			found.add(link.group(1));
		}
		return found;
	}

	private static MockHttpSession signedIn(TenantId tenant, Contact debtor) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignedInDebtors.ATTRIBUTE, new SignedInDebtor(tenant, debtor.id()));
		return session;
	}

	private Debt debtOf(TenantId tenant, Contact debtor, String contract) {
		return debts.add(tenant, debtor.id(), "ПАО «Банк»", contract, LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
	}

	private void paid(TenantId tenant, Debt debt, String amount) {
		transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(tenant,
				new PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles(amount), Instant.now())));
	}
}
