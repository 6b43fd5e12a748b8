package ru.kredo.collections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Disputes through the REST API: listed open or resolved, read with the explanation (audited as the page is),
 * resolved by the page's rules — upheld writes the debt off, rejected needs a reason and leaves it owed — audited with
 * the key as who resolved it; another agency's key or a broker's is a 404 and changes nothing.
 */
@IntegrationTest
class DisputesApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Disputes disputes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Provisioned agency;
	Contact debtor;
	Debt debt;
	Dispute dispute;

	@BeforeEach
	void aDebtorDisputesHisDebt() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		debtor = contacts.add(agency.tenant().id(), new FullName("Лебедева", "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse("+79180000077"), null);
		debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		dispute = disputes.open(agency.tenant().id(), debtor.id(), debt.id(), DisputeReason.NOT_MINE,
				"Этот кредит я не брала, паспорт был утерян");
	}

	@Test
	void anUpheldDisputeWritesTheDebtOffAsThePageDoesAuditedWithTheKey() throws Exception {
		JsonNode open = body(api(get("/api/v1/disputes?state=OPEN")));
		assertThat(open.get("total").asLong()).isEqualTo(1);
		assertThat(open.get("items").get(0).get("contractNumber").asString()).isEqualTo(debt.contractNumber());
		assertThat(open.get("items").get(0).has("explanation")).as("the list has no explanation").isFalse();
		assertThat(body(api(get("/api/v1/disputes?state=RESOLVED"))).get("total").asLong()).isZero();

		JsonNode one = body(api(get("/api/v1/disputes/{id}", dispute.id())));
		assertThat(one.get("explanation").asString()).isEqualTo("Этот кредит я не брала, паспорт был утерян");
		assertThat(audited("PERSONAL_DATA_VIEWED", debtor.id().value())).isEqualTo(1);

		MvcResult resolved = api(post("/api/v1/disputes/{id}/resolution", dispute.id())
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"UPHELD\"}"));
		assertThat(resolved.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(resolved).get("outcome").asString()).isEqualTo("UPHELD");
		Debt writtenOff = debts.get(agency.tenant().id(), debt.id());
		assertThat(writtenOff.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(writtenOff.closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
		assertThat(jdbc.sql("select actor from audit_events where tenant_id = ? and action = 'DISPUTE_RESOLVED'")
			.param(agency.tenant().id().value()).query(String.class).single())
			.isEqualTo("api-key:" + agency.apiKey().key().id());

		MvcResult again = api(post("/api/v1/disputes/{id}/resolution", dispute.id())
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"REJECTED\",\"reason\":\"Нет\"}"));
		assertThat(again.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(again).get("code").asString()).isEqualTo("dispute.already-resolved");
		assertThat(body(api(get("/api/v1/disputes?state=RESOLVED"))).get("items").get(0).get("id").asString())
			.isEqualTo(dispute.id().toString());
	}

	@Test
	void aRejectionNeedsAReasonTheDebtorSeesAndLeavesTheDebtOwed() throws Exception {
		MvcResult noOutcome = api(post("/api/v1/disputes/{id}/resolution", dispute.id())
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"MAYBE\"}"));
		assertThat(noOutcome.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noOutcome).get("errors").get(0).get("code").asString()).isEqualTo("dispute.outcome-required");

		MvcResult noReason = api(post("/api/v1/disputes/{id}/resolution", dispute.id())
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"REJECTED\",\"reason\":\"  \"}")
			.header("Accept-Language", "en"));
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		JsonNode error = body(noReason).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("reason");
		assertThat(error.get("code").asString()).isEqualTo("dispute.reason-required");
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);

		MvcResult rejected = api(post("/api/v1/disputes/{id}/resolution", dispute.id())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"REJECTED\",\"reason\":\"Договор подписан вами лично\"}"));
		assertThat(rejected.getResponse().getStatus()).isEqualTo(200);
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		assertThat(disputes.get(agency.tenant().id(), dispute.id()).resolutionReason())
			.isEqualTo("Договор подписан вами лично");
	}

	@Test
	void anotherAgencysKeyOrABrokersFindsNothing() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (Provisioned stranger : List.of(fixtures.tenant(TenantKind.COLLECTOR), fixtures.tenant(TenantKind.BROKER))) {
			for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/disputes/{id}", dispute.id()),
					post("/api/v1/disputes/{id}/resolution", dispute.id()).contentType(MediaType.APPLICATION_JSON)
						.content("{\"outcome\":\"UPHELD\"}"))) {
				MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + stranger.apiKey().secret()))
					.andReturn();
				if (result.getResponse().getStatus() != 404) {
					leaks.add(stranger.tenant().kind() + " " + result.getRequest().getRequestURI() + " -> "
							+ result.getResponse().getStatus());
				}
			}
			String list = mvc.perform(get("/api/v1/disputes").header("Authorization", "Bearer " + stranger.apiKey().secret()))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(list).doesNotContain(dispute.id().toString(), debt.contractNumber());
		}
		assertThat(leaks).isEmpty();
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);
		assertThat(disputes.get(agency.tenant().id(), dispute.id()).isOpen()).isTrue();
	}

	/**
	 * Issue 15, «Lists»: the cursor is the last dispute's key (when opened, its id), not a position, so a dispute
	 * resolved while an integrator walks the open ones skips none of the others (a position did: the next page started
	 * one further than it should).
	 */
	@Test
	void aDisputeResolvedBetweenTwoPagesMakesNoOtherOneSkipped() throws Exception {
		List<String> opened = new ArrayList<>(List.of(dispute.id().toString()));
		for (int i = 0; i < 3; i++) {
			Debt another = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»",
					"КД-" + UUID.randomUUID().toString().substring(0, 8), LocalDate.of(2021, 1, 1), null,
					DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
			opened.add(disputes.open(agency.tenant().id(), debtor.id(), another.id(), DisputeReason.NOT_MINE, "Не моё")
				.id().toString());
		}
		List<String> all = new ArrayList<>();
		body(api(get("/api/v1/disputes?state=OPEN"))).get("items").forEach(item -> all.add(item.get("id").asString()));
		assertThat(all).containsExactlyInAnyOrderElementsOf(opened);

		JsonNode first = body(api(get("/api/v1/disputes?state=OPEN&limit=2")));
		List<String> walked = new ArrayList<>();
		first.get("items").forEach(item -> walked.add(item.get("id").asString()));
		assertThat(walked).containsExactlyElementsOf(all.subList(0, 2));
		// The first one shown is resolved before the next page is asked for.
		assertThat(api(post("/api/v1/disputes/{id}/resolution", walked.getFirst())
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"UPHELD\"}")).getResponse().getStatus())
			.isEqualTo(200);
		JsonNode second = body(api(get("/api/v1/disputes?state=OPEN&limit=2&cursor=" + first.get("nextCursor").asString())));
		second.get("items").forEach(item -> walked.add(item.get("id").asString()));
		assertThat(walked).as("every open dispute once, none skipped").containsExactlyElementsOf(all);
		assertThat(second.get("nextCursor").isNull()).isTrue();
		assertThat(second.get("total").asLong()).isEqualTo(3);
	}

	private MvcResult api(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private long audited(String action, UUID object) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ? and object_id = ?")
			.params(agency.tenant().id().value(), action, object.toString()).query(Long.class).single();
	}
}
