package ru.kredo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePagePagesPastFiveHundredWithATotalAndFindsByActorActionDateAndSubject() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		AuditActor robot = new AuditActor("api-key:robot", "Робот CRM");
		for (int i = 0; i < 600; i++) {
			audit.record(tenant.tenant().id(), robot, AuditAction.WATCH_ADDED, "watch", "w-" + i, "api");
		}
		AuditActor inspector = new AuditActor("user:inspector", "Проверяющая Ольга");
		audit.record(tenant.tenant().id(), inspector, AuditAction.PERSONAL_DATA_VIEWED, "contact", "c-needle", null);
		// An old entry, long before the others.
		jdbc.sql("update audit_events set occurred_at = '2025-01-15T10:00:00+03' where tenant_id = ? and object_id = 'w-0'")
			.param(tenant.tenant().id().value()).update();
		long all = audit.count(tenant.tenant().id(), AuditQuery.ALL);
		assertThat(all).isGreaterThan(600);

		String lastPage = page(tenant, "page", "12");
		assertThat(lastPage).contains("из " + all).contains("w-0").doesNotContain("c-needle");

		assertThat(page(tenant, "actor", "ольга")).contains("c-needle", "Показано 1–1 из 1").doesNotContain("w-1<");
		assertThat(page(tenant, "actor", "user:inspector")).contains("c-needle", "из 1");
		assertThat(page(tenant, "action", "PERSONAL_DATA_VIEWED")).contains("c-needle").doesNotContain("w-5<");
		assertThat(page(tenant, "subject", "w-42")).contains("w-42", "Показано 1–1 из 1");
		assertThat(page(tenant, "to", "2025-01-15", "from", "2025-01-15")).contains("w-0", "Показано 1–1 из 1");
		assertThat(page(tenant, "to", "2025-01-14")).contains("Всего: 0");
	}

	@Test
	void anAdminExportsAPeriodAsCsvWithFormulasNeutralisedAndTheExportIsAudited() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		audit.record(tenant.tenant().id(), new AuditActor("api-key:x", "=HYPERLINK(\"http://evil\")"),
				AuditAction.API_KEY_ISSUED, "api-key", "k-1", null);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));

		String csv = mvc.perform(get("/audit/export.csv").param("from", today.minusDays(1).toString())
			.param("to", today.toString()).with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv).startsWith("\uFEFFЖурнал действий за ").contains("'=HYPERLINK(\"\"http://evil\"\")", "k-1")
			.doesNotContain(";=HYPERLINK");
		assertThat(audit.latest(tenant.tenant().id(), 1)).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo(AuditAction.EXPORTED);
			assertThat(e.objectType()).isEqualTo("audit");
			assertThat(e.detail()).startsWith("rows:").contains(";period:" + today.minusDays(1) + ".." + today);
		});
	}

	@Test
	void aManagerCannotReadOrExportTheLog() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.signedIn(fixtures.manager(tenant).email().value());

		mvc.perform(get("/audit").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(get("/audit/export.csv").with(user(manager))).andExpect(status().isForbidden());
	}

	private String page(Provisioned tenant, String... params) throws Exception {
		var request = get("/audit").with(user(fixtures.admin(tenant)));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
