package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** Working a signal as a manager: whose it is, what it says, and how it may end, by the tenant's kind. */
@IntegrationTest
class SignalWorkIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	Signals signals;

	@Test
	void aSignalOfAPersonWithAManagerShowsHimAsTheAssigneeWhereItIsAssigned() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(broker);
		Signal signal = raise(broker, Segment.PROSPECT, "2.1", manager, Set.of());

		String mine = mvc.perform(get("/signals/rows").param("assignee", "me")
			.with(user(fixtures.signedIn(manager.email().value()))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(mine).contains(signal.id().value().toString());

		Document page = page("/signals/" + signal.id().value(), fixtures.signedIn(manager.email().value()));
		assertThat(page.select("select[name=assignee] option[selected]")).singleElement()
			.satisfies(option -> assertThat(option.text()).isEqualTo(manager.displayName()));
	}

	@Test
	void aManagerSetAfterTheSignalTakesItsUnassignedSignals() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(broker);
		Signal signal = raise(broker, Segment.PROSPECT, "1.1", null, Set.of());
		assertThat(signal.assigneeId()).isNull();

		Watch watch = watches.get(broker.tenant().id(), signal.watchId());
		watches.watch(broker.tenant().id(), person(passportOf(signal)), new WatchTerms(Segment.PROSPECT,
				WatchTerms.DEFAULT_MONTHS, Set.of(), manager.id(), null, watch.consent(), Set.of()));

		var asManager = fixtures.signedIn(manager.email().value());
		String mine = mvc.perform(get("/signals/rows").param("assignee", "me").with(user(asManager)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(mine).contains(signal.id().value().toString());
		Document page = page("/signals/" + signal.id().value(), asManager);
		assertThat(page.select("select[name=assignee] option[selected]")).singleElement()
			.satisfies(option -> assertThat(option.text()).isEqualTo(manager.displayName()));
	}

	@Test
	void aClosedCardIsAFollowedRecommendationOnlyForAClientWhoWasAdvisedIt() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Signal advisedNothing = raise(broker, Segment.PREPARING, "2.5", null, Set.of());
		Signal advised = raise(broker, Segment.PREPARING, "2.5", null, Set.of(Recommendation.CLOSE_EXTRA_ACCOUNTS));

		Document queue = page("/signals", fixtures.admin(broker));
		assertThat(rowOf(queue, advisedNothing)).doesNotContain("рекомендация выполнена")
			.contains("Закрыл кредит или карту — узнайте, готов ли клиент к новой заявке");
		assertThat(rowOf(queue, advised)).contains("Закрыл кредит или карту — рекомендация выполнена");
		assertThat(page("/signals/" + advisedNothing.id().value(), fixtures.admin(broker)).select("h1").text())
			.doesNotContain("рекомендация выполнена");
	}

	@Test
	void aBankruptcyIsNeverACallToMakeOnTheCollectorsDashboard() throws Exception {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		Signal bankruptcy = raise(collector, Segment.DEBTOR, "1.12", null, Set.of());
		raise(collector, Segment.DEBTOR, "2.2", null, Set.of());

		Document dashboard = page("/", fixtures.admin(collector));
		assertThat(dashboard.select("#call-today").text()).contains("Должник получил кредит")
			.doesNotContain("банкротств");
		assertThat(dashboard.select("#do-not-contact").text()).contains("Не контактировать", "Дело о банкротстве");
		assertThat(page("/signals", fixtures.admin(collector)).text()).contains("Не контактировать");

		Document signal = page("/signals/" + bankruptcy.id().value(), fixtures.admin(collector));
		assertThat(signal.select("button[name=outcome]").eachText()).containsExactly("Учтено, не контактируем");
		assertThat(signal.text()).doesNotContain("Чем закончилось?");
		mvc.perform(post("/signals/{id}/outcome", bankruptcy.id().value()).param("outcome", "REACHED")
			.with(user(fixtures.admin(collector))).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(signals.get(collector.tenant().id(), bankruptcy.id()).status()).isEqualTo(SignalStatus.OPEN);
	}

	@Test
	void aCollectorEndsASignalWithACollectorsOutcomesAndAPaymentCountsInItsConversion() throws Exception {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		Signal signal = raise(collector, Segment.DEBTOR, "2.2", null, Set.of());
		var admin = fixtures.admin(collector);

		String buttons = page("/signals/" + signal.id().value(), admin).select("button[name=outcome]").text();
		assertThat(buttons).contains("Обещал оплатить", "Оплатил", "Отказался платить", "Неверный номер", "Не дозвонились")
			.doesNotContain("Сделка", "Не интересно");
		mvc.perform(post("/signals/{id}/outcome", signal.id().value()).param("outcome", "DEAL").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(signals.get(collector.tenant().id(), signal.id()).status()).isEqualTo(SignalStatus.OPEN);

		mvc.perform(post("/signals/{id}/outcome", signal.id().value()).param("outcome", "PAID").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(signals.get(collector.tenant().id(), signal.id()).outcome().name()).isEqualTo("PAID");

		Document conversion = page("/conversion", admin);
		assertThat(conversion.select("#conversion-by-list thead").text()).contains("Оплатили").doesNotContain("Сделок");
		assertThat(conversion.select("#conversion-by-list tbody tr").first().select("td").eachText())
			.containsExactly("Поштучный мониторинг", "1", "1", "1", "1", "1", "1000,0");
	}

	@Test
	void overTheApiACollectorRecordsItsOutcomesAndAnotherKindsIsRefusedWithItsCode() throws Exception {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		Signal signal = raise(collector, Segment.DEBTOR, "2.2", null, Set.of());
		String key = "Bearer " + collector.apiKey().secret();

		mvc.perform(post("/api/v1/signals/{id}/outcome", signal.id().value()).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"DEAL\",\"by\":\"" + collector.admin().id() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("signal.outcome-not-for-tenant"));
		mvc.perform(post("/api/v1/signals/{id}/outcome", signal.id().value()).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"PROMISED_TO_PAY\",\"by\":\"" + collector.admin().id() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("PROMISED_TO_PAY"));
	}

	@Test
	void aBrokerKeepsItsOwnOutcomes() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Signal signal = raise(broker, Segment.PROSPECT, "1.1", null, Set.of());

		String buttons = page("/signals/" + signal.id().value(), fixtures.admin(broker)).select("button[name=outcome]").text();
		assertThat(buttons).contains("Сделка", "Не интересно", "Дозвонились", "Не дозвонились").doesNotContain("Оплатил");
	}

	@Test
	void theConversionCountsOnlyThePeopleOnMonitoringLikeTheDashboard() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Signal signal = raise(broker, Segment.PROSPECT, "1.1", null, Set.of());
		Signal stopped = raise(broker, Segment.PROSPECT, "1.1", null, Set.of());
		watches.stop(broker.tenant().id(), stopped.watchId(), ru.kredo.monitoring.StopReason.STOPPED_BY_USER);
		watches.watch(broker.tenant().id(), person("4799" + String.format("%06d", Math.floorMod(signal.hashCode(), 1_000_000))),
				WatchTerms.of(Segment.PROSPECT, null));

		var admin = fixtures.admin(broker);
		String onDashboard = page("/", admin).select(".kpi").get(1).text();
		assertThat(onDashboard).isEqualTo("1");
		Document conversion = page("/conversion", admin);
		assertThat(conversion.select("#conversion-by-list tbody tr").first().select("td").get(1).text()).isEqualTo(onDashboard);
		assertThat(conversion.select("#conversion-by-segment tbody tr").first().select("td").get(1).text()).isEqualTo(onDashboard);
	}

	private String passportOf(Signal signal) {
		return passports.get(signal.watchId());
	}

	private final java.util.Map<ru.kredo.monitoring.WatchId, String> passports = new java.util.HashMap<>();

	private static PersonDetails person(String passport) {
		return new PersonDetails(new FullName("Лебедев", "Олег", "Игоревич"), LocalDate.of(1979, 2, 3),
				PassportNumber.parse(passport), null, null, null, null);
	}

	private static String rowOf(Document page, Signal signal) {
		return page.select("a[href$=" + signal.id().value() + "]").first().closest("tr").text();
	}

	Signal raise(Provisioned tenant, Segment segment, String rutdf, User manager, Set<Recommendation> advice) {
		String passport = "47" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
		Watch watch = watches.watch(tenant.tenant().id(), person(passport),
				new WatchTerms(segment, WatchTerms.DEFAULT_MONTHS, Set.of(), manager == null ? null : manager.id(), null,
						new Consent(watches.today(), "Подбор кредита", ConsentMethod.PAPER, null, null), advice));
		String event = """
				{"source":"okb","eventId":"%s","type":"%s","occurredAt":"%s",
				 "subject":{"lastName":"Лебедев","firstName":"Олег","middleName":"Игоревич","birthDate":"03.02.1979","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), rutdf, watches.today(), passport).replace("\n", "");
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
		passports.put(watch.id(), passport);
		return signals.queue(tenant.tenant().id(), SignalFilter.open(), 0, 100).stream().map(QueueLine::signal)
			.filter(s -> s.watchId().equals(watch.id())).findFirst().orElseThrow();
	}

	Document page(String path, org.springframework.security.core.userdetails.UserDetails who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}
}
