package ru.kredo.collections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.Payments;
import ru.kredo.payments.internal.SandboxCheckout;
import ru.kredo.tenancy.TenantKind;

/**
 * The agency's debts API (issue 15): found as the «Должники» page finds them, paged by cursor with a total; one debt
 * with its components, offer and payments; another agency's a 404. A payment received outside Kredo is applied exactly
 * as a provider's payment of the same amount is, closes the debt it covers, is recorded once under retry, is refused
 * on a closed debt and with wrong fields, and shows on the debtor's card and in his cabinet.
 */
@IntegrationTest
class DebtsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Payments payments;

	@Autowired
	SandboxCheckout sandbox;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Provisioned agency;
	String key;
	String surname;
	Contact debtor;

	@BeforeEach
	void anAgencyWithADebtor() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		key = agency.apiKey().secret();
		surname = Fixtures.uniqueSurname("Долгова");
		debtor = contacts.add(agency.tenant().id(), new FullName(surname, "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse("+7918" + String.format("%07d",
						Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L))), null);
	}

	@Test
	void aPaymentOutsideKredoIsAllocatedExactlyAsAProvidersOfTheSameAmount() throws Exception {
		Debt throughProvider = debt("А-1", "300.00", "1000.00", "2000.00", "5000.00", "700.00");
		Debt outside = debt("А-2", "300.00", "1000.00", "2000.00", "5000.00", "700.00");
		Payment payment = payments.start(agency.tenant().id(), new PayableRef(throughProvider.id().value()),
				Money.ofRoubles("2500.00"), PaymentMethod.SBP, "https://kredo.example/back", UUID.randomUUID().toString());
		sandbox.pay(payment.providerPaymentId());
		Awaitility.await().until(() -> !debts.payments(agency.tenant().id(), throughProvider.id()).isEmpty());

		MvcResult recorded = receive(outside, "2500.00", today(), "п/п 4417", UUID.randomUUID().toString());

		assertThat(recorded.getResponse().getStatus()).as(body(recorded).toString()).isEqualTo(201);
		JsonNode line = body(recorded);
		assertThat(line.get("method").asString()).isEqualTo("OUTSIDE");
		assertThat(line.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(line.get("reference").asString()).isEqualTo("п/п 4417");
		DebtPayment byProvider = debts.payments(agency.tenant().id(), throughProvider.id()).getFirst();
		DebtPayment byAgency = debts.payments(agency.tenant().id(), outside.id()).getFirst();
		assertThat(byAgency.split()).isEqualTo(byProvider.split());
		assertThat(byAgency.amount()).isEqualTo(byProvider.amount());
		assertThat(debts.get(agency.tenant().id(), outside.id()).balance())
			.isEqualTo(debts.get(agency.tenant().id(), throughProvider.id()).balance());
		assertThat(line.get("applied").get("PENALTIES").asString())
			.isEqualTo(byProvider.split().of(ru.kredo.collections.DebtComponent.PENALTIES).roubles().toPlainString());
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'PAYMENT_RECORDED'")
			.param(agency.tenant().id().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void coveringTheBalanceClosesTheDebtARetryRecordsItOnceAndAClosedDebtTakesNoMore() throws Exception {
		Debt debt = debt("Б-1", "0.00", "0.00", "500.00", "1500.00", "0.00");
		String idempotencyKey = UUID.randomUUID().toString();

		MvcResult first = receive(debt, "2000.00", today().minusDays(2), "ПКО-17", idempotencyKey);
		MvcResult retried = receive(debt, "2000.00", today().minusDays(2), "ПКО-17", idempotencyKey);

		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(retried.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(retried).get("id").asString()).isEqualTo(body(first).get("id").asString());
		assertThat(debts.payments(agency.tenant().id(), debt.id())).hasSize(1);
		Debt closed = debts.get(agency.tenant().id(), debt.id());
		assertThat(closed.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(closed.total()).isEqualTo(Money.ZERO);
		// Counted as paid on the day received, not on the day recorded.
		assertThat(calendar.agencyDate(debts.payments(agency.tenant().id(), debt.id()).getFirst().paidAt()))
			.isEqualTo(today().minusDays(2));
		assertThat(closed.closedOn()).isEqualTo(today().minusDays(2));

		MvcResult reused = receive(debt, "1999.00", today().minusDays(2), "ПКО-17", idempotencyKey);
		assertThat(reused.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(reused).get("code").asString()).isEqualTo("payment.idempotence-key-reused");
		Debt another = debt("Б-2", "0.00", "0.00", "0.00", "900.00", "0.00");
		MvcResult elsewhere = receive(another, "2000.00", today().minusDays(2), "ПКО-17", idempotencyKey);
		assertThat(body(elsewhere).get("code").asString()).isEqualTo("payment.idempotence-key-reused");
		assertThat(debts.payments(agency.tenant().id(), another.id())).isEmpty();
		MvcResult onClosed = receive(debt, "100.00", today(), "ПКО-18", UUID.randomUUID().toString());
		assertThat(onClosed.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(onClosed).get("code").asString()).isEqualTo("payment.debt-closed");
		assertThat(debts.payments(agency.tenant().id(), debt.id())).hasSize(1);
	}

	@Test
	void theSameDocumentTwiceUnderAnotherKeyIsADuplicate() throws Exception {
		Debt debt = debt("В-1", "0.00", "0.00", "0.00", "9000.00", "0.00");
		receive(debt, "1000.00", today(), "4417", UUID.randomUUID().toString());

		MvcResult again = receive(debt, "1000.00", today(), "4417", UUID.randomUUID().toString());

		assertThat(again.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(again).get("code").asString()).isEqualTo("payment.reference-duplicate");
		assertThat(debts.get(agency.tenant().id(), debt.id()).total()).isEqualTo(Money.ofRoubles("8000.00"));
	}

	@Test
	void aDayBeforeTheDebtWasTheAgencysIsRefusedSoThatItsStatementOfPaymentsCanStillBeIssued() throws Exception {
		Debt debt = debt("Г-2", "0.00", "0.00", "0.00", "9000.00", "0.00");
		// Its contract is of 09.01.2023 and no assignment date was given: nothing reached the agency before that day.
		MvcResult slip = receive(debt, "10.00", LocalDate.of(2023, 1, 8), "1", UUID.randomUUID().toString());
		assertThat(fieldCode(slip)).isEqualTo("payment.received-before-assignment");
		assertThat(body(slip).get("errors").get(0).get("message").asString()).contains("09.01.2023");
		assertThat(debts.payments(agency.tenant().id(), debt.id())).isEmpty();
		// That day itself is taken.
		assertThat(receive(debt, "10.00", LocalDate.of(2023, 1, 9), "2", UUID.randomUUID().toString()).getResponse()
			.getStatus()).isEqualTo(201);
	}

	@Test
	void wrongFieldsAreRefusedWithTheirCodesInTheCallersLanguage() throws Exception {
		Debt debt = debt("Г-1", "0.00", "0.00", "0.00", "9000.00", "0.00");
		assertThat(fieldCode(receive(debt, "0.00", today(), "1", UUID.randomUUID().toString()))).isEqualTo("payment.amount-invalid");
		assertThat(fieldCode(receive(debt, "-5.00", today(), "1", UUID.randomUUID().toString()))).isEqualTo("payment.amount-invalid");
		assertThat(fieldCode(receive(debt, "12.345", today(), "1", UUID.randomUUID().toString()))).isEqualTo("payment.amount-invalid");
		assertThat(fieldCode(receive(debt, "10.00", today().plusDays(1), "1", UUID.randomUUID().toString())))
			.isEqualTo("payment.received-in-future");
		assertThat(fieldCode(receive(debt, "10.00", today(), " ", UUID.randomUUID().toString())))
			.isEqualTo("payment.reference-required");
		MvcResult noKey = receive(debt, "10.00", today(), "1", null);
		assertThat(body(noKey).get("code").asString()).isEqualTo("payment.idempotence-key-required");
		MvcResult english = mvc.perform(post("/api/v1/debts/{id}/payments", debt.id().value())
			.header("Authorization", "Bearer " + key).header("Accept-Language", "en")
			.header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":\"10.00\",\"receivedOn\":\"" + today() + "\"}")).andReturn();
		assertThat(body(english).get("errors").get(0).get("message").asString()).contains("payment document");
		assertThat(debts.payments(agency.tenant().id(), debt.id())).isEmpty();
		// Nor may a payer choose «received outside Kredo» for a payment through the provider (the cabinet's form).
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ru.kredo.platform.Rejected.class,
				() -> payments.start(agency.tenant().id(), new PayableRef(debt.id().value()), Money.ofRoubles("10.00"),
						PaymentMethod.OUTSIDE, "https://kredo.example/back", UUID.randomUUID().toString())).code())
			.isEqualTo("payment.method-invalid");
	}

	@Test
	void itShowsOnTheDebtorsCardInHisCabinetAndInTheDebt() throws Exception {
		Debt debt = debt("Д-1", "0.00", "0.00", "0.00", "9000.00", "0.00");
		receive(debt, "1234.00", today(), "п/п 77", UUID.randomUUID().toString());

		String card = mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency)))
			.header("Accept-Language", "ru")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(card).contains("Получен вне Kredo");
		MockHttpSession session = new MockHttpSession();
		session.setAttribute("kredo.cabinet.debtor", new SignedInDebtor(agency.tenant().id(), debtor.id()));
		MvcResult cabinet = mvc.perform(get("/cabinet/{a}/debts/{d}", agency.tenant().id().value(), debt.id().value())
			.session(session)).andReturn();
		assertThat(cabinet.getResponse().getStatus()).isEqualTo(200);
		assertThat(cabinet.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("1\u00a0234,00").contains("получен агентством вне Kredo");
		JsonNode one = body(api(get("/api/v1/debts/{id}", debt.id().value())));
		assertThat(one.get("total").asString()).isEqualTo("7766.00");
		assertThat(one.get("paid").asString()).isEqualTo("1234.00");
		assertThat(one.get("payments")).hasSize(1);
		assertThat(one.get("payments").get(0).get("receivedOn").asString()).isEqualTo(today().toString());
		assertThat(one.get("payments").get(0).get("applied").get("PRINCIPAL").asString()).isEqualTo("1234.00");
	}

	@Test
	void theListFindsAsThePageDoesPagedByCursorWithATotal() throws Exception {
		Debt first = debt("Е-1", "0.00", "0.00", "0.00", "100.00", "0.00");
		Debt second = debt("Е-2", "0.00", "0.00", "0.00", "200.00", "0.00");
		Debt third = debt("Е-3", "0.00", "0.00", "0.00", "300.00", "0.00");
		receive(second, "200.00", today(), "закрыт", UUID.randomUUID().toString());
		Contact other = contacts.add(agency.tenant().id(), new FullName(Fixtures.uniqueSurname("Иные"), "Иван", null),
				LocalDate.of(1970, 1, 1), null, null, null, null, null);
		debts.add(agency.tenant().id(), other.id(), "МФО «Быстро»", "Ж-1", LocalDate.of(2023, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("50.00"), Money.ZERO), 100);

		List<String> ids = new ArrayList<>();
		JsonNode page = body(api(get("/api/v1/debts").param("q", surname).param("limit", "2")));
		assertThat(page.get("total").asLong()).isEqualTo(3);
		page.get("items").forEach(item -> ids.add(item.get("id").asString()));
		assertThat(ids).hasSize(2);
		String cursor = page.get("nextCursor").asString();
		// A payment between the pages changes the balance the page orders by, not the API's order.
		receive(third, "299.00", today(), "между", UUID.randomUUID().toString());
		JsonNode next = body(api(get("/api/v1/debts").param("q", surname).param("limit", "2").param("cursor", cursor)));
		next.get("items").forEach(item -> ids.add(item.get("id").asString()));
		assertThat(next.get("nextCursor").isNull()).isTrue();
		assertThat(ids).containsExactly(first.id().value().toString(), second.id().value().toString(),
				third.id().value().toString());

		JsonNode closed = body(api(get("/api/v1/debts").param("q", surname).param("state", "CLOSED")));
		assertThat(closed.get("total").asLong()).isEqualTo(1);
		assertThat(closed.get("items").get(0).get("contractNumber").asString()).isEqualTo("Е-2");
		JsonNode byContract = body(api(get("/api/v1/debts").param("q", "Ж-1")));
		assertThat(byContract.get("items").get(0).get("contactId").asString()).isEqualTo(other.id().value().toString());
		// By the debtor's phone, written as a person types it (8, spaces), as the page finds it (issue 15: ФИО, contract,
		// phone).
		String national = debtor.phone().e164().substring(2);
		JsonNode byPhone = body(api(get("/api/v1/debts").param("q", "8 " + national.substring(0, 3) + " "
				+ national.substring(3))));
		assertThat(byPhone.get("total").asLong()).isEqualTo(3);
		assertThat(byPhone.get("items")).allSatisfy(item -> assertThat(item.get("contactId").asString())
			.isEqualTo(debtor.id().value().toString()));
		JsonNode his = body(api(get("/api/v1/debtors/{id}/debts", debtor.id().value())));
		assertThat(his.get("items")).hasSize(3);
		assertThat(his.get("total").asLong()).isEqualTo(3);
		MvcResult forged = api(get("/api/v1/debts").param("cursor", "not-a-cursor"));
		assertThat(forged.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(forged).get("code").asString()).isEqualTo("request.cursor-invalid");
	}

	@Test
	void anotherAgencysDebtIsNotFoundAndABrokersKeyIsNotServed() throws Exception {
		Debt debt = debt("З-1", "0.00", "0.00", "0.00", "900.00", "0.00");
		Provisioned stranger = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		for (AbstractMockHttpServletRequestBuilder<?> request : List.of(get("/api/v1/debts/{id}", debt.id().value()),
				get("/api/v1/debtors/{id}/debts", debtor.id().value()),
				post("/api/v1/debts/{id}/payments", debt.id().value()).header("Idempotency-Key", "k-1")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"amount\":\"10.00\",\"receivedOn\":\"" + today() + "\",\"reference\":\"1\"}"))) {
			MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + stranger.apiKey().secret())).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(404);
		}
		JsonNode strangers = body(mvc.perform(get("/api/v1/debts").header("Authorization", "Bearer " + stranger.apiKey().secret()))
			.andReturn());
		assertThat(strangers.get("total").asLong()).isZero();
		MvcResult brokers = mvc.perform(get("/api/v1/debts").header("Authorization", "Bearer " + broker.apiKey().secret()))
			.andReturn();
		assertThat(brokers.getResponse().getStatus()).isEqualTo(404);
		assertThat(debts.payments(agency.tenant().id(), debt.id())).isEmpty();
	}

	@Test
	void theOpenApiDescribesEveryDebtOperationWithAnExampleAndItsErrors() throws Exception {
		JsonNode paths = body(mvc.perform(get("/v3/api-docs")).andReturn()).get("paths");
		List<String> operations = new ArrayList<>();
		List<String> withoutExample = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			if (!path.startsWith("/api/v1/debts") && !path.equals("/api/v1/debtors/{contactId}/debts")) {
				continue;
			}
			for (String method : paths.get(path).propertyNames()) {
				operations.add(method.toUpperCase() + " " + path);
				if (!paths.get(path).get(method).get("responses").toString().contains("\"examples\"")) {
					withoutExample.add(method.toUpperCase() + " " + path);
				}
			}
		}
		assertThat(operations).containsExactlyInAnyOrder("GET /api/v1/debts", "GET /api/v1/debts/{id}",
				"POST /api/v1/debts/{id}/payments", "GET /api/v1/debtors/{contactId}/debts",
				"GET /api/v1/debts/by-external-id/{externalId}");
		assertThat(withoutExample).isEmpty();
		String receive = paths.get("/api/v1/debts/{id}/payments").get("post").toString();
		assertThat(receive).contains("Idempotency-Key", "payment.amount-invalid", "payment.received-in-future",
				"payment.debt-closed", "payment.idempotence-key-reused", "requestBody");
	}

	private MvcResult receive(Debt debt, String amount, LocalDate on, String reference, String idempotencyKey)
			throws Exception {
		var request = post("/api/v1/debts/{id}/payments", debt.id().value()).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("amount", amount, "receivedOn", on.toString(), "reference",
					reference)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return api(request);
	}

	private String fieldCode(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		JsonNode problem = body(result);
		assertThat(problem.get("code").asString()).isEqualTo("request.invalid-fields");
		return problem.get("errors").get(0).get("code").asString();
	}

	private LocalDate today() {
		return calendar.today();
	}

	private Debt debt(String contract, String stateDuty, String fees, String interest, String principal, String penalties) {
		return debts.add(agency.tenant().id(), debtor.id(), "МФО «Быстро»", contract, LocalDate.of(2023, 1, 9), null,
				DebtComponents.of(Money.ofRoubles(stateDuty), Money.ofRoubles(fees), Money.ofRoubles(interest),
						Money.ofRoubles(principal), Money.ofRoubles(penalties)), 400);
	}

	private MvcResult api(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + key)).andReturn();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
