package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import ru.kredo.platform.Rejected;

/**
 * However many workbooks are uploaded at once, only so many are read at once (each may hold hundreds of megabytes of
 * shared strings): the next waits for a slot, and gives up at its deadline; a CSV never waits.
 */
class WorkbookSlotsTests {

	@TempDir
	Path directory;

	@Test
	void aWorkbookPastTheSlotsWaitsForOneAndGivesUpAtItsDeadline() throws IOException {
		Path xlsx = HostileFiles.xlsxWithManyRows(directory.resolve("list.xlsx"), BoundedReadingTests.HEADER,
				List.of("Иванов Иван", "01.01.1980"), 3);
		Path csv = Files.writeString(directory.resolve("list.csv"), "ФИО;Дата рождения\nИванов Иван;01.01.1980\n");
		ImportLimits halfASecond = new ImportLimits(DataSize.ofGigabytes(1), DataSize.ofMegabytes(128), 200, 32767,
				1_000_000, 1000, 1_000_000, 10_000, Duration.ofMillis(500));
		int free = WorkbookSlots.free();
		List<TabularFile> open = new ArrayList<>();
		try {
			for (int i = 0; i < free; i++) {
				open.add(TabularFile.open(xlsx));
			}
			assertThat(WorkbookSlots.free()).isZero();

			long started = System.nanoTime();
			assertThatThrownBy(() -> TabularFile.open(xlsx, h -> true, halfASecond).close()).isInstanceOf(Rejected.class)
				.hasMessage("import.too-slow");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
			try (TabularFile table = TabularFile.open(csv, h -> true, halfASecond)) {
				assertThat(table.next().values()).containsExactly("Иванов Иван", "01.01.1980");
			}

			open.remove(0).close();
			try (TabularFile table = TabularFile.open(xlsx, h -> true, halfASecond)) {
				assertThat(table.next().values()).containsExactly("Иванов Иван", "01.01.1980");
			}
		}
		finally {
			for (TabularFile file : open) {
				file.close();
			}
		}
		assertThat(WorkbookSlots.free()).isEqualTo(free);
	}

	@Test
	void aRefusedOrEmptyWorkbookGivesItsSlotBack() throws IOException {
		int free = WorkbookSlots.free();
		Path bomb = HostileFiles.xlsx(directory.resolve("far.xlsx"), BoundedReadingTests.HEADER, out -> out.write(
				"<row r=\"2\"><c r=\"ZZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>".getBytes(StandardCharsets.UTF_8)), null);
		Path empty = HostileFiles.xlsx(directory.resolve("empty.xlsx"), List.of(), out -> {
		}, null);

		for (int i = 0; i <= free; i++) {
			assertThatThrownBy(() -> TabularFile.open(bomb).close()).isInstanceOf(Rejected.class);
			assertThatThrownBy(() -> TabularFile.open(empty).close()).isInstanceOf(Rejected.class);
		}
		assertThat(WorkbookSlots.free()).isEqualTo(free);
	}
}
