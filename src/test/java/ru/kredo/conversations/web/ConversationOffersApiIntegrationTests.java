package ru.kredo.conversations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * Issue 15: «Предложить соглашение о скидке» of the inbox through the API ({@code POST
 * /api/v1/conversations/{id}/offers}) is the page's action — the same checks refuse it with the same codes (400 with
 * the fields in {@code errors} where the page answers 422), and the same things follow: the debt's offer that the
 * debtor signs in his cabinet, the agency's message in the conversation written by the key, the audit, the staff's
 * card — and the offer is the one {@code GET /api/v1/offers} lists. Another agency's conversation or another debtor's
 * debt is a 404.
 */
@IntegrationTest
class ConversationOffersApiIntegrationTests {

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

	@Autowired
	JsonMapper json;

	Provisioned agency;
	Contact debtor;
	Debt debt;
	ConversationId conversation;
	String path;

	@BeforeEach
	void aDebtorWhoAskedForADiscount() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		// The agency's rules: 10 % for everyone (his debt's offer), 30 % for the oldest debts (the ceiling).
		offers.addRule(agency.tenant().id(), "Всем понемногу", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		offers.addRule(agency.tenant().id(), "Безнадёжные", 3000, Money.ZERO, 30, 30, PartPolicy.IN_FULL);
		debtor = debtor("Лебедева");
		debt = debtOf(debtor, "10000.00");
		conversation = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Могу заплатить сразу, но не всё",
				null).conversationId();
		path = "/api/v1/conversations/" + conversation.value() + "/offers";
	}

	@Test
	void anOfferThroughTheApiIsTheDebtsOfferTheConversationSaysSoAndTheDebtorSignsIt() throws Exception {
		MvcResult made = offer(agency, "{\"debtId\":\"" + debt.id().value() + "\",\"discountPercent\":20,\"validDays\":7}");
		assertThat(made.getResponse().getStatus()).as(body(made).toString()).isEqualTo(201);
		JsonNode offer = body(made);
		Offer stored = offers.find(agency.tenant().id(), debt.id()).orElseThrow();
		LocalDate until = calendar.today().plusDays(7);
		assertThat(made.getResponse().getHeader("Location")).isEqualTo("/api/v1/offers/" + stored.id());
		assertThat(offer.get("id").asString()).isEqualTo(stored.id().toString());
		assertThat(offer.get("status").asString()).isEqualTo("OFFERED");
		assertThat(offer.get("source").asString()).isEqualTo("CONVERSATION");
		assertThat(offer.get("offeredBy").asString()).isEqualTo("API: Первый ключ");
		assertThat(offer.get("offerAmount").asString()).isEqualTo("8000.00");
		assertThat(offer.get("fullAmount").asString()).isEqualTo("10000.00");
		assertThat(offer.get("validUntil").asString()).isEqualTo(until.toString());
		assertThat(offer.get("contractNumber").asString()).isEqualTo(debt.contractNumber());
		assertThat(stored.offerAmount()).isEqualTo(Money.ofRoubles("8000.00"));
		assertThat(stored.discountPercent()).isEqualTo(20);
		// Made by the key: no user, no rule.
		assertThat(jdbc.sql("select offered_by_api_key from offers where debt_id = ? and offered_by is null and rule_id is null")
			.param(debt.id().value()).query(UUID.class).single()).isEqualTo(agency.apiKey().key().id().value());

		// The conversation says so, as the agency's answer written by the key; nothing internal.
		Message told = conversations.history(agency.tenant().id(), conversation, false).getLast();
		assertThat(told.author()).isEqualTo(Author.OPERATOR);
		assertThat(told.text()).contains(debt.contractNumber(), "8\u00a0000,00\u00a0₽", "10\u00a0000,00\u00a0₽",
				until.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))).doesNotContain("Всем понемногу", "API:", "%");
		assertThat(jdbc.sql("select api_key_id from conversation_messages where id = ?").param(told.id())
			.query(UUID.class).single()).isEqualTo(agency.apiKey().key().id().value());
		assertThat(jdbc.sql("select actor from audit_events where tenant_id = ? and action = 'OFFER_MADE'")
			.param(agency.tenant().id().value()).query(String.class).single()).startsWith("api-key:");
		// The staff's card names who offered it, the key.
		assertThat(cabinet.staffPage("/debtors/" + debtor.id().value(), fixtures.admin(agency)))
			.contains("предложил из переписки", "API: Первый ключ");
		// The offers' list has it, as this call answered it.
		JsonNode listed = body(api(agency, "/api/v1/offers?contactId=" + debtor.id().value()));
		assertThat(listed.get("items")).singleElement().satisfies(item -> assertThat(item).isEqualTo(offer));

		// His cabinet: the offer to sign, signed with the texted code as a rule's.
		MockHttpSession session = cabinet.signedIn(agency.tenant().id(), debtor.id());
		String door = "/cabinet/" + agency.tenant().id();
		assertThat(cabinet.page(door + "/debts/" + debt.id(), session))
			.contains("Заплатите 8\u00a0000,00\u00a0₽ вместо 10\u00a0000,00\u00a0₽").doesNotContain("API:");
		mvc.perform(post(door + "/debts/" + debt.id() + "/offer/sign").session(session).with(csrf()));
		mvc.perform(post(door + "/debts/" + debt.id() + "/offer/accept").param("code", texted.latest(agency.tenant().id(), 1))
			.session(session).with(csrf()));
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.ACCEPTED);
		assertThat(body(api(agency, "/api/v1/offers/" + stored.id())).get("status").asString()).isEqualTo("ACCEPTED");

		// Signed: the API cannot replace it either.
		MvcResult again = offer(agency, "{\"debtId\":\"" + debt.id().value() + "\",\"discountPercent\":30}");
		assertThat(again.getResponse().getStatus()).isEqualTo(400);
		assertThat(errors(again)).containsExactly("debtId offer.already-signed");
	}

	@Test
	void wrongInputIsA400ProblemWithThePagesCodesAndChangesNothing() throws Exception {
		String id = debt.id().value().toString();
		assertThat(errors(offer(agency, "{\"debtId\":\"" + id + "\",\"discountPercent\":35,\"validDays\":7}")))
			.containsExactly("discountPercent offer.above-ceiling");
		assertThat(errors(offer(agency, "{\"debtId\":\"" + id + "\",\"discountPercent\":\"20\",\"sumToPay\":\"8000\","
				+ "\"validDays\":400}"))).containsExactly("discountPercent offer.discount-or-sum", "validDays offer.valid-days-invalid");
		assertThat(errors(offer(agency, "{\"debtId\":\"не id\",\"discountPercent\":\"двадцать\"}")))
			.containsExactly("debtId offer.debt-required", "discountPercent offer.discount-not-a-number");
		assertThat(errors(offer(agency, "{\"debtId\":\"" + id + "\",\"sumToPay\":\"6999.99\"}")))
			.containsExactly("sumToPay offer.sum-out-of-range");
		// No body at all: every field the page requires.
		MvcResult empty = mvc.perform(post(path).header("Authorization", "Bearer " + agency.apiKey().secret()))
			.andReturn();
		assertThat(errors(empty)).containsExactly("debtId offer.debt-required", "discountPercent offer.discount-or-sum-required");
		// Less of a discount than his rule's open offer (9 000,00): refused, in his favour.
		MvcResult notWorse = offer(agency, "{\"debtId\":\"" + id + "\",\"sumToPay\":\"9500.00\"}");
		assertThat(errors(notWorse)).containsExactly("debtId offer.open-not-worse");
		assertThat(body(notWorse).get("errors").get(0).get("message").asString()).contains("9\u00a0000,00");
		// A disputed debt: refused on the debt.
		Debt disputed = debtOf(debtor, "5000.00");
		disputes.open(agency.tenant().id(), debtor.id(), disputed.id(), DisputeReason.WRONG_SUM, "Сумма неверна");
		assertThat(errors(offer(agency, "{\"debtId\":\"" + disputed.id().value() + "\",\"discountPercent\":20}")))
			.containsExactly("debtId debt.disputed");
		// In English for an English caller.
		MvcResult english = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
			.content("{\"debtId\":\"" + id + "\",\"discountPercent\":35}")
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("The discount is 1 to 30%: the agency's rules give no more.");

		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("9000.00"));
		assertThat(conversations.history(agency.tenant().id(), conversation, false)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'OFFER_MADE'")
			.param(agency.tenant().id().value()).query(Long.class).single()).isZero();
	}

	@Test
	void anotherAgencysConversationOrAnotherDebtorsDebtIsNotFound() throws Exception {
		Contact neighbour = debtor("Соседова");
		Debt his = debtOf(neighbour, "4000.00");
		MvcResult notHis = offer(agency, "{\"debtId\":\"" + his.id().value() + "\",\"discountPercent\":20}");
		assertThat(notHis.getResponse().getStatus()).isEqualTo(404);
		assertThat(notHis.getResponse().getContentAsString()).contains("\"code\":\"debt.not-found\"");

		for (Provisioned stranger : List.of(fixtures.tenant(TenantKind.COLLECTOR), fixtures.tenant(TenantKind.BROKER))) {
			MvcResult refused = offer(stranger, "{\"debtId\":\"" + debt.id().value() + "\",\"discountPercent\":20}");
			assertThat(refused.getResponse().getStatus()).as(stranger.tenant().kind().name()).isEqualTo(404);
		}
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("9000.00"));
		assertThat(offers.find(agency.tenant().id(), his.id()).orElseThrow().offerAmount())
			.isEqualTo(Money.ofRoubles("3600.00"));
		// The page's own action is unchanged: an operator's offer names him, not a key.
		assertThat(mvc.perform(post("/inbox/" + conversation.value() + "/offer").param("debt", debt.id().value().toString())
			.param("discountPercent", "25").param("validDays", "7").with(user(fixtures.admin(agency))).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select offered_by is not null and offered_by_api_key is null from offers where debt_id = ?")
			.param(debt.id().value()).query(Boolean.class).single()).isTrue();
	}

	private MvcResult offer(Provisioned as, String body) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)
			.header("Authorization", "Bearer " + as.apiKey().secret())).andReturn();
	}

	private MvcResult api(Provisioned as, String uri) throws Exception {
		MvcResult result = mvc.perform(get(uri).header("Authorization", "Bearer " + as.apiKey().secret())).andReturn();
		assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(200);
		return result;
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** The refusal's fields and codes, {@code field code}, in the order given. */
	private List<String> errors(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(400);
		JsonNode problem = body(result);
		assertThat(problem.get("code").asString()).isEqualTo("request.invalid-fields");
		List<String> errors = new ArrayList<>();
		problem.get("errors").forEach(e -> errors.add(e.get("field").asString() + " " + e.get("code").asString()));
		return errors;
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
}
