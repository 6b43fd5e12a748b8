package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.web.CabinetMvc;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * An agency's debtors on monitoring (issue 14, the loop): a portfolio at once by its admin, who confirms the basis;
 * each debtor with a debt not closed is watched as a DEBTOR with his loan contract recorded as the basis; one already
 * watched keeps his watch; a debtor whose debts are closed is not watched, and one whose last debt closes stops.
 */
@IntegrationTest
class DebtorWatchesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CabinetMvc pages;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Watches watches;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPortfolioGoesOnMonitoringWithEachDebtorsContractAsItsBasis() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		UserDetails admin = fixtures.admin(agency);
		UUID portfolio = portfolio(tenant, "Сбер, октябрь");
		Contact first = fixtures.contact(agency);
		Contact watchedBefore = fixtures.contact(agency);
		Contact repaid = fixtures.contact(agency);
		Contact elsewhere = fixtures.contact(agency);
		Debt firstsOld = debt(tenant, first, "K-1", LocalDate.of(2019, 3, 14), portfolio);
		debt(tenant, first, "K-2", LocalDate.of(2021, 6, 1), portfolio);
		debt(tenant, watchedBefore, "K-3", LocalDate.of(2020, 1, 10), portfolio);
		debts.writeOff(tenant, debt(tenant, repaid, "K-4", LocalDate.of(2020, 1, 10), portfolio).id());
		debt(tenant, elsewhere, "K-5", LocalDate.of(2020, 1, 10), portfolio(tenant, "Другой"));
		watches.watchKnown(tenant, java.util.Map.of(watchedBefore.id(), WatchTerms.of(Segment.DEBTOR, null)));

		String page = pages.staffPage("/debtors/portfolios/" + portfolio + "/monitoring", admin);
		assertThat(page).contains("2 должника с непогашенным долгом в портфеле", "ч. 9 ст. 6");

		// Without the confirmation nothing is done, and the form says why.
		MvcResult refused = mvc.perform(post("/debtors/portfolios/" + portfolio + "/monitoring").with(csrf())
			.with(user(admin)).param("months", "6")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Подтвердите, что согласия переданы вместе с правами требования.");
		assertThat(watches.ofContact(tenant, first.id())).isEmpty();
		assertThat(mvc.perform(post("/debtors/portfolios/" + portfolio + "/monitoring").with(csrf())
			.with(user(admin)).param("months", "37").param("confirmed", "true")).andReturn().getResponse().getStatus())
			.isEqualTo(422);

		// a browser's checkbox sends «on»
		MvcResult done = mvc.perform(post("/debtors/portfolios/" + portfolio + "/monitoring").with(csrf())
			.with(user(admin)).param("months", "6").param("confirmed", "on")).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/debtors/portfolios/" + portfolio + "/monitoring");
		String result = mvc.perform(get(done.getResponse().getRedirectedUrl()).with(user(admin))
			.flashAttrs(done.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result).contains("Из 2 должников на мониторинг поставлено: 1; уже были на мониторинге: 1.");

		List<Watch> his = watches.ofContact(tenant, first.id());
		assertThat(his).hasSize(1);
		Watch watch = his.getFirst();
		assertThat(watch.segment()).isEqualTo(Segment.DEBTOR);
		assertThat(watch.status()).isEqualTo(WatchStatus.ACTIVE);
		assertThat(watch.listId()).isNull();
		assertThat(watch.endsOn()).isEqualTo(watch.startsOn().plusMonths(6));
		// the basis: his earliest contract not closed, whose consent lives as long as it does
		assertThat(watch.consent().givenOn()).isEqualTo(firstsOld.contractDate());
		assertThat(watch.consent().purpose()).contains("№ K-1 от 14.03.2019", "АО «Банк»", "ч. 9 ст. 6 218-ФЗ");
		assertThat(watch.consent().lastValidDay()).isEmpty();
		// the one watched before keeps his watch; the repaid one and the other portfolio's are not watched
		assertThat(watches.ofContact(tenant, watchedBefore.id())).singleElement()
			.satisfies(w -> assertThat(w.consent()).isNull());
		assertThat(watches.ofContact(tenant, repaid.id())).isEmpty();
		assertThat(watches.ofContact(tenant, elsewhere.id())).isEmpty();
		assertThat(jdbc.sql("select detail from audit_events where tenant_id = ? and action = 'WATCH_ADDED'")
			.param(tenant.value()).query(String.class).list()).containsExactly("debtors:2;watched:1;months:6");
		assertThat(pages.staffPage("/audit", admin)).contains("должников с непогашенным долгом: 2",
				"поставлено на мониторинг: 1", "срок: 6 мес.");

		// Sent again, nobody is watched twice.
		mvc.perform(post("/debtors/portfolios/" + portfolio + "/monitoring").with(csrf()).with(user(admin))
			.param("months", "6").param("confirmed", "true"));
		assertThat(watches.ofContact(tenant, first.id())).hasSize(1);

		// His last debt closing ends the basis, and the watch stops; one debt still open keeps it.
		debts.writeOff(tenant, firstsOld.id());
		assertThat(watches.ofContact(tenant, first.id()).getFirst().status()).isEqualTo(WatchStatus.ACTIVE);
		debts.ofContact(tenant, first.id()).stream().filter(d -> !d.id().equals(firstsOld.id()))
			.forEach(d -> debts.writeOff(tenant, d.id()));
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				watches.ofContact(tenant, first.id()).getFirst().stopReason()).isEqualTo(StopReason.DEBTS_CLOSED));
	}

	@Test
	void oneDebtorFromHisCardAndOnlyAdminsPutAPortfolio() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		UUID portfolio = portfolio(tenant, "Мой");
		Contact debtor = fixtures.contact(agency);
		debt(tenant, debtor, "D-1", LocalDate.of(2022, 2, 2), portfolio);
		UserDetails manager = fixtures.signedIn(fixtures.manager(agency).email().value());

		MvcResult done = mvc.perform(post("/debtors/" + debtor.id().value() + "/monitoring").with(csrf())
			.with(user(manager))).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/debtors/" + debtor.id().value());
		assertThat(done.getFlashMap().get("notice")).isEqualTo("debtor-watch.watched");
		assertThat(watches.ofContact(tenant, debtor.id())).singleElement()
			.satisfies(w -> assertThat(w.segment()).isEqualTo(Segment.DEBTOR));
		assertThat(mvc.perform(post("/debtors/" + debtor.id().value() + "/monitoring").with(csrf()).with(user(manager)))
			.andReturn().getFlashMap().get("notice")).isEqualTo("debtor-watch.already");

		// a manager does not put a whole portfolio on monitoring; nor does another agency's admin
		assertThat(mvc.perform(get("/debtors/portfolios/" + portfolio + "/monitoring").with(user(manager))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(mvc.perform(post("/debtors/portfolios/" + portfolio + "/monitoring").with(csrf())
			.with(user(fixtures.admin(other))).param("months", "6").param("confirmed", "true")).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		// another agency's debtor is a 404, as on every page of the agency's
		Contact theirs = fixtures.contact(other);
		debt(other.tenant().id(), theirs, "T-1", LocalDate.of(2022, 2, 2), null);
		assertThat(mvc.perform(post("/debtors/" + theirs.id().value() + "/monitoring").with(csrf()).with(user(manager)))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(watches.ofContact(other.tenant().id(), theirs.id())).isEmpty();
		// his own debtor whose debts are all closed is told why not
		Contact repaid = fixtures.contact(agency);
		debts.writeOff(tenant, debt(tenant, repaid, "D-2", LocalDate.of(2022, 2, 2), null).id());
		assertThat(mvc.perform(post("/debtors/" + repaid.id().value() + "/monitoring").with(csrf()).with(user(manager)))
			.andReturn().getFlashMap().get("problem")).isNotNull();
		assertThat(watches.ofContact(tenant, repaid.id())).isEmpty();
	}

	@Test
	void thePortfolioGoesOnMonitoringByApiAsOnThePageOnlyConfirmedAndOnlyTheAgencysOwn() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		UUID portfolio = portfolio(tenant, "По API");
		Contact first = fixtures.contact(agency);
		Contact watchedBefore = fixtures.contact(agency);
		debt(tenant, first, "A-1", LocalDate.of(2019, 3, 14), portfolio);
		debt(tenant, watchedBefore, "A-2", LocalDate.of(2020, 1, 10), portfolio);
		watches.watchKnown(tenant, java.util.Map.of(watchedBefore.id(), WatchTerms.of(Segment.DEBTOR, null)));
		String path = "/api/v1/portfolios/" + portfolio + "/monitoring";

		// Without the confirmation, or with months out of range, nothing is done and every field says why.
		MvcResult refused = mvc.perform(post(path).header("Authorization", "Bearer " + agency.apiKey().secret())
			.contentType("application/json").content("{\"months\":37}")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"field\":\"confirmed\"", "debtor-watch.confirm-required", "\"field\":\"months\"",
					"Подтвердите, что согласия переданы вместе с правами требования.");
		assertThat(watches.ofContact(tenant, first.id())).isEmpty();

		// Another agency's key, and a broker's, find no such portfolio; nothing is done.
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		for (Provisioned stranger : List.of(other, broker)) {
			assertThat(mvc.perform(post(path).header("Authorization", "Bearer " + stranger.apiKey().secret())
				.contentType("application/json").content("{\"confirmed\":true}")).andReturn().getResponse()
				.getStatus()).isEqualTo(404);
		}
		assertThat(watches.ofContact(tenant, first.id())).isEmpty();

		MvcResult done = mvc.perform(post(path).header("Authorization", "Bearer " + agency.apiKey().secret())
			.contentType("application/json").content("{\"confirmed\":true}")).andReturn();
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		assertThat(done.getResponse().getContentAsString()).contains("\"months\":12", "\"debtors\":2",
				"\"watched\":1", "\"already\":1");
		assertThat(watches.ofContact(tenant, first.id())).singleElement().satisfies(watch -> {
			assertThat(watch.segment()).isEqualTo(Segment.DEBTOR);
			assertThat(watch.endsOn()).isEqualTo(watch.startsOn().plusMonths(12));
			assertThat(watch.consent().purpose()).contains("№ A-1 от 14.03.2019", "ч. 9 ст. 6 218-ФЗ");
		});
		assertThat(jdbc.sql("select actor from audit_events where tenant_id = ? and action = 'WATCH_ADDED'")
			.param(tenant.value()).query(String.class).list()).singleElement()
			.satisfies(actor -> assertThat(actor).startsWith("api-key:"));

		// Again: nobody twice.
		assertThat(mvc.perform(post(path).header("Authorization", "Bearer " + agency.apiKey().secret())
			.contentType("application/json").content("{\"confirmed\":true,\"months\":6}")).andReturn().getResponse()
			.getContentAsString()).contains("\"watched\":0", "\"already\":2");
		assertThat(watches.ofContact(tenant, first.id())).hasSize(1);
	}

	/** The card's action by API (issue 15): the same watch, the same refusals; another agency's debtor is a 404. */
	@Test
	void oneDebtorGoesOnMonitoringByTheApiAsFromHisCard() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		String key = "Bearer " + agency.apiKey().secret();
		Contact debtor = fixtures.contact(agency);
		debt(tenant, debtor, "A-1", LocalDate.of(2022, 2, 2), null);

		MvcResult done = mvc.perform(post("/api/v1/debtors/{id}/monitoring", debtor.id().value())
			.header("Authorization", key)).andReturn();
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		assertThat(done.getResponse().getContentAsString()).contains("\"watched\":1");
		assertThat(watches.ofContact(tenant, debtor.id())).singleElement()
			.satisfies(w -> assertThat(w.segment()).isEqualTo(Segment.DEBTOR));
		assertThat(mvc.perform(post("/api/v1/debtors/{id}/monitoring", debtor.id().value()).header("Authorization", key))
			.andReturn().getResponse().getContentAsString()).contains("\"watched\":0", "\"already\":1");

		Contact repaid = fixtures.contact(agency);
		debts.writeOff(tenant, debt(tenant, repaid, "A-2", LocalDate.of(2022, 2, 2), null).id());
		MvcResult refused = mvc.perform(post("/api/v1/debtors/{id}/monitoring", repaid.id().value())
			.header("Authorization", key)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("debtor.no-open-debt");
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(mvc.perform(post("/api/v1/debtors/{id}/monitoring", debtor.id().value())
			.header("Authorization", "Bearer " + other.apiKey().secret())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	private UUID portfolio(TenantId tenant, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into portfolios (id, tenant_id, name, created_at) values (?, ?, ?, ?)")
			.params(id, tenant.value(), name, Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	private Debt debt(TenantId tenant, Contact debtor, String contract, LocalDate on, UUID portfolio) {
		Debt debt = debts.add(tenant, debtor.id(), "АО «Банк»", contract, on, null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 100, null,
				null);
		if (portfolio != null) {
			jdbc.sql("update debts set portfolio_id = ? where id = ?").params(portfolio, debt.id().value()).update();
		}
		return debt;
	}
}
