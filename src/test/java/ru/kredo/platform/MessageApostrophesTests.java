package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A message with an argument is formatted by {@link java.text.MessageFormat}, where a lone apostrophe starts quoted
 * text: «the agency's rules, {0}» would print «the agencys rules, {0}» with the argument never put in. Such a message
 * writes it doubled ({@code ''}); one without arguments is printed as written and keeps a single one.
 */
class MessageApostrophesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void aMessageWithAnArgumentDoublesItsApostrophes() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Path bundle : List.of(Path.of("src/main/resources/messages.properties"),
				Path.of("src/main/resources/messages_en.properties"))) {
			Properties messages = new Properties();
			try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
				messages.load(reader);
			}
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				if (ARGUMENT.matcher(text).find() && LONE_APOSTROPHE.matcher(text).find()) {
					wrong.add(bundle.getFileName() + ": " + key);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}
}
