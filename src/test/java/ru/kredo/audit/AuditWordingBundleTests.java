package ru.kredo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every audit action reads as words in both languages: the dashboard and the audit log show them by key. */
class AuditWordingBundleTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_en.properties" })
	void everyActionHasItsWording(String bundle) throws IOException {
		Properties words = new Properties();
		try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/" + bundle), StandardCharsets.UTF_8)) {
			words.load(in);
		}
		List<String> missing = new ArrayList<>();
		for (AuditAction action : AuditAction.values()) {
			String wording = words.getProperty("audit.action." + action.name());
			if (wording == null || wording.isBlank()) {
				missing.add(action.name());
			}
		}
		assertThat(missing).as("audit actions without words in %s", bundle).isEmpty();
	}
}
