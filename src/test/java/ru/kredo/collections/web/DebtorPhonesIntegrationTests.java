package ru.kredo.collections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.BureauPhones;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 14: a debtor's phones in the API — where each came from, a bureau's confirmed or not, which messages may go
 * to — and an operator making a bureau's phone his own, from the card and by API: only a confirmed one, audited; the
 * number his contact had stays his. Another agency's debtor, or a broker's key, is a 404.
 */
@IntegrationTest
class DebtorPhonesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BureauPhones bureauPhones;

	@Autowired
	Contacts contacts;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApiListsHisPhonesAndMakesOnlyAConfirmedBureauPhoneHisOwn() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = fixtures.contact(agency);
		PhoneNumber own = debtor.phone();
		PhoneNumber fromBureau = mobile();
		bureauPhones.record(tenant, debtor.id(), fromBureau, UUID.randomUUID(), 1L);
		String phones = "/api/v1/debtors/" + debtor.id().value() + "/phones";

		String listed = api(agency, get(phones)).getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(listed, "$.total")).isEqualTo(2);
		assertThat(JsonPath.<Object>read(listed, "$.nextCursor")).isNull();
		assertThat(JsonPath.<Map<String, Object>>read(listed, "$.items[0]")).containsEntry("phone", own.e164())
			.containsEntry("source", "CONTACT").containsEntry("own", true).containsEntry("messagesAllowed", true);
		assertThat(JsonPath.<Map<String, Object>>read(listed, "$.items[1]")).containsEntry("phone", fromBureau.e164())
			.containsEntry("source", "BUREAU").containsEntry("own", false).containsEntry("messagesAllowed", false)
			.containsEntry("confirmedAt", null);
		assertThat(audited(tenant, "PERSONAL_DATA_VIEWED", "api;debtor-phones")).isEqualTo(1);

		// Not confirmed: refused with why, in Russian; nothing changes.
		MvcResult refused = api(agency, post(phones + "/own").contentType("application/json")
			.content("{\"phone\":\"" + fromBureau.e164() + "\"}"));
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"code\":\"debtor-phone.not-confirmed\"", "Номер не подтверждён");
		// A number no bureau gave for him, and no number at all.
		assertThat(api(agency, post(phones + "/own").contentType("application/json")
			.content("{\"phone\":\"" + mobile().e164() + "\"}")).getResponse().getContentAsString())
			.contains("debtor-phone.not-from-bureau");
		assertThat(api(agency, post(phones + "/own").contentType("application/json").content("{}")).getResponse()
			.getContentAsString()).contains("\"field\":\"phone\"", "contact.phone-invalid");
		assertThat(contacts.get(tenant, debtor.id()).phone()).isEqualTo(own);

		// Another agency's key, and a broker's: no such debtor, whatever the call.
		for (Provisioned stranger : List.of(fixtures.tenant(TenantKind.COLLECTOR), fixtures.tenant(TenantKind.BROKER))) {
			assertThat(api(stranger, get(phones)).getResponse().getStatus()).isEqualTo(404);
			assertThat(api(stranger, post(phones + "/own").contentType("application/json")
				.content("{\"phone\":\"" + fromBureau.e164() + "\"}")).getResponse().getStatus()).isEqualTo(404);
		}

		// He signs in with it (the code confirms it); now it may be made his own — as typed, spaced.
		bureauPhones.confirm(tenant, debtor.id(), personalData.index("phone", fromBureau.e164()));
		MvcResult made = api(agency, post(phones + "/own").contentType("application/json")
			.content("{\"phone\":\"8 " + fromBureau.e164().substring(2) + "\"}"));
		assertThat(made.getResponse().getStatus()).isEqualTo(200);
		String one = made.getResponse().getContentAsString();
		assertThat(JsonPath.<Map<String, Object>>read(one, "$")).containsEntry("phone", fromBureau.e164())
			.containsEntry("source", "BUREAU").containsEntry("own", true).containsEntry("messagesAllowed", true);
		assertThat(JsonPath.<String>read(one, "$.confirmedAt")).isNotNull();
		assertThat(contacts.get(tenant, debtor.id()).phone()).isEqualTo(fromBureau);
		assertThat(audited(tenant, "DEBTOR_PHONE_MADE_OWN", "api;bureau")).isEqualTo(1);
		// His former phone stays his, as one his contact came with; the bureau's is listed once, first.
		String after = api(agency, get(phones)).getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(after, "$.items[*].phone")).containsExactly(fromBureau.e164(), own.e164());
		assertThat(JsonPath.<Map<String, Object>>read(after, "$.items[1]")).containsEntry("source", "CONTACT")
			.containsEntry("own", false).containsEntry("messagesAllowed", false);
		assertThat(contacts.findByNameAndPhone(tenant, debtor.name(), own)).extracting(Contact::id)
			.containsExactly(debtor.id());

		// Again: his own already, nothing changes and nothing more is audited.
		assertThat(api(agency, post(phones + "/own").contentType("application/json")
			.content("{\"phone\":\"" + fromBureau.e164() + "\"}")).getResponse().getStatus()).isEqualTo(200);
		assertThat(audited(tenant, "DEBTOR_PHONE_MADE_OWN", "api;bureau")).isEqualTo(1);
	}

	@Test
	void theCardOffersTheBureausPhonesAndRefusesAnUnconfirmedOneNextToTheField() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		UserDetails manager = fixtures.signedIn(fixtures.manager(agency).email().value());
		Contact debtor = fixtures.contact(agency);
		PhoneNumber fromBureau = mobile();
		bureauPhones.record(tenant, debtor.id(), fromBureau, UUID.randomUUID(), 1L);
		String card = "/debtors/" + debtor.id().value();

		assertThat(page(card, manager)).contains("id=\"own-phone\"", "value=\"" + fromBureau.e164() + "\"",
				fromBureau.display() + " (не подтверждён)", "Сделать основным");

		MvcResult refused = mvc.perform(post(card + "/phones/own").param("phone", fromBureau.e164()).with(csrf())
			.with(user(manager)).header("Accept-Language", "ru")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("is-invalid", "Номер не подтверждён: должник ещё не входил с ним в кабинет");
		assertThat(contacts.get(tenant, debtor.id()).phone()).isNotEqualTo(fromBureau);

		bureauPhones.confirm(tenant, debtor.id(), personalData.index("phone", fromBureau.e164()));
		MvcResult made = mvc.perform(post(card + "/phones/own").param("phone", fromBureau.e164()).with(csrf())
			.with(user(manager))).andReturn();
		assertThat(made.getResponse().getRedirectedUrl()).isEqualTo(card);
		assertThat(made.getFlashMap().get("notice")).isEqualTo("debtors.phone-made-own");
		assertThat(contacts.get(tenant, debtor.id()).phone()).isEqualTo(fromBureau);
		assertThat(audited(tenant, "DEBTOR_PHONE_MADE_OWN", "page;bureau")).isEqualTo(1);
		assertThat(page(card, manager)).contains("— основной").doesNotContain("id=\"own-phone\"");

		// Another agency's staff: a 404, and nothing changes.
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(mvc.perform(post(card + "/phones/own").param("phone", fromBureau.e164()).with(csrf())
			.with(user(fixtures.admin(other)))).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theOpenApiDescribesThePhonesAndThePortfoliosMonitoringWithExamples() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		for (String[] operation : List.of(new String[] { "/api/v1/debtors/{id}/phones", "get" },
				new String[] { "/api/v1/debtors/{id}/phones/own", "post" },
				new String[] { "/api/v1/portfolios/{id}/monitoring", "post" })) {
			Map<String, Object> described = JsonPath.read(docs, "$.paths['" + operation[0] + "']." + operation[1]);
			assertThat(described).as(operation[0]).containsKey("summary");
			assertThat(described.get("responses").toString()).as(operation[0]).contains("examples");
		}
		assertThat(JsonPath.<Object>read(docs, "$.paths['/api/v1/debtors/{id}/phones'].get.responses.200"))
			.asString().contains("messagesAllowed", "BUREAU", "confirmedAt");
	}

	private MvcResult api(Provisioned tenant,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + tenant.apiKey().secret())
			.header("Accept-Language", "ru")).andReturn();
	}

	private String page(String path, UserDetails staff) throws Exception {
		MvcResult result = mvc.perform(get(path).with(user(staff))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long audited(TenantId tenant, String action, String detail) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ? and detail = ?")
			.params(tenant.value(), action, detail).query(Long.class).single();
	}

	private static PhoneNumber mobile() {
		return PhoneNumber.parse("+7 926 %07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000)));
	}
}
