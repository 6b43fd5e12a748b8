package ru.kredo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Years an operator adds without a release: {@code <year>.txt} files in {@code kredo.calendar.directory}, taking
 * precedence over Kredo's own, all read and checked at once, and a wrong one refused naming its file and line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionCalendarDirectoryTests {

	/** A made-up decree for 2027 (the real one is not at hand): 31 December off, 30 December shortened. */
	static final String YEAR_2027 = """
			# Производственный календарь на 2027 год (для теста)
			decree: Постановление Правительства РФ (тестовое) «О переносе выходных дней в 2027 году»
			2027-12-30 shortened   перед 31 декабря
			2027-12-31 day-off     перенесён
			""";

	@TempDir
	Path directory;

	@Test
	void aYearFromTheDirectoryIsADecreesYear() throws IOException {
		Files.writeString(directory.resolve("2027.txt"), YEAR_2027);

		ProductionCalendar calendar = ProductionCalendar.russian(directory);

		assertThat(calendar.isProvisional(2027)).isFalse();
		assertThat(calendar.kindOf(LocalDate.parse("2027-12-31"))).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
		assertThat(calendar.kindOf(LocalDate.parse("2027-12-30"))).isEqualTo(DayKind.SHORTENED);
		assertThat(calendar.day(LocalDate.parse("2027-03-01")).provisional()).isFalse();
		assertThat(calendar.decree(2027)).hasValueSatisfying(decree -> assertThat(decree).contains("2027 году"));
		ProductionCalendar.YearSource source = calendar.source(2027);
		assertThat(source.file()).contains(directory.resolve("2027.txt").toAbsolutePath().toString());
		assertThat(source.operators()).isTrue();
		// Kredo's own years are still there, and the next year is provisional.
		assertThat(calendar.decree(2026)).hasValueSatisfying(decree -> assertThat(decree).contains("№ 1466"));
		assertThat(calendar.source(2026).operators()).isFalse();
		assertThat(calendar.isProvisional(2028)).isTrue();
		assertThat(calendar.encodedYears()).containsOnlyKeys(2025, 2026, 2027);
		assertThat(calendar.encodedYears().get(2026).workingDays()).isEqualTo(247);
		assertThat(calendar.encodedYears().get(2026).shortenedDays()).isEqualTo(4);
	}

	@Test
	void aFileInTheDirectoryTakesPrecedenceOverKredosOwn() throws IOException {
		// An operator's correction of 2026: Monday 12 January off as well.
		Files.writeString(directory.resolve("2026.txt"), """
				decree: Постановление Правительства РФ от 24.09.2025 № 1466 (с исправлением)
				2026-01-09 day-off
				2026-01-12 day-off
				2026-03-09 day-off
				2026-04-30 shortened
				2026-05-08 shortened
				2026-05-11 day-off
				2026-06-11 shortened
				2026-11-03 shortened
				2026-12-31 day-off
				""");

		ProductionCalendar calendar = ProductionCalendar.russian(directory);

		assertThat(calendar.kindOf(LocalDate.parse("2026-01-12"))).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
		assertThat(calendar.decree(2026)).hasValueSatisfying(decree -> assertThat(decree).contains("исправлением"));
		assertThat(calendar.source(2026).workingDays()).isEqualTo(246);
		assertThat(calendar.source(2026).operators()).isTrue();
		assertThat(ProductionCalendar.russian().kindOf(LocalDate.parse("2026-01-12"))).isEqualTo(DayKind.WORKING);
	}

	@Test
	void acceptsAByteOrderMarkAndIgnoresFilesThatAreNotText() throws IOException {
		Files.writeString(directory.resolve("2027.txt"), "\uFEFF" + YEAR_2027);
		Files.writeString(directory.resolve("README.md"), "calendars");
		Files.writeString(directory.resolve("2027.txt.bak"), "decree: old");
		Files.writeString(directory.resolve(".2027.txt"), "an editor's copy");

		assertThat(ProductionCalendar.russian(directory).isProvisional(2027)).isFalse();
	}

	@Test
	void anEmptyDirectoryChangesNothing() {
		ProductionCalendar calendar = ProductionCalendar.russian(directory);

		assertThat(calendar.encodedYears()).containsOnlyKeys(2025, 2026);
		assertThat(calendar.isProvisional(2027)).isTrue();
	}

	@Test
	void refusesADirectoryThatIsNotThere() {
		Path missing = directory.resolve("calendars");

		assertThatThrownBy(() -> ProductionCalendar.russian(missing)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("kredo.calendar.directory").hasMessageContaining(missing.toString())
			.hasMessageContaining("no such directory");
	}

	@Test
	void refusesATextFileNotNamedForItsYear() throws IOException {
		Files.writeString(directory.resolve("2027-draft.txt"), YEAR_2027);

		assertThatThrownBy(() -> ProductionCalendar.russian(directory))
			.hasMessageContaining(directory.resolve("2027-draft.txt").toString()).hasMessageContaining("<year>.txt");
	}

	@Test
	void refusesAYearThatIsNotAFile() throws IOException {
		Files.createDirectory(directory.resolve("2027.txt"));

		assertThatThrownBy(() -> ProductionCalendar.russian(directory))
			.hasMessageContaining(directory.resolve("2027.txt").toString()).hasMessageContaining("not a file");
	}

	@Test
	void refusesAFileThatIsNotUtf8() throws IOException {
		Files.write(directory.resolve("2027.txt"), YEAR_2027.getBytes(Charset.forName("windows-1251")));

		assertThatThrownBy(() -> ProductionCalendar.russian(directory))
			.hasMessageContaining(directory.resolve("2027.txt").toString()).hasMessageContaining("not UTF-8");
	}

	@Test
	void refusesAFileWithoutADecree() throws IOException {
		Files.writeString(directory.resolve("2027.txt"), "2027-12-31 day-off\n");

		assertThatThrownBy(() -> ProductionCalendar.russian(directory))
			.hasMessageContaining(directory.resolve("2027.txt").toString()).hasMessageContaining("names no decree");
	}

	/** Each kind of wrong line, refused with the file's path and the line's number. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"2027-12-31                | a date and a kind expected",
			"2027-13-01 day-off        | not a date: 2027-13-01",
			"31.12.2027 day-off        | not a date: 31.12.2027",
			"2026-12-31 day-off        | 2026-12-31 is not in 2027",
			"2027-05-09 day-off        | 2027-05-09 is a holiday of ст. 112 ТК РФ",
			"2027-12-31 holiday        | unknown kind holiday",
			"2027-01-09 day-off        | day-off on a weekend day",
			"2027-12-29 working        | working on a weekday",
			"2027-12-31 day-off        | 2027-12-31 is listed twice",
			"decree: another           | a second decree: line",
			"decree:                   | names no decree" })
	void refusesAWrongLineSayingWhichFileAndLine(String line, String why) throws IOException {
		Path file = directory.resolve("2027.txt");
		Files.writeString(file, YEAR_2027 + line + "\n", StandardCharsets.UTF_8);
		int number = (int) YEAR_2027.lines().count() + 1;

		assertThatThrownBy(() -> ProductionCalendar.russian(directory)).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith(file.toAbsolutePath() + ", line " + number + ": ").hasMessageContaining(why);
	}

	@Test
	void theSpringBeanReadsTheDirectoryAndLogsEachYearsSourceAndWorkingDays(CapturedOutput output) throws IOException {
		Files.writeString(directory.resolve("2027.txt"), YEAR_2027);
		Clock clock = Clock.fixed(Instant.parse("2027-06-01T09:00:00Z"), BusinessCalendar.MOSCOW);

		BusinessCalendar calendar = new BusinessCalendar(clock, BusinessCalendar.MOSCOW, directory.toString());

		assertThat(calendar.days().isProvisional(2027)).isFalse();
		long working2027 = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2028, 1, 1))
			.filter(calendar.days()::isWorkingDay).count();
		assertThat(output).contains("Production calendar 2026: 247 working days (4 shortened), decree «Постановление "
				+ "Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»», from calendar/ru/2026.txt "
				+ "(Kredo's own)");
		assertThat(output).contains("Production calendar 2027: " + working2027 + " working days (1 shortened)")
			.contains("from " + directory.resolve("2027.txt").toAbsolutePath() + " (kredo.calendar.directory)");
		assertThat(output).contains("Production calendar 2028: provisional");
	}

	/** The setting as Spring gives it, and a wrong file stopping the start with its name and line. */
	@Test
	void theSettingIsReadWhereTheBeanIsMadeAndAWrongFileStopsTheStart() throws IOException {
		ApplicationContextRunner context = new ApplicationContextRunner()
			.withBean(Clock.class, () -> Clock.fixed(Instant.parse("2027-06-01T09:00:00Z"), BusinessCalendar.MOSCOW))
			.withBean(BusinessCalendar.class)
			.withPropertyValues("kredo.calendar.directory=" + directory);
		Files.writeString(directory.resolve("2027.txt"), YEAR_2027);
		context.run(started -> assertThat(started.getBean(BusinessCalendar.class).days().isProvisional(2027)).isFalse());

		Files.writeString(directory.resolve("2027.txt"), YEAR_2027 + "2027-02-30 day-off\n");
		context.run(failed -> assertThat(failed).hasFailed().getFailure().rootCause()
			.hasMessage(directory.resolve("2027.txt").toAbsolutePath() + ", line 5: not a date: 2027-02-30"));
	}

	@Test
	void withoutADirectoryTheBeanHasKredosOwnYears() {
		Clock clock = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), BusinessCalendar.MOSCOW);

		BusinessCalendar calendar = new BusinessCalendar(clock, BusinessCalendar.MOSCOW, " ");

		assertThat(calendar.days()).isSameAs(ProductionCalendar.russian());
		assertThat(calendar.days().isProvisional(2027)).isTrue();
		assertThat(calendar.days().decree(2026)).isNotEmpty();
		assertThat(new ProductionCalendar(year -> Optional.empty()).encodedYears()).isEmpty();
	}
}
