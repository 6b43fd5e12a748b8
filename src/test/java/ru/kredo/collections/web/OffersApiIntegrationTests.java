package ru.kredo.collections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.collections.PartPolicy;
import ru.kredo.collections.internal.PortfolioDefaults;
import ru.kredo.collections.internal.PortfolioImport;
import ru.kredo.collections.internal.PortfolioImporting;
import ru.kredo.collections.internal.PortfolioImports;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tabular.ImportSpool;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 15, «offers»: {@code GET /api/v1/offers} lists every debt's offer standing now with the status the pages show
 * (the debtor's card and cabinet read {@link Offers#find}) — open, signed, paid, lapsed unsigned or lapsed signed —
 * filtered by it and by debt, debtor, portfolio and the debt's external id, in the order made, paged by a cursor that
 * repeats and skips nothing while offers are made; one offer by its id; another agency's is a 404.
 */
@IntegrationTest
class OffersApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	PortfolioImporting portfolioImporting;

	@Autowired
	PortfolioImports portfolioImports;

	@Autowired
	ImportSpool spool;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Provisioned agency;
	Contact debtor;
	UUID portfolio;
	/** The portfolio's two debts, their offers open. */
	DebtId first;
	DebtId second;
	/** The debtor's: signed in two parts and the first paid; signed and a part missed; lapsed unsigned; paid. */
	Debt signed;
	Debt missed;
	Debt lapsed;
	Debt paid;
	/** Written off with its offer unsigned: an offer shown nowhere, listed nowhere. */
	Debt writtenOff;

	@BeforeEach
	void anAgencyWithOffersInEveryState() throws Exception {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		// One rule for every debt: 20 % off, in up to two monthly parts.
		offers.addRule(agency.tenant().id(), "Частями", 0, Money.ZERO, 20, 30, new PartPolicy(2, PartInterval.MONTH, 0));
		PortfolioImport upload = upload("ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД;ID\n"
				+ "Семёнова Анна Петровна;14.03.1985;Банк;КД-1;01.01.2020;1000;R-1\n"
				+ "Петров Иван Ильич;02.02.1980;Банк;КД-2;01.01.2020;2000;R-2\n");
		portfolio = upload.portfolioId();
		first = byExternalId("R-1");
		second = byExternalId("R-2");
		debtor = fixtures.contact(agency);
		signed = debtOf("10000.00");
		missed = debtOf("5000.00");
		lapsed = debtOf("3000.00");
		paid = debtOf("2000.00");
		writtenOff = debtOf("1000.00");

		LocalDate today = calendar.today();
		sign(signed, 2);
		Money firstPart = offers.find(agency.tenant().id(), signed.id()).orElseThrow().schedule().getFirst().amount();
		receive(signed, firstPart, "п/п 1");
		sign(missed, 2);
		// Their first parts fell due five days ago: one was paid, one was not.
		jdbc.sql("""
				update offer_parts set due_on = ? where number = 1
				    and offer_id in (select id from offers where debt_id = any(?::uuid[]))""")
			.params(java.sql.Date.valueOf(today.minusDays(5)),
					new String[] { signed.id().value().toString(), missed.id().value().toString() })
			.update();
		sign(paid, 1);
		receive(paid, offers.find(agency.tenant().id(), paid.id()).orElseThrow().offerAmount(), "п/п 2");
		debts.writeOff(agency.tenant().id(), writtenOff.id());
		// Its date passed unsigned (the day's renewal has not run yet).
		jdbc.sql("update offers set valid_until = ? where debt_id = ?")
			.params(java.sql.Date.valueOf(today.minusDays(1)), lapsed.id().value()).update();
	}

	@Test
	void everyOfferIsListedWithTheStatusThePagesShowAndFilteredByIt() throws Exception {
		JsonNode all = body(api("/api/v1/offers"));
		assertThat(all.get("total").asLong()).isEqualTo(6);
		assertThat(all.get("totalIsEstimate").asBoolean()).isFalse();
		assertThat(all.get("nextCursor").isNull()).isTrue();
		Map<String, String> statuses = new java.util.HashMap<>();
		all.get("items").forEach(item -> statuses.put(item.get("debtId").asString(), item.get("status").asString()));
		assertThat(statuses).containsOnlyKeys(id(first), id(second), id(signed.id()), id(missed.id()), id(lapsed.id()),
				id(paid.id()));
		// As the debtor's card and cabinet show each of them.
		statuses.forEach((debt, status) -> assertThat(status).as(debt).isEqualTo(offers
			.find(agency.tenant().id(), new DebtId(UUID.fromString(debt))).orElseThrow().status().name()));
		assertThat(statuses).containsEntry(id(first), "OFFERED").containsEntry(id(signed.id()), "ACCEPTED")
			.containsEntry(id(missed.id()), "LAPSED").containsEntry(id(lapsed.id()), "LAPSED")
			.containsEntry(id(paid.id()), "PAID");

		assertThat(debtIds("?status=LAPSED")).containsExactlyInAnyOrder(id(missed.id()), id(lapsed.id()));
		assertThat(debtIds("?status=OFFERED,ACCEPTED")).containsExactlyInAnyOrder(id(first), id(second), id(signed.id()));
		assertThat(debtIds("?status=OFFERED&status=PAID")).containsExactlyInAnyOrder(id(first), id(second), id(paid.id()));
		assertThat(body(api("/api/v1/offers?status=LAPSED")).get("total").asLong()).isEqualTo(2);

		// By portfolio, with the debts' external ids; by one external id; by debtor; by debt.
		JsonNode ofPortfolio = body(api("/api/v1/offers?portfolioId=" + portfolio));
		assertThat(ofPortfolio.get("total").asLong()).isEqualTo(2);
		List<String> externalIds = new ArrayList<>();
		ofPortfolio.get("items").forEach(item -> externalIds.add(item.get("externalId").asString()));
		assertThat(externalIds).containsExactlyInAnyOrder("R-1", "R-2");
		assertThat(debtIds("?externalId=R-2")).containsExactly(id(second));
		assertThat(debtIds("?contactId=" + debtor.id().value())).containsExactlyInAnyOrder(id(signed.id()),
				id(missed.id()), id(lapsed.id()), id(paid.id()));
		assertThat(debtIds("?contactId=" + debtor.id().value() + "&status=LAPSED")).containsExactlyInAnyOrder(
				id(missed.id()), id(lapsed.id()));
		assertThat(debtIds("?debtId=" + lapsed.id().value())).containsExactly(id(lapsed.id()));
		assertThat(debtIds("?debtId=" + writtenOff.id().value())).isEmpty();

		// A signed one carries its schedule and what was paid; the paid one closed the debt as settled.
		JsonNode signedOne = item(all, signed.id());
		assertThat(signedOne.get("schedule")).hasSize(2);
		assertThat(signedOne.get("paidSinceAccepted").asString()).isEqualTo(signedOne.get("schedule").get(0).get("amount").asString());
		assertThat(signedOne.get("debtStatus").asString()).isEqualTo("UNDER_SETTLEMENT");
		assertThat(signedOne.get("source").asString()).isEqualTo("RULE");
		assertThat(signedOne.get("ruleName").asString()).isEqualTo("Частями");
		assertThat(item(all, paid.id()).get("debtStatus").asString()).isEqualTo("CLOSED");

		MvcResult unknown = mvc.perform(get("/api/v1/offers?status=WITHDRAWN").header("Authorization", key())).andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(unknown.getResponse().getContentAsString()).contains("\"code\":\"request.parameter-invalid\"");
	}

	@Test
	void pagesByCursorGiveEveryOfferOnceInTheOrderMadeWhileOffersAreMade() throws Exception {
		List<String> expected = jdbc.sql("""
				select id from offers where tenant_id = ? and debt_id <> ? order by created_at, id""")
			.params(agency.tenant().id().value(), writtenOff.id().value()).query(UUID.class).list()
			.stream().map(UUID::toString).toList();
		List<String> seen = new ArrayList<>();
		List<Long> totals = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = body(api("/api/v1/offers?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
			page.get("items").forEach(item -> seen.add(item.get("id").asString()));
			totals.add(page.get("total").asLong());
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			if (++pages == 1) {
				// An offer made while the client walks: it comes last, and shifts no row of the next pages.
				debtOf("7000.00");
			}
		}
		while (cursor != null && pages < 10);
		String made = jdbc.sql("select id from offers where tenant_id = ? order by created_at desc, id desc limit 1")
			.param(agency.tenant().id().value()).query(UUID.class).single().toString();
		List<String> withIt = new ArrayList<>(expected);
		withIt.add(made);
		assertThat(seen).containsExactlyElementsOf(withIt);
		assertThat(pages).isEqualTo(4);
		assertThat(totals).containsExactly(6L, 7L, 7L, 7L);

		// With a filter, the cursor walks the filtered list.
		JsonNode firstLapsed = body(api("/api/v1/offers?status=LAPSED&limit=1"));
		JsonNode nextLapsed = body(api("/api/v1/offers?status=LAPSED&limit=1&cursor="
				+ firstLapsed.get("nextCursor").asString()));
		assertThat(List.of(firstLapsed.get("items").get(0).get("debtId").asString(),
				nextLapsed.get("items").get(0).get("debtId").asString()))
			.containsExactlyInAnyOrder(id(missed.id()), id(lapsed.id()));
		assertThat(nextLapsed.get("nextCursor").isNull()).isTrue();

		MvcResult wrong = mvc.perform(get("/api/v1/offers?cursor=bm90LWEtY3Vyc29y").header("Authorization", key()))
			.andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentAsString()).contains("\"code\":\"request.cursor-invalid\"");
	}

	@Test
	void oneOfferIsReadByItsIdAndAnotherAgencysIsNotFound() throws Exception {
		JsonNode all = body(api("/api/v1/offers"));
		JsonNode listed = item(all, first);
		assertThat(body(api("/api/v1/offers/" + listed.get("id").asString()))).isEqualTo(listed);
		assertThat(listed.get("externalId").asString()).isEqualTo("R-1");
		assertThat(listed.get("portfolioId").asString()).isEqualTo(portfolio.toString());

		UUID unshown = jdbc.sql("select id from offers where debt_id = ?").param(writtenOff.id().value())
			.query(UUID.class).single();
		for (String id : List.of(unshown.toString(), UUID.randomUUID().toString())) {
			MvcResult none = mvc.perform(get("/api/v1/offers/" + id).header("Authorization", key())).andReturn();
			assertThat(none.getResponse().getStatus()).isEqualTo(404);
			assertThat(none.getResponse().getContentAsString()).contains("\"code\":\"offer.not-found\"");
		}
		for (Provisioned stranger : List.of(fixtures.tenant(TenantKind.COLLECTOR), fixtures.tenant(TenantKind.BROKER))) {
			String theirs = "Bearer " + stranger.apiKey().secret();
			assertThat(mvc.perform(get("/api/v1/offers/" + listed.get("id").asString()).header("Authorization", theirs))
				.andReturn().getResponse().getStatus()).as(stranger.tenant().kind().name()).isEqualTo(404);
			MvcResult list = mvc.perform(get("/api/v1/offers").header("Authorization", theirs)).andReturn();
			if (stranger.tenant().kind() == TenantKind.COLLECTOR) {
				assertThat(list.getResponse().getContentAsString()).contains("\"items\":[]", "\"total\":0");
			}
			else {
				assertThat(list.getResponse().getStatus()).isEqualTo(404);
			}
		}
	}

	private PortfolioImport upload(String csv) throws Exception {
		Path file = spool.newFile();
		Files.writeString(file, csv);
		PortfolioImport started = portfolioImporting.start(agency.tenant().id(), "test", "Реестр", "r.csv", file,
				PortfolioDefaults.none());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !portfolioImports.get(agency.tenant().id(), started.id()).isRunning());
		return started;
	}

	private DebtId byExternalId(String externalId) {
		return debts.byExternalId(agency.tenant().id(), externalId).id();
	}

	private Debt debtOf(String principal) {
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal), Money.ZERO), 400);
	}

	private void sign(Debt debt, int parts) {
		Offer offer = offers.find(agency.tenant().id(), debt.id()).orElseThrow();
		offers.accept(agency.tenant().id(), debt.id(), UUID.randomUUID(), parts, offer.offerAmount(), "Условия.");
	}

	/** A payment the agency received outside Kredo, recorded through its API and applied as any payment. */
	private void receive(Debt debt, Money amount, String reference) throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/debts/{id}/payments", debt.id().value())
			.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Authorization", key())
			.content("{\"amount\":\"" + amount.roubles().toPlainString() + "\",\"receivedOn\":\"" + calendar.today()
					+ "\",\"reference\":\"" + reference + "\"}"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(201);
	}

	private String key() {
		return "Bearer " + agency.apiKey().secret();
	}

	private MvcResult api(String uri) throws Exception {
		MvcResult result = mvc.perform(get(uri).header("Authorization", key())).andReturn();
		assertThat(result.getResponse().getStatus()).as(uri + " " + result.getResponse().getContentAsString())
			.isEqualTo(200);
		return result;
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private List<String> debtIds(String query) throws Exception {
		List<String> ids = new ArrayList<>();
		body(api("/api/v1/offers" + query)).get("items").forEach(item -> ids.add(item.get("debtId").asString()));
		return ids;
	}

	private static JsonNode item(JsonNode list, DebtId debt) {
		for (JsonNode item : list.get("items")) {
			if (item.get("debtId").asString().equals(id(debt))) {
				return item;
			}
		}
		throw new AssertionError("no offer of " + debt);
	}

	private static String id(DebtId debt) {
		return debt.value().toString();
	}
}
