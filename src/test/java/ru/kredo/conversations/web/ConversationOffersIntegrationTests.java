package ru.kredo.conversations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * An operator offers the debtor a settlement from their conversation: within the agency's ceiling (the largest of its
 * rules switched on), on one of that debtor's open debts; the debtor sees it in his cabinet and signs it with a texted
 * code as he signs a rule's offer, and the conversation tells him the sum and the date (no rule's name). Refused: over
 * the ceiling, without rules, a disputed or closed debt, a signed settlement, an open offer at least as good (each 422
 * with the field marked); another debtor's debt or another agency's conversation (404). Audited.
 */
@IntegrationTest
class ConversationOffersIntegrationTests {

	@Autowired
	ru.kredo.cabinet.web.CabinetMvc cabinet;

	@Autowired
	ru.kredo.TextedCodes texted;

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
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	Provisioned agency;
	UserDetails operator;
	Contact debtor;
	Debt debt;
	ConversationId conversation;
	String inbox;
	String door;

	@BeforeEach
	void aDebtorWhoAskedForADiscount() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		operator = fixtures.admin(agency);
		// The agency's rules: 10 % for everyone (his debt's offer), 30 % for the oldest debts (the ceiling).
		offers.addRule(agency.tenant().id(), "Всем понемногу", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		offers.addRule(agency.tenant().id(), "Безнадёжные", 3000, Money.ZERO, 30, 30, PartPolicy.IN_FULL);
		debtor = debtor("Лебедева");
		debt = debtOf(debtor, "10000.00");
		conversation = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Могу заплатить сразу, но не всё",
				null).conversationId();
		inbox = "/inbox/" + conversation.value();
		door = "/cabinet/" + agency.tenant().id();
	}

	@Test
	void theOperatorOffersADiscountTheDebtorSeesItInTheChatAndSignsItInHisCabinet() throws Exception {
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("9000.00"));
		String page = staffPage(inbox);
		assertThat(page).contains("id=\"offer\"", "Скидка — до 30%", debt.contractNumber());

		assertThat(offer(debt, "20", "", "7")).isEqualTo(inbox);
		Offer made = offers.find(agency.tenant().id(), debt.id()).orElseThrow();
		LocalDate until = calendar.today().plusDays(7);
		assertThat(made.offerAmount()).isEqualTo(Money.ofRoubles("8000.00"));
		assertThat(made.discountPercent()).isEqualTo(20);
		assertThat(made.validUntil()).isEqualTo(until);
		assertThat(made.status()).isEqualTo(Offer.Status.OFFERED);
		assertThat(jdbc.sql("select offered_by is not null and rule_id is null from offers where debt_id = ?")
			.param(debt.id().value()).query(Boolean.class).single()).isTrue();

		// The conversation says so, with the sum and the date, as the agency's message; nothing internal.
		Message told = conversations.history(agency.tenant().id(), conversation, false).getLast();
		assertThat(told.author()).isEqualTo(Author.OPERATOR);
		assertThat(told.text()).contains(debt.contractNumber(), "8\u00a0000,00\u00a0₽", "10\u00a0000,00\u00a0₽",
				until.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))).doesNotContain("Всем понемногу")
			.doesNotContain("Безнадёжные").doesNotContain("%");
		assertThat(audited("OFFER_MADE")).isEqualTo(1);
		// The staff's card names who offered it where a rule's offer names its rule.
		assertThat(staffPage("/debtors/" + debtor.id().value())).contains("предложил из переписки");

		// His cabinet: the offer to sign, on the same path as a rule's; signed with the texted code.
		MockHttpSession session = signedIn(debtor);
		assertThat(page(door + "/home", session)).contains("glance-offer").doesNotContain("Всем понемногу");
		String home = page(door + "/debts/" + debt.id(), session);
		assertThat(home).contains("Заплатите 8\u00a0000,00\u00a0₽ вместо 10\u00a0000,00\u00a0₽",
				"/debts/" + debt.id() + "/offer/sign").doesNotContain("Всем понемногу");
		MvcResult sign = mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").session(session).with(csrf()))
			.andReturn();
		assertThat(sign.getResponse().getRedirectedUrl()).isEqualTo(door + "/debts/" + debt.id() + "/offer/sign");
		assertThat(page(door + "/debts/" + debt.id() + "/offer/sign", session)).contains("8\u00a0000,00");
		mvc.perform(post(door + "/debts/" + debt.id() + "/offer/accept").param("code", latestCode())
			.session(session).with(csrf()));
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.ACCEPTED);
		assertThat(page(door + "/debts/" + debt.id(), session)).contains("осталось заплатить 8\u00a0000,00\u00a0₽");

		// Signed: no operator's offer replaces it.
		assertThat(refusedOffer(debt, "30", "", "7")).contains("По этому долгу соглашение уже подписано");
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("8000.00"));
	}

	@Test
	void anOpenOfferIsReplacedOnlyByOneBetterForTheDebtorAndASumIsExact() throws Exception {
		// Less of a discount than his rule's offer (9 000): refused, the offer stays.
		assertThat(refusedOffer(debt, "", "9 500", "10")).contains("У должника уже есть предложение по этому долгу не хуже");
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("9000.00"));
		// A sum, better: replaces it, to the kopeck.
		assertThat(offer(debt, "", "7 250,50", "10")).isEqualTo(inbox);
		Offer made = offers.find(agency.tenant().id(), debt.id()).orElseThrow();
		assertThat(made.offerAmount()).isEqualTo(Money.ofRoubles("7250.50"));
		assertThat(made.fullAmount()).isEqualTo(Money.ofRoubles("10000.00"));
		assertThat(made.discountPercent()).isEqualTo(27);
		// Below the ceiling's sum (30 % off: 7 000,00): refused on the sum's field.
		String refused = refusedOffer(debt, "", "6 999,99", "10");
		assertThat(refused).contains("Сумма к оплате — от 7\u00a0000,00\u00a0₽ до 9\u00a0900,00\u00a0₽");
		assertThat(marked(refused, "offer-sum")).isTrue();
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("7250.50"));
	}

	@Test
	void overTheCeilingOrWrongFieldsComeBackWithEachFieldMarked() throws Exception {
		String refused = refusedOffer(debt, "35", "", "7");
		assertThat(refused).contains("Скидка — от 1 до 30%", "value=\"35\"");
		assertThat(marked(refused, "offer-percent")).isTrue();

		// In English too, the apostrophe kept (a message with an argument goes through MessageFormat).
		String english = mvc.perform(post(inbox + "/offer").param("debt", debt.id().value().toString())
			.param("discountPercent", "35").param("validDays", "7").cookie(new jakarta.servlet.http.Cookie("kredo-lang", "en"))
			.with(user(operator)).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("the largest of the agency&#39;s discount rules switched on",
				"The discount is 1 to 30%: the agency&#39;s rules give no more.");

		refused = refusedOffer(debt, "", "", "0");
		assertThat(marked(refused, "offer-percent")).isTrue();
		assertThat(marked(refused, "offer-days")).isTrue();
		refused = refusedOffer(debt, "20", "8000", "400");
		assertThat(refused).contains("Укажите что-то одно");
		assertThat(marked(refused, "offer-days")).isTrue();
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("9000.00"));

		// Rules switched off: no ceiling, no offer.
		jdbc.sql("update offer_rules set enabled = false where tenant_id = ?").param(agency.tenant().id().value()).update();
		assertThat(staffPage(inbox)).contains("нет включённых правил скидок");
		assertThat(refusedOffer(debt, "5", "", "7")).contains("предложить скидку из переписки нельзя");
		assertThat(audited("OFFER_MADE")).isZero();
	}

	@Test
	void aDisputedOrClosedDebtIsRefusedAndAnotherDebtorsDebtOrAgencyIsNotFound() throws Exception {
		Debt disputed = debtOf(debtor, "5000.00");
		disputes.open(agency.tenant().id(), debtor.id(), disputed.id(), DisputeReason.WRONG_SUM, "Сумма неверна");
		String refused = refusedOffer(disputed, "20", "", "7");
		assertThat(refused).contains("По этому долгу открыт спор");
		assertThat(marked(refused, "offer-debt")).isTrue();
		// Not offered on the form either.
		assertThat(staffPage(inbox)).doesNotContain("value=\"" + disputed.id().value() + "\"");

		Debt closed = debtOf(debtor, "3000.00");
		debts.writeOff(agency.tenant().id(), closed.id());
		assertThat(refusedOffer(closed, "20", "", "7")).contains("Этот долг уже погашен");

		Contact neighbour = debtor("Соседова");
		Debt his = debtOf(neighbour, "4000.00");
		assertThat(status(post(inbox + "/offer").param("debt", his.id().value().toString()).param("discountPercent", "20")
			.param("validDays", "7").with(user(operator)).with(csrf()))).isEqualTo(404);
		assertThat(offers.find(agency.tenant().id(), his.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("3600.00"));

		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(status(post(inbox + "/offer").param("debt", debt.id().value().toString()).param("discountPercent", "20")
			.param("validDays", "7").with(user(fixtures.admin(other))).with(csrf()))).isEqualTo(404);
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("9000.00"));
		assertThat(audited("OFFER_MADE")).isZero();
	}

	@Test
	void aDebtUnderARestructuringPlanIsRefusedAndNotOfferedOnTheForm() throws Exception {
		Debt restructured = debtOf(debtor, "5000.00");
		debts.restructure(agency.tenant().id(), restructured.id());

		String refused = refusedOffer(restructured, "20", "", "7");
		assertThat(refused).contains("погашается по плану реструктуризации");
		assertThat(marked(refused, "offer-debt")).isTrue();
		assertThat(staffPage(inbox)).doesNotContain("value=\"" + restructured.id().value() + "\"");
		assertThat(audited("OFFER_MADE")).isZero();
	}

	private String offer(Debt which, String percent, String sum, String days) throws Exception {
		MvcResult result = mvc.perform(post(inbox + "/offer").param("debt", which.id().value().toString())
			.param("discountPercent", percent).param("sumToPay", sum).param("validDays", days)
			.with(user(operator)).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private String refusedOffer(Debt which, String percent, String sum, String days) throws Exception {
		MvcResult result = mvc.perform(post(inbox + "/offer").param("debt", which.id().value().toString())
			.param("discountPercent", percent).param("sumToPay", sum).param("validDays", days)
			.with(user(operator)).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static boolean marked(String page, String id) {
		Matcher tag = Pattern.compile("<(input|select)\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(page);
		return tag.find() && tag.group().contains("is-invalid");
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ?")
			.params(agency.tenant().id().value(), action).query(Long.class).single();
	}

	private Contact debtor(String lastName) {
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		return contacts.add(agency.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse(phone), null);
	}

	private Debt debtOf(Contact who, String principal) {
		return debts.add(agency.tenant().id(), who.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal), Money.ZERO), 400);
	}

	private MockHttpSession signedIn(Contact who) {
		return cabinet.signedIn(agency.tenant().id(), who.id());
	}

	/** The code of the agency's latest text, as the debtor's phone got it (the development outbox). */
	private String latestCode() {
		return texted.latest(agency.tenant().id(), 1);
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return cabinet.page(path, session);
	}

	private String staffPage(String path) throws Exception {
		return cabinet.staffPage(path, operator);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return cabinet.status(request);
	}
}
