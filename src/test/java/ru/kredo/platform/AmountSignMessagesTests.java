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
 * An amount in a message is never broken from its sign at the end of a line: a placeholder followed by the rouble sign
 * is separated from it by a no-break space ({@code {0}\u00a0₽}), as {@code money/Amounts} writes amounts everywhere.
 */
class AmountSignMessagesTests {

	private static final Pattern BREAKABLE = Pattern.compile("\\}[ \\t]+₽");

	@Test
	void aPlaceholderBeforeTheRoubleSignIsJoinedToItByANoBreakSpace() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Path bundle : List.of(Path.of("src/main/resources/messages.properties"),
				Path.of("src/main/resources/messages_en.properties"))) {
			Properties messages = new Properties();
			try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
				messages.load(reader);
			}
			for (String key : messages.stringPropertyNames()) {
				if (BREAKABLE.matcher(messages.getProperty(key)).find()) {
					wrong.add(bundle.getFileName() + ": " + key);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}
}
