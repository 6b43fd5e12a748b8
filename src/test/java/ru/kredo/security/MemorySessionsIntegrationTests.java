package ru.kredo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Reachable;
import ru.kredo.cabinet.web.CabinetMvc;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * One process's default store (kredo.sessions.store=memory): sessions in the node's memory, through the same Spring
 * Session filter as the database's — nothing of them in PostgreSQL, and a signed-in user stays signed in; a debtor's
 * «Выйти» is seen in this store too by his chat page's open live connection.
 */
@IntegrationTest
@TestPropertySource(properties = "kredo.sessions.store=memory")
class MemorySessionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SessionRepository<?> sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CabinetMvc cabinet;

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Autowired
	Reachable reachable;

	@Test
	void oneProcessKeepsItsSessionsInMemoryAndASignedInUserStaysSignedIn() throws Exception {
		assertThat(sessions).isInstanceOf(MapSessionRepository.class);
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(tenant.admin().email().value()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn().getRequest().getSession(false);
		assertThat(session).isNotNull();
		mvc.perform(get("/monitoring").session(session)).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(tenant.admin().email().value()).query(Long.class).single())
			.as("nothing of the session in PostgreSQL").isZero();
		mvc.perform(get("/monitoring")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aDebtorsOpenChatEndsWhenHeSignsOut() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Орлова", "Анна", "Петровна"),
				LocalDate.of(1990, 2, 2), null, null, null, PhoneNumber.parse("+79185550" + (System.nanoTime() % 900 + 100)), null);
		reachable.awake(agency.tenant().id(), debtor.id());
		MockHttpSession session = cabinet.signedIn(agency.tenant().id(), debtor.id());
		Message first = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Можно отсрочку?", null);
		MvcResult stream = mvc.perform(get("/cabinet/" + agency.tenant().id() + "/chat/stream")
			.param("after", Long.toString(first.id())).session(session)).andReturn();
		assertThat(stream.getRequest().isAsyncStarted()).isTrue();
		mvc.perform(post("/cabinet/" + agency.tenant().id() + "/sign-out").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());

		conversations.reply(agency.tenant().id(), first.conversationId(), fixtures.manager(agency).id(),
				"Долг 48 000 ₽", null);

		await().atMost(Duration.ofSeconds(10)).until(() -> {
			try {
				stream.getAsyncResult(50);
				return true;
			}
			catch (IllegalStateException stillOpen) {
				return false;
			}
		});
		assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("48 000");
	}
}
