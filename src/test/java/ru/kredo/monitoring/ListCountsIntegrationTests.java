package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** An upload's figures and the list's agree, because each figure has one definition (docs/metrics.md). */
@IntegrationTest
class ListCountsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ImportRecords imports;

	@Autowired
	Watches watches;

	@Test
	void anUploadWithTwoRowsOfOnePersonSaysWhatTheListHoldsAsTheListsPageDoes() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);
		String csv = """
				ФИО;Дата рождения;Паспорт
				Громов Илья Петрович;12.04.1983;4511 223344
				Громов Илья Петрович;12.04.1983;4511 223344
				Крылова Вера Андреевна;30.09.1990;4512 556677
				""";
		UUID id = upload(broker, admin, "Повторы", csv);
		var done = imports.get(broker.tenant().id(), id);
		assertThat(done.imported()).isEqualTo(3);
		// One of the list's people is taken off monitoring: the list and the upload's page both stop counting him.
		var active = watches.search(broker.tenant().id(), new WatchFilter(null, null, done.listId(), null), 0, 10).stream()
			.map(WatchLine::watch).filter(w -> w.status() == WatchStatus.ACTIVE).toList();
		assertThat(active).hasSize(2);
		watches.stop(broker.tenant().id(), active.getFirst().id(), StopReason.STOPPED_BY_USER);

		Document lists = page("/monitoring/lists", admin);
		var row = lists.select("tbody tr").stream().filter(tr -> tr.text().contains("Повторы")).findFirst().orElseThrow();
		assertThat(row.select("td").eachText()).startsWith("Повторы", "1", "0", "1");

		Document upload = page("/monitoring/imports/" + id, admin);
		assertThat(upload.select("#imported").text()).isEqualTo("3");
		assertThat(upload.text()).contains("Принято строк")
			.contains("Список «Повторы» сейчас: на мониторинге — 1, ждут согласия — 0, сняты с мониторинга — 1.")
			.doesNotContain("Поставлено на мониторинг");
	}

	private UUID upload(Provisioned tenant, UserDetails who, String listName, String csv) throws Exception {
		MockHttpServletResponse response = mvc.perform(multipart("/monitoring/lists")
			.file(new MockMultipartFile("file", "clients.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("name", listName).param("segment", "PROSPECT").param("months", "6")
			.param("consentDate", LocalDate.now().toString()).param("consentPurpose", "Подбор кредита")
			.param("consentMethod", "PAPER").with(user(who)).with(csrf())).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).startsWith("/monitoring/imports/");
		UUID id = UUID.fromString(response.getRedirectedUrl().substring("/monitoring/imports/".length()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !imports.get(tenant.tenant().id(), id).isRunning());
		return id;
	}

	private Document page(String path, UserDetails who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsString());
	}
}
