package ru.kredo.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** An agency admin turns ЮKassa's receipts off and on; no one else sees the page. */
@IntegrationTest
class PaymentSettingsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PaymentSettings settings;

	@Test
	void anAgencyAdminSwitchesReceiptsWhichAreOnByDefault() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(settings.receipts(agency.tenant().id())).isTrue();
		assertThat(mvc.perform(get("/payments/settings").with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getContentAsString()).contains("ЮKassa выдаёт чек (54-ФЗ)", "checked");

		mvc.perform(post("/payments/settings").with(user(fixtures.admin(agency))).with(csrf()))
			.andExpect(redirectedUrl("/payments/settings"));
		assertThat(settings.receipts(agency.tenant().id())).isFalse();

		mvc.perform(post("/payments/settings").param("receipts", "on").with(user(fixtures.admin(agency))).with(csrf()));
		assertThat(settings.receipts(agency.tenant().id())).isTrue();
	}

	@Test
	void aManagerOrABrokerHasNoSuchPage() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(get("/payments/settings").with(user(fixtures.signedIn(fixtures.manager(agency).email().value()))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/payments/settings").with(user(fixtures.admin(broker)))).andExpect(status().isNotFound());
	}
}
