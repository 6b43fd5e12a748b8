package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every event type an endpoint may choose is documented with a whole example payload in {@code docs/webhooks.md}
 * (issue 15: «each with a documented, versioned payload and an example»): a type added to {@link WebhookPayloads}
 * without its example fails here.
 */
class WebhookDocsTests {

	private static final Pattern EXAMPLE = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
	private static final Pattern TYPE = Pattern.compile("\"type\":\\s*\"([^\"]+)\"");

	@Test
	void everyEventTypeHasAnExamplePayloadInTheDocs() throws Exception {
		String docs = Files.readString(Path.of("docs/webhooks.md"));
		Set<String> exemplified = new HashSet<>();
		Matcher example = EXAMPLE.matcher(docs);
		while (example.find()) {
			Matcher type = TYPE.matcher(example.group(1));
			if (type.find()) {
				exemplified.add(type.group(1));
			}
		}
		assertThat(WebhookPayloads.EVENT_TYPES).as("event types with an example in docs/webhooks.md")
			.allSatisfy(type -> assertThat(exemplified).contains(type));
	}
}
