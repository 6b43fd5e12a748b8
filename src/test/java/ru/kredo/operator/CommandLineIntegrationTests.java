package ru.kredo.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import ru.kredo.IntegrationTest;
import ru.kredo.Kredo;

/** The documented command line, run as a script would, against the same database as the running application. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CommandLineIntegrationTests {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void sameConfigurationAsTheApplication() {
		System.setProperty("spring.profiles.active", "test");
	}

	@AfterEach
	void restore() {
		System.clearProperty("spring.profiles.active");
	}

	@Test
	void createsATenantWithItsAdminAndPrintsAWorkingApiKey(CapturedOutput output) throws Exception {
		String name = "ООО Ромашка " + UUID.randomUUID().toString().substring(0, 8);
		String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@romashka.ru";

		int exit = KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name", name, "--kind",
				"COLLECTOR", "--admin-email", email, "--admin-name", "Анна Петрова" });

		assertThat(exit).isZero();
		String apiKey = printed(output, "api-key");
		String password = printed(output, "admin.password");
		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + apiKey))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.kind").value("COLLECTOR"));
		mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(email).password(password))
			.andExpect(MockMvcResultMatchers.redirectedUrl("/"));
	}

	@Test
	void createsASandboxTenantOnlyWhenAskedAndForGood(CapturedOutput output) {
		String sandbox = "ООО Песочница " + UUID.randomUUID().toString().substring(0, 8);
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name", sandbox, "--kind",
				"COLLECTOR", "--sandbox", "--admin-email", "s-" + UUID.randomUUID().toString().substring(0, 8) + "@sand.ru",
				"--admin-name", "Анна" })).isZero();
		assertThat(printed(output, "tenant.sandbox")).isEqualTo("true");
		ru.kredo.tenancy.TenantId created = new ru.kredo.tenancy.TenantId(UUID.fromString(printed(output, "tenant.id")));
		assertThat(clocks.isSandbox(created)).isTrue();

		String real = "ООО Настоящая " + UUID.randomUUID().toString().substring(0, 8);
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name", real, "--kind",
				"COLLECTOR", "--admin-email", "r-" + UUID.randomUUID().toString().substring(0, 8) + "@real.ru",
				"--admin-name", "Анна" })).isZero();
		assertThat(clocks.isSandbox(tenants.findByName(real).orElseThrow().id())).isFalse();
	}

	@Autowired
	ru.kredo.tenancy.TenantClocks clocks;

	@Autowired
	ru.kredo.tenancy.TenantDirectory tenants;

	@Test
	void refusesADuplicateTenantWithAReasonInRussian(CapturedOutput output) {
		String name = "ООО Дубль " + UUID.randomUUID().toString().substring(0, 8);
		String[] create = { "tenant", "create", "--name", name, "--kind", "BROKER", "--admin-email",
				"a-" + UUID.randomUUID().toString().substring(0, 8) + "@dubl.ru", "--admin-name", "Иван", "--admin-password",
				"long-enough-password" };
		assertThat(KredoCommandLine.run(Kredo.class, create)).isZero();

		assertThat(KredoCommandLine.run(Kredo.class, create)).isEqualTo(2);
		assertThat(output.getErr()).contains("Организация с таким названием уже есть.");
	}

	@Test
	void refusesACommonAdminPasswordAndCreatesNothing(CapturedOutput output) {
		String name = "ООО Слабый пароль " + UUID.randomUUID().toString().substring(0, 8);
		int exit = KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name", name, "--kind",
				"BROKER", "--admin-email", "a-" + UUID.randomUUID().toString().substring(0, 8) + "@weak.ru",
				"--admin-name", "Иван", "--admin-password", "12345678" });

		assertThat(exit).isEqualTo(2);
		assertThat(output.getErr()).contains("Пароль слишком простой");
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name", name, "--kind",
				"BROKER", "--admin-email", "b-" + UUID.randomUUID().toString().substring(0, 8) + "@weak.ru",
				"--admin-name", "Иван", "--admin-password", "long-enough-password" })).as("the name is still free").isZero();
	}

	@Test
	void refusesAnUnknownKind(CapturedOutput output) {
		int exit = KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name", "X", "--kind", "BANK",
				"--admin-email", "x@x.ru", "--admin-name", "X" });

		assertThat(exit).isEqualTo(2);
		assertThat(output.getErr()).contains("--kind", "BANK");
	}

	@Test
	void simulatesABureauFileAndImportsItOnceReportingTheBadLine(CapturedOutput output, @TempDir Path dir)
			throws Exception {
		Path file = dir.resolve("bureau.jsonl");
		String source = "cli-bureau-" + UUID.randomUUID();
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "events", "simulate", "--seed", "5", "--people",
				"100", "--events", "40", "--source", source, "--out", file.toString() })).isZero();
		assertThat(Files.readAllLines(file)).hasSize(40);
		Files.writeString(file, "{\"source\": \"x\"}\n", StandardOpenOption.APPEND);

		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "events", "import", file.toString() })).isEqualTo(2);
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "events", "import", file.toString() })).isEqualTo(2);

		assertThat(output.getOut()).contains("received=41", "accepted=40", "duplicates=0", "rejected=1",
				"accepted=0", "duplicates=40", "line 41: event.subject-required Укажите субъекта события");
	}

	@Test
	void takesSpringSettingsAnywhereAmongTheArguments(CapturedOutput output) throws Exception {
		System.clearProperty("spring.profiles.active");
		String email = "cli-" + UUID.randomUUID().toString().substring(0, 8) + "@romashka.ru";

		int exit = KredoCommandLine.run(Kredo.class, new String[] { "--spring.profiles.active=test", "tenant", "create",
				"--name", "ООО Настройки " + UUID.randomUUID().toString().substring(0, 8), "--kind", "BROKER",
				"--admin-email", email, "--admin-name", "Анна Петрова", "--spring.main.lazy-initialization=false" });

		assertThat(exit).as(output.getErr()).isZero();
		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + printed(output, "api-key")))
			.andExpect(status().isOk());
	}

	@Test
	void printsOnlyItsResultOnStandardOutput(CapturedOutput output) {
		String email = "only-" + UUID.randomUUID().toString().substring(0, 8) + "@romashka.ru";
		int outBefore = output.getOut().length();
		int errBefore = output.getErr().length();

		int exit = KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name",
				"ООО Вывод " + UUID.randomUUID().toString().substring(0, 8), "--kind", "BROKER", "--admin-email", email,
				"--admin-name", "Анна Петрова", "--logging.level.ru.kredo=info" });

		assertThat(exit).isZero();
		assertThat(output.getOut().substring(outBefore).lines().filter(line -> !line.isBlank()))
			.as("standard output holds key=value lines only")
			.allMatch(line -> line.matches("(tenant\\.id|tenant\\.name|tenant\\.kind|admin\\.email|admin\\.password|api-key)=.+"));
		assertThat(output.getErr().substring(errBefore)).as("the log went to standard error").contains("INFO");
	}

	@Test
	void createsAPlatformOperatorAndIssuesAFeedKeyWithoutTheDemo(CapturedOutput output) throws Exception {
		String email = "operator-" + UUID.randomUUID().toString().substring(0, 8) + "@kredo.example";

		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "operator", "create", "--email", email, "--name",
				"Ольга Операторова" })).isZero();
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "feed-key", "issue", "--name", "НБКИ" })).isZero();

		mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(email)
			.password(printed(output, "operator.password"))).andExpect(MockMvcResultMatchers.redirectedUrl("/"));
		mvc.perform(post("/api/v1/events").header("Authorization", "Bearer " + printed(output, "api-key"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"source\":\"cli-feed-" + UUID.randomUUID() + "\",\"eventId\":\"1\",\"type\":\"LOAN_DISBURSED\","
					+ "\"occurredAt\":\"2026-11-30T10:00:00+03:00\",\"subject\":{\"lastName\":\"Иванов\","
					+ "\"firstName\":\"Иван\",\"birthDate\":\"1980-01-01\"}}\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	@Test
	void refusesASecondOperatorWithTheSameLoginInRussian(CapturedOutput output) {
		String[] create = { "operator", "create", "--email", "twice-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@kredo.example", "--name", "Дважды", "--password", "long-enough-password-7" };
		assertThat(KredoCommandLine.run(Kredo.class, create)).isZero();

		assertThat(KredoCommandLine.run(Kredo.class, create)).isEqualTo(2);
		assertThat(output.getErr()).doesNotContain("user.email-taken").isNotBlank();
	}

	/** The one way to reset an admin's password (no admin resets another's): the operator prints a one-time link. */
	@Test
	void issuesAPasswordLinkForAnAdminThatSetsHisNewPassword(CapturedOutput output) throws Exception {
		String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@link.ru";
		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "tenant", "create", "--name",
				"ООО Ссылка " + UUID.randomUUID().toString().substring(0, 8), "--kind", "BROKER", "--admin-email", email,
				"--admin-name", "Анна Петрова" })).isZero();

		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "user", "password-link", "--email", email })).isZero();
		String link = java.net.URI.create(printed(output, "password-link")).getPath();
		mvc.perform(post(link).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("newPassword", "вечерний чай с лимоном").param("repeatPassword", "вечерний чай с лимоном"))
			.andExpect(MockMvcResultMatchers.redirectedUrl("/login"));
		mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(email).password("вечерний чай с лимоном"))
			.andExpect(MockMvcResultMatchers.redirectedUrl("/"));

		assertThat(KredoCommandLine.run(Kredo.class, new String[] { "user", "password-link", "--email",
				"nobody-" + UUID.randomUUID() + "@link.ru" })).isEqualTo(2);
		assertThat(output.getErr()).contains("Пользователь не найден.");
	}

	private static String printed(CapturedOutput output, String key) {
		Matcher line = Pattern.compile("^" + Pattern.quote(key) + "=(.+)$", Pattern.MULTILINE).matcher(output.getOut());
		assertThat(line.find()).as("printed " + key).isTrue();
		return line.group(1).strip();
	}
}
