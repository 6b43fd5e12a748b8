package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.WebhookEndpoint;
import ru.kredo.webhooks.WebhookEndpoints;

/**
 * Staff lists are paged with a total («Показано 101–200 из 230») and found by what people search by: the ФИО in any
 * case, order and spelling of ё, the contract number, the phone in any notation; closed debts are reachable.
 */
@IntegrationTest
class ListPagingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	WebhookEndpoints webhookEndpoints;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private static final String[] LAST_NAMES = { "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Лебедев", "Козлов",
			"Новиков", "Морозов", "Волков" };
	private static final String[] FIRST_NAMES = { "Иван", "Пётр", "Олег", "Денис", "Роман", "Игорь", "Антон", "Глеб",
			"Юрий", "Павел" };

	/** {@code count} people with other names than {@link Fixtures#contact}'s, each with a debt. */
	private void debtors(Provisioned agency, int count) {
		for (int i = 0; i < count; i++) {
			Contact other = contacts.add(agency.tenant().id(), new FullName(LAST_NAMES[i % 10], FIRST_NAMES[(i / 10) % 10],
					"Сергеевич"), LocalDate.of(1960, 1, 1).plusDays(i), null, null, null, null, null);
			debts.add(agency.tenant().id(), other.id(), "ООО «Кредит»", "Д-" + (1000 + i), LocalDate.of(2021, 1, 1), null,
					DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(String.valueOf(10_000 + i) + ".00"),
							Money.ZERO), 100, null, ZoneId.of("Europe/Moscow"));
		}
	}

	private String page(UserDetails who, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String total(String html) {
		return Jsoup.parse(html).select(".pager-total").first().text().replace('\u00A0', ' ').replace('\u202F', ' ');
	}

	@Test
	void theDebtListIsPagedWithATotalAndItsClosedDebtsCanBeReached() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		debtors(agency, 229);
		Contact anna = fixtures.contact(agency);
		Debt closed = debts.add(agency.tenant().id(), anna.id(), "АО «Альфа-Банк»", "КД-77/2020", LocalDate.of(2020, 5, 5),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("500.00"), Money.ZERO), 700, null,
				ZoneId.of("Europe/Moscow"));
		jdbc.sql("update debts set closed_on = ?, state = 'CLOSED', closed_as = 'PAID' where id = ?")
			.params(LocalDate.of(2026, 11, 1), closed.id().value()).update();
		UserDetails admin = fixtures.admin(agency);

		String first = page(admin, get("/debtors"));
		assertThat(total(first)).isEqualTo("Показано 1–100 из 230");
		assertThat(Jsoup.parse(first).select("#debts tbody tr")).hasSize(100);
		String second = page(admin, get("/debtors").param("page", "1"));
		assertThat(total(second)).isEqualTo("Показано 101–200 из 230");
		Document third = Jsoup.parse(page(admin, get("/debtors").param("page", "2")));
		assertThat(total(third.html())).isEqualTo("Показано 201–230 из 230");
		assertThat(third.select("a[rel=prev]").attr("href")).isEqualTo("/debtors?page=1");
		assertThat(third.text()).contains("Семёнова Анна Петровна", "КД-77/2020");

		Document closedOnes = Jsoup.parse(page(admin, get("/debtors").param("state", "CLOSED")));
		assertThat(total(closedOnes.html())).isEqualTo("Показано 1–1 из 1");
		assertThat(closedOnes.select("#debts tbody").text()).contains("Семёнова Анна Петровна", "КД-77/2020");
		String open = page(admin, get("/debtors").param("state", "OPEN").param("page", "2"));
		assertThat(total(open)).isEqualTo("Показано 201–229 из 229");
		assertThat(open).doesNotContain("КД-77/2020");
		assertThat(Jsoup.parse(open).select("a[rel=prev]").attr("href")).isEqualTo("/debtors?state=OPEN&page=1");
	}

	@Test
	void debtsAreFoundByFullNameInAnyCaseAndOrderByContractNumberAndByAnyOfTheDebtorsPhones() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		debtors(agency, 30);
		Contact anna = fixtures.contact(agency);
		debts.add(agency.tenant().id(), anna.id(), "АО «Альфа-Банк»", "КД-77/2020", LocalDate.of(2020, 5, 5), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("500.00"), Money.ZERO), 700, null,
				ZoneId.of("Europe/Moscow"));
		PhoneNumber home = PhoneNumber.parse("+7 495 123-45-67");
		jdbc.sql("insert into debtor_phones (tenant_id, contact_id, phone, phone_index, created_at) values (?, ?, ?, ?, ?)")
			.params(agency.tenant().id().value(), anna.id().value(), personalData.seal("debtor_phones.phone", home.e164()).bytes(),
					personalData.index("phone", home.e164()).bytes(), Timestamp.from(Instant.now()))
			.update();
		UserDetails admin = fixtures.admin(agency);

		for (String query : List.of("Семёнова Анна Петровна", "СЕМЕНОВА АННА ПЕТРОВНА", "анна семенова", "Семенова А",
				"№ кд-77/2020", "КД-77", "8 (916) 555-12-34", "+79165551234", "9165551234", "8-495-123-45-67",
				"4510 987654")) {
			Document found = Jsoup.parse(page(admin, get("/debtors").param("q", query)));
			assertThat(total(found.html())).as(query).isEqualTo("Показано 1–1 из 1");
			assertThat(found.select("#debts tbody").text()).as(query).contains("Семёнова Анна Петровна", "КД-77/2020");
		}
		for (String query : List.of("Анна Сидорова", "КД-78", "+7 916 555-12-35")) {
			assertThat(total(page(admin, get("/debtors").param("q", query)))).as(query).isEqualTo("Всего: 0");
		}
		assertThat(total(page(admin, get("/debtors").param("q", "Петров Олег")))).isEqualTo("Показано 1–1 из 1");
	}

	@Test
	void contactsArePagedWithATotalAndFoundByFullNameAndPhone() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		for (int i = 0; i < 59; i++) {
			contacts.add(broker.tenant().id(), new FullName(LAST_NAMES[i % 10], FIRST_NAMES[(i / 10) % 10], null),
					LocalDate.of(1970, 1, 1).plusDays(i), null, null, null, null, null);
		}
		fixtures.contact(broker);
		UserDetails admin = fixtures.admin(broker);

		assertThat(total(page(admin, get("/contacts")))).isEqualTo("Показано 1–50 из 60");
		Document second = Jsoup.parse(page(admin, get("/contacts").param("page", "1")));
		assertThat(total(second.html())).isEqualTo("Показано 51–60 из 60");
		assertThat(second.select("#contact-rows tr")).hasSize(10);
		Document beyond = Jsoup.parse(page(admin, get("/contacts").param("page", "7")));
		assertThat(total(beyond.html())).contains("60");
		assertThat(beyond.select("a[rel=prev]").attr("href")).isEqualTo("/contacts?page=1");

		for (String query : List.of("анна семенова", "Семёнова Анна Петровна", "ПЕТРОВНА", "8 916 555 12 34",
				"+7 (916) 555-12-34")) {
			Document found = Jsoup.parse(page(admin, get("/contacts").param("q", query)));
			assertThat(total(found.html())).as(query).isEqualTo("Показано 1–1 из 1");
			assertThat(found.select("#contact-rows").text()).as(query).contains("Семёнова Анна Петровна");
		}
		// as the user types, htmx gets the rows with the pager, which keeps the search in its links
		String rows = page(admin, get("/contacts").param("q", "Иван").header("HX-Request", "true"));
		assertThat(total(rows)).isEqualTo("Показано 1–10 из 10");
		Document many = Jsoup.parse(page(admin, get("/contacts").param("q", "Сергеев")));
		assertThat(total(many.html())).isEqualTo("Всего: 0");
	}

	/**
	 * Every staff page that shows a table (found from the application's own mappings, so a new list page is walked
	 * too) shows its list's total and pager, also on a second page: ?page=2. The tables that are not lists of
	 * records are named here with why.
	 */
	@Test
	void everyListPageIsPagedWithATotal() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		fixtures.contact(broker);
		WebhookEndpoint endpoint = webhookEndpoints.add(agency.tenant().id(), "http://127.0.0.1:9/kredo", "CRM");
		List<String> pages = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if ((methods.isEmpty() || methods.contains(RequestMethod.GET)) && !pattern.contains("{")
						&& !pattern.startsWith("/api/") && !NOT_LISTS.contains(pattern) && !pattern.endsWith(".csv")
						&& !pattern.startsWith("/cabinet/") && !pattern.startsWith("/payments/notifications")) {
					pages.add(pattern);
				}
			}
		}
		pages.add("/webhooks/" + endpoint.id().value());
		assertThat(pages).contains("/debtors", "/contacts", "/monitoring", "/monitoring/lists", "/signals",
				"/debtors/portfolios", "/users", "/api-keys", "/webhooks", "/audit", "/offer-rules", "/operator/tenants",
				"/operator/sms-outbox");
		List<String> withoutTotal = new ArrayList<>();
		List<String> lists = new ArrayList<>();
		for (String path : pages) {
			UserDetails who = path.startsWith("/operator") ? fixtures.signedIn("operator@kredo.demo")
					: path.startsWith("/contacts") ? fixtures.admin(broker) : fixtures.admin(agency);
			var response = mvc.perform(get(path).param("page", "2").with(user(who))).andReturn().getResponse();
			if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).startsWith("text/html")) {
				continue;
			}
			Document html = Jsoup.parse(response.getContentAsString());
			if (html.select("table").isEmpty() && html.select(".pager").isEmpty()) {
				continue;
			}
			lists.add(path);
			String total = html.select(".pager-total").text();
			if (!total.matches(".*\\d.*")) {
				withoutTotal.add(path);
			}
		}
		assertThat(lists).contains("/debtors", "/contacts", "/monitoring", "/monitoring/lists", "/signals",
				"/debtors/portfolios", "/users", "/api-keys", "/webhooks", "/audit", "/offer-rules", "/operator/tenants",
				"/webhooks/" + endpoint.id().value());
		assertThat(withoutTotal).isEmpty();
	}

	@Test
	void shortListsAreFoundByNameOrEmail() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.manager(broker);
		UserDetails admin = fixtures.admin(broker);

		assertThat(total(page(admin, get("/users")))).isEqualTo("Показано 1–2 из 2");
		Document found = Jsoup.parse(page(admin, get("/users").param("q", manager.displayName().toUpperCase())));
		assertThat(total(found.html())).isEqualTo("Показано 1–1 из 1");
		assertThat(found.select("input[name=q]").val()).isEqualTo(manager.displayName().toUpperCase());
		assertThat(total(page(admin, get("/users").param("q", manager.email().value())))).isEqualTo("Показано 1–1 из 1");
		assertThat(total(page(admin, get("/users").param("q", "никто")))).isEqualTo("Всего: 0");

		String unique = broker.tenant().name().substring(broker.tenant().name().lastIndexOf(' ') + 1);
		assertThat(total(page(fixtures.signedIn("operator@kredo.demo"), get("/operator/tenants").param("q", "тест " + unique))))
			.isEqualTo("Показано 1–1 из 1");
	}

	/** Pages with a table that is not a list of records: a settings grid or a report with one row per list or step. */
	private static final Set<String> NOT_LISTS = Set.of(
			"/signals/ranking", // the priorities' grid: event types by segment, a fixed set
			"/conversion", // a report: one row per list and per segment
			"/cabinet-funnel", // a report: one row per step of the cabinet
			"/plans/adherence", // a report: one row per month (11 back, 3 ahead) and per portfolio
			"/"); // the home page: counters and the latest few actions
}
