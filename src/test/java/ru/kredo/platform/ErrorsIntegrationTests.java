package ru.kredo.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class ErrorsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aMissingObjectIsAProblemWithAStableCodeInTheCallersLanguage() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String key = "Bearer " + tenant.apiKey().secret();

		mvc.perform(get("/api/v1/contacts/{id}", "6f1f7a2c-0000-4000-8000-000000000000").header("Authorization", key))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("contact.not-found"))
			.andExpect(jsonPath("$.detail").value("Контакт не найден."));
		mvc.perform(get("/api/v1/users/{id}", "6f1f7a2c-0000-4000-8000-000000000000").header("Authorization", key)
			.header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("user.not-found"))
			.andExpect(jsonPath("$.detail").value("User not found."));
	}

	@Test
	void aMalformedIdOrAnUnknownPathIsA404NotA500() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String key = "Bearer " + tenant.apiKey().secret();

		mvc.perform(get("/api/v1/contacts/not-a-uuid").header("Authorization", key))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not-found"));
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", key))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not-found"));
		mvc.perform(get("/contacts/not-a-uuid").with(user(fixtures.admin(tenant))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/watches").header("Authorization", key).contentType("application/json").content("{not json"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"));
		mvc.perform(post("/api/v1/tenant").header("Authorization", key))
			.andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.code").value("method-not-allowed"));
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFoundNotAServerError() throws Exception {
		// Spring Boot's error controller, reached with no error, answered 500 with "status": 999.
		mvc.perform(get("/error")).andExpect(status().isNotFound());
		mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		mvc.perform(post("/error").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
		mvc.perform(get("/error/500")).andExpect(status().isNotFound());
	}
}
