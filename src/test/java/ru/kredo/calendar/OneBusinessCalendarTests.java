package ru.kredo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Moscow time is named in the calendar alone: everywhere else it is the agency's zone, a debtor's, or the calendar's. */
class OneBusinessCalendarTests {

	private static final Path MAIN = Path.of("src/main/java");
	private static final Path CALENDAR = MAIN.resolve("ru/kredo/calendar");

	@Test
	void noMainSourceOutsideTheCalendarNamesMoscowsZone() throws IOException {
		List<String> naming;
		try (Stream<Path> files = Files.walk(MAIN)) {
			naming = files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(CALENDAR))
				.filter(OneBusinessCalendarTests::namesMoscow)
				.map(Path::toString)
				.sorted()
				.toList();
		}
		assertThat(naming).as("main sources naming Europe/Moscow outside ru.kredo.calendar").isEmpty();
	}

	private static boolean namesMoscow(Path file) {
		try {
			return Files.readString(file).contains("Europe/Moscow");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
