package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Kredo.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() throws Exception {
		new Documenter(modules).writeDocumentation();
		assertThat(Files.list(Path.of("target/spring-modulith-docs")).map(p -> p.getFileName().toString()))
			.contains("components.puml", "all-docs.adoc");
	}
}
