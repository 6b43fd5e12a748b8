package ru.kredo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * One process's default store (kredo.sessions.store=memory): sessions in the node's memory, through the same Spring
 * Session filter as the database's — nothing of them in PostgreSQL, and a signed-in user stays signed in.
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
}
