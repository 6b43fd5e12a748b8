package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.Disputes;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Conversations;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * A debtor disputes a debt from his cabinet: the debt is disputed, its offer withheld (not shown, not signable, none
 * made), his explanation sealed and in the agency's inbox; the agency's staff resolve it from their list — rejected,
 * the offer is back and he reads the reason; upheld, the debt is written off with no certificate — each step audited.
 * Another debtor or agency neither opens, sees nor resolves it.
 */
@IntegrationTest
class DisputesIntegrationTests {

	@Autowired
	ru.kredo.cabinet.web.CabinetMvc cabinet;

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
	Disputes disputes;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	Provisioned agency;
	String door;
	Contact debtor;
	Debt debt;
	UserDetails staff;

	@BeforeEach
	void aDebtorWithADiscountOnOffer() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		door = "/cabinet/" + agency.tenant().id();
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		debtor = debtor(agency, "Лебедева");
		debt = debtOf(agency, debtor);
		staff = fixtures.admin(agency);
	}

	@Test
	void anOpenDisputeWithholdsTheOfferAndARejectionBringsItBackWithTheReasonShownToTheDebtor() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		String card = page(door + "/debts/" + debt.id(), session);
		assertThat(card).contains("/debts/" + debt.id() + "/dispute", "Оспорить", "/debts/" + debt.id() + "/offer/sign");
		String form = page(door + "/debts/" + debt.id() + "/dispute", session);
		assertThat(form).contains("Я не брал этот кредит", "Уже оплатил", "Сумма неверна", "name=\"explanation\"");

		// Nothing written: the form again, saying so.
		assertThat(redirect(post(door + "/debts/" + debt.id() + "/dispute").param("reason", "ALREADY_PAID")
			.param("explanation", "  "), session)).isEqualTo(door + "/debts/" + debt.id() + "/dispute");
		assertThat(page(door + "/debts/" + debt.id() + "/dispute", session))
			.contains("Напишите, почему вы не согласны с долгом.", "is-invalid");
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.OPEN);

		assertThat(redirect(post(door + "/debts/" + debt.id() + "/dispute").param("reason", "ALREADY_PAID")
			.param("explanation", "Оплатила в банке 12.03.2024, квитанция есть"), session))
			.isEqualTo(door + "/debts/" + debt.id());
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);

		// His card: disputed, no offer and no signing form, no second «Оспорить»; his home's line says so too.
		card = page(door + "/debts/" + debt.id(), session);
		assertThat(card).contains("Долг оспорен — агентство рассмотрит", "Агентство требует — вы оспариваете")
			.doesNotContain("/debts/" + debt.id() + "/offer/sign").doesNotContain("/debts/" + debt.id() + "/dispute\"");
		assertThat(page(door + "/home", session)).contains("glance-disputed", "Агентство требует — вы оспариваете")
			.doesNotContain("glance-offer");
		// Withheld, not lost: the agency still sees it on the debtor's card, he does not.
		assertThat(debts.ofDebtor(agency.tenant().id(), debtor.id()).offers()).isEmpty();
		assertThat(offers.find(agency.tenant().id(), debt.id())).isPresent();
		assertThatThrownBy(() -> offers.signable(agency.tenant().id(), debts.get(agency.tenant().id(), debt.id())))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("debt.disputed"));
		// Signing asked for anyway: refused on the debt's page, no code texted.
		assertThat(redirect(post(door + "/debts/" + debt.id() + "/offer/sign"), session))
			.isEqualTo(door + "/debts/" + debt.id());
		assertThat(page(door + "/debts/" + debt.id(), session)).contains("открыт спор");
		// A second dispute of the same debt: refused.
		assertThat(redirect(post(door + "/debts/" + debt.id() + "/dispute").param("reason", "OTHER")
			.param("explanation", "ещё раз"), session)).isEqualTo(door + "/debts/" + debt.id());
		assertThat(page(door + "/debts/" + debt.id(), session)).contains("По этому долгу спор уже открыт.");
		// The day's renewal makes no offer for a disputed debt (its offer gone, as one lapsed unsigned is).
		jdbc.sql("delete from offers where debt_id = ?").param(debt.id().value()).update();
		offers.makeOffers(agency.tenant().id());
		assertThat(offers.find(agency.tenant().id(), debt.id())).isEmpty();

		// Stored sealed; in the inbox as his message; audited.
		Dispute dispute = disputes.latestOf(agency.tenant().id(), debt.id()).orElseThrow();
		byte[] stored = jdbc.sql("select explanation from debt_disputes where id = ?").param(dispute.id())
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("квитанция");
		assertThat(dispute.explanation()).isEqualTo("Оплатила в банке 12.03.2024, квитанция есть");
		assertThat(conversations.history(agency.tenant().id(),
				conversations.find(agency.tenant().id(), debtor.id()).orElseThrow().id(), true))
			.anySatisfy(m -> assertThat(m.text()).contains(debt.contractNumber(), "Уже оплатил", "квитанция есть"));
		assertThat(audited("DISPUTE_OPENED")).isEqualTo(1);

		// The staff's list; the dispute's page with the explanation.
		assertThat(staffPage("/debtors/disputes")).contains("Лебедева", debt.contractNumber(), "Уже оплатил");
		assertThat(staffPage("/debtors/disputes/" + dispute.id())).contains("квитанция есть", "name=\"reason\"");

		// Rejected without a reason: the page again (422), the field marked.
		MvcResult refused = mvc.perform(post("/debtors/disputes/{id}", dispute.id()).param("outcome", "REJECTED")
			.param("reason", " ").with(user(staff)).with(csrf())).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Напишите причину: должник увидит её в кабинете.");
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);

		assertThat(mvc.perform(post("/debtors/disputes/{id}", dispute.id()).param("outcome", "REJECTED")
			.param("reason", "Платёж 12.03.2024 поступил по другому договору").with(user(staff)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/debtors/disputes");
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		assertThat(audited("DISPUTE_RESOLVED")).isEqualTo(1);
		assertThat(staffPage("/debtors/disputes")).doesNotContain(debt.contractNumber());

		// He sees the outcome and the reason, and the offer is back.
		card = page(door + "/debts/" + debt.id(), session);
		assertThat(card).contains("Спор рассмотрен, долг остаётся в силе.", "Платёж 12.03.2024 поступил по другому договору",
				"/debts/" + debt.id() + "/offer/sign").doesNotContain("Долг оспорен");
		assertThat(offers.signable(agency.tenant().id(), debts.get(agency.tenant().id(), debt.id()))).isNotNull();
		// Resolving it again: refused.
		assertThatThrownBy(() -> disputes.resolve(agency.tenant().id(), dispute.id(), DisputeOutcome.UPHELD, "", null))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("dispute.already-resolved"));
	}

	@Test
	void anUpheldDisputeWritesTheDebtOffWithNoCertificate() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		redirect(post(door + "/debts/" + debt.id() + "/dispute").param("reason", "NOT_MINE")
			.param("explanation", "Этот кредит я не брала, паспорт был утерян"), session);
		Dispute dispute = disputes.latestOf(agency.tenant().id(), debt.id()).orElseThrow();

		assertThat(mvc.perform(post("/debtors/disputes/{id}", dispute.id()).param("outcome", "UPHELD").param("reason", "")
			.with(user(staff)).with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/debtors/disputes");

		Debt writtenOff = debts.get(agency.tenant().id(), debt.id());
		assertThat(writtenOff.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(writtenOff.closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
		assertThat(page(door + "/home", session)).contains("Долг списан").doesNotContain("certificate.pdf");
		String card = page(door + "/debts/" + debt.id(), session);
		assertThat(card).contains("Спор решён в вашу пользу", "Долг списан").doesNotContain("certificate.pdf")
			.doesNotContain("/debts/" + debt.id() + "/offer/sign").doesNotContain("/debts/" + debt.id() + "/pay");
	}

	@Test
	void aDisputedDebtShowsNoPayFormAndAPaymentStartedAnywayIsRefused() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		String pay = door + "/debts/" + debt.id() + "/pay";
		String card = door + "/debts/" + debt.id();
		String open = page(card, session);
		assertThat(open).contains("action=\"" + pay + "\"");
		assertThat(page(door + "/home", session)).contains("glance-pay");
		String keyBefore = key(open);

		redirect(post(door + "/debts/" + debt.id() + "/dispute").param("reason", "ALREADY_PAID")
			.param("explanation", "Оплатила в банке"), session);
		String disputed = page(card, session);
		assertThat(disputed).contains("Агентство требует — вы оспариваете").doesNotContain("action=\"" + pay + "\"")
			.doesNotContain("payments-unavailable");
		assertThat(page(door + "/home", session)).contains("Агентство требует — вы оспариваете")
			.doesNotContain("glance-pay");

		// Nor is it in what he is asked to pay over all his debts: two others, 10 000 each, are.
		debtOf(agency, debtor);
		debtOf(agency, debtor);
		assertThat(page(door + "/home", session)).contains("Всего к оплате сейчас по 2 долгам")
			.containsPattern("owed-total-now[^>]*>20\u00a0000,00\u00a0₽<");

		// The form of the page drawn before the dispute, posted now: refused on the debt's page with the reason, nothing
		// started.
		assertThat(redirect(post(pay).param("amount", "1000").param("method", "SBP").param("key", keyBefore), session))
			.isEqualTo(card);
		assertThat(page(card, session)).contains("По этому долгу открыт спор: пока агентство его не рассмотрит");
		assertThat(jdbc.sql("select count(*) from payments where debt_id = ?").param(debt.id().value())
			.query(Long.class).single()).isZero();
	}

	private static String key(String home) {
		java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(home);
		assertThat(key.find()).isTrue();
		return key.group(1);
	}

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@Test
	void theDebtorAttachesAReceiptTheAgencySeesAndDownloadsItAndNoOneElseCan() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		assertThat(page(door + "/debts/" + debt.id() + "/dispute", session))
			.contains("enctype=\"multipart/form-data\"", "name=\"files\"", "до 5 файлов");

		// A file that is not what its name says: the form again with the reason, and nothing opened.
		assertThat(multipartRedirect(session, new MockMultipartFile("files", "квитанция.pdf", "application/pdf",
				"это не PDF".getBytes(StandardCharsets.UTF_8)))).isEqualTo(door + "/debts/" + debt.id() + "/dispute");
		assertThat(page(door + "/debts/" + debt.id() + "/dispute", session)).contains("Этот файл не принят", "is-invalid");
		// More files than a dispute takes: the same.
		MockMultipartFile[] six = new MockMultipartFile[6];
		for (int i = 0; i < six.length; i++) {
			six[i] = new MockMultipartFile("files", "чек-" + i + ".pdf", "application/pdf", PDF);
		}
		assertThat(multipartRedirect(session, six)).isEqualTo(door + "/debts/" + debt.id() + "/dispute");
		assertThat(page(door + "/debts/" + debt.id() + "/dispute", session)).contains("не больше 5 файлов");
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		assertThat(disputes.latestOf(agency.tenant().id(), debt.id())).isEmpty();

		assertThat(multipartRedirect(session, new MockMultipartFile("files", "квитанция-12-03.pdf", "text/plain", PDF),
				new MockMultipartFile("files", "фото чека.png", "image/png", PNG))).isEqualTo(door + "/debts/" + debt.id());
		Dispute dispute = disputes.latestOf(agency.tenant().id(), debt.id()).orElseThrow();
		// Sealed: neither the name nor the content is in the clear.
		assertThat(jdbc.sql("select file_name from dispute_attachments where dispute_id = ?").param(dispute.id())
			.query(byte[].class).list()).hasSize(2)
			.allSatisfy(name -> assertThat(new String(name, StandardCharsets.UTF_8)).doesNotContain("квитанция", "фото"));
		assertThat(jdbc.sql("select content from dispute_attachments where dispute_id = ?").param(dispute.id())
			.query(byte[].class).list()).noneMatch(content -> new String(content, StandardCharsets.ISO_8859_1).contains("%PDF"));

		// The agency's page of the dispute lists them; a download gives the bytes, audited.
		String staffView = staffPage("/debtors/disputes/" + dispute.id());
		assertThat(staffView).contains("квитанция-12-03.pdf", "фото чека.png");
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile("/debtors/disputes/" + dispute.id() + "/files/([0-9a-f-]{36})\">квитанция").matcher(staffView);
		assertThat(link.find()).isTrue();
		String file = link.group(1);
		long viewed = viewedAudited();
		MvcResult download = mvc.perform(get("/debtors/disputes/{id}/files/{file}", dispute.id(), file).with(user(staff)))
			.andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(viewedAudited()).isEqualTo(viewed + 1);

		// He sees and downloads his own.
		String mine = door + "/debts/" + debt.id() + "/dispute/files/" + file;
		assertThat(page(door + "/debts/" + debt.id(), session)).contains("Вы приложили:", mine);
		assertThat(mvc.perform(get(mine).session(session)).andReturn().getResponse().getContentAsByteArray()).isEqualTo(PDF);

		// No one else: another debtor (through his own debt too), another agency's staff, another dispute's address.
		Contact neighbour = debtor(agency, "Соседова");
		Debt hisDebt = debtOf(agency, neighbour);
		MockHttpSession his = signedIn(agency, neighbour);
		assertThat(status(get(mine).session(his))).isEqualTo(404);
		assertThat(status(get(door + "/debts/" + hisDebt.id() + "/dispute/files/" + file).session(his))).isEqualTo(404);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(status(get("/debtors/disputes/{id}/files/{file}", dispute.id(), file).with(user(fixtures.admin(other)))))
			.isEqualTo(404);
		Dispute hisDispute = disputes.open(agency.tenant().id(), neighbour.id(), hisDebt.id(),
				ru.kredo.collections.DisputeReason.OTHER, "Не согласна");
		assertThat(status(get("/debtors/disputes/{id}/files/{file}", hisDispute.id(), file).with(user(staff))))
			.isEqualTo(404);
	}

	private String multipartRedirect(MockHttpSession session, MockMultipartFile... files) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart(door + "/debts/" + debt.id() + "/dispute");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		MvcResult result = mvc.perform(request.param("reason", "ALREADY_PAID")
			.param("explanation", "Оплатила в банке 12.03.2024, квитанция приложена").session(session).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private long viewedAudited() {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'PERSONAL_DATA_VIEWED'")
			.param(agency.tenant().id().value()).query(Long.class).single();
	}

	@Test
	void aDisputeOfADebtClosedMeanwhileIsStillAnsweredAndLeavesTheList() throws Exception {
		Dispute dispute = disputes.open(agency.tenant().id(), debtor.id(), debt.id(),
				ru.kredo.collections.DisputeReason.WRONG_SUM, "Сумма завышена");
		debts.writeOff(agency.tenant().id(), debt.id());

		assertThat(mvc.perform(post("/debtors/disputes/{id}", dispute.id()).param("outcome", "REJECTED")
			.param("reason", "Долг списан решением агентства").with(user(staff)).with(csrf())).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/debtors/disputes");
		assertThat(disputes.get(agency.tenant().id(), dispute.id()).isOpen()).isFalse();
		assertThat(disputes.countOpen(agency.tenant().id())).isZero();
		assertThat(debts.get(agency.tenant().id(), debt.id()).closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
	}

	@Test
	void anotherDebtorOrAgencyCannotOpenSeeOrResolveIt() throws Exception {
		Contact neighbour = debtor(agency, "Соседова");
		MockHttpSession his = signedIn(agency, neighbour);
		// Another's debt's page is the same 404 as no debt at all.
		assertThat(status(get(door + "/debts/" + debt.id()).session(his))).isEqualTo(404);
		assertThat(status(get(door + "/debts/" + UUID.randomUUID()).session(his))).isEqualTo(404);
		assertThat(status(get(door + "/debts/" + debt.id() + "/dispute").session(his))).isEqualTo(404);
		assertThat(status(post(door + "/debts/" + debt.id() + "/dispute").param("reason", "NOT_MINE")
			.param("explanation", "не моё").session(his).with(csrf()))).isEqualTo(404);
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.OPEN);

		redirect(post(door + "/debts/" + debt.id() + "/dispute").param("reason", "WRONG_SUM")
			.param("explanation", "Сумма завышена"), signedIn(agency, debtor));
		Dispute dispute = disputes.latestOf(agency.tenant().id(), debt.id()).orElseThrow();
		// His neighbour's home says nothing of it.
		assertThat(page(door + "/home", his)).doesNotContain("Долг оспорен").doesNotContain("Сумма завышена");

		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails otherStaff = fixtures.admin(other);
		assertThat(status(get("/debtors/disputes/{id}", dispute.id()).with(user(otherStaff)))).isEqualTo(404);
		assertThat(status(post("/debtors/disputes/{id}", dispute.id()).param("outcome", "UPHELD").param("reason", "")
			.with(user(otherStaff)).with(csrf()))).isEqualTo(404);
		assertThat(mvc.perform(get("/debtors/disputes").with(user(otherStaff))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(debt.contractNumber());
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);
		// Another agency's cabinet with this debt in its address: none.
		assertThat(status(get("/cabinet/" + other.tenant().id() + "/debts/" + debt.id() + "/dispute")
			.session(signedIn(agency, debtor)))).isIn(404, 302);
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ? and object_id = ?")
			.params(agency.tenant().id().value(), action, debt.id().value().toString())
			.query(Long.class)
			.single();
	}

	private Contact debtor(Provisioned tenant, String lastName) {
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		return contacts.add(tenant.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse(phone), null);
	}

	private Debt debtOf(Provisioned tenant, Contact who) {
		return debts.add(tenant.tenant().id(), who.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
	}

	private MockHttpSession signedIn(Provisioned tenant, Contact who) {
		return cabinet.signedIn(tenant.tenant().id(), who.id());
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return cabinet.page(path, session);
	}

	private String staffPage(String path) throws Exception {
		return cabinet.staffPage(path, staff);
	}

	private String redirect(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return cabinet.redirect(request, session);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return cabinet.status(request);
	}
}
