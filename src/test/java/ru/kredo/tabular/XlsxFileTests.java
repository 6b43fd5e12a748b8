package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.kredo.platform.Rejected;

class XlsxFileTests {

	@TempDir
	Path directory;

	@Test
	void readsTheFirstSheetAsTextAPersonWouldTypeWithRowNumbersAsLines() throws IOException {
		Path xlsx = directory.resolve("registry.xlsx");
		try (OutputStream out = Files.newOutputStream(xlsx)) {
			Workbook workbook = new Workbook(out, "test", "1.0");
			Worksheet sheet = workbook.newWorksheet("Реестр");
			String[] header = { "ФИО", "Дата рождения", "Сумма ОД", "Телефон", "Договор" };
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
			}
			sheet.value(1, 0, "Иванов Иван Иванович");
			sheet.value(1, 1, LocalDate.of(1985, 3, 14));
			sheet.style(1, 1).format("dd.mm.yyyy").set();
			sheet.value(1, 2, new BigDecimal("12345.67"));
			sheet.value(1, 3, 79161234567L);
			sheet.value(1, 4, "КД-1/2020");
			// Row 3 left empty: skipped, and the next row keeps its own number.
			sheet.value(3, 0, "Петров Пётр");
			sheet.value(3, 2, 0.1 + 0.2);
			sheet.value(3, 4, 120045);
			workbook.newWorksheet("Другой лист").value(0, 0, "не читается");
			workbook.finish();
		}

		try (TabularFile file = TabularFile.open(xlsx)) {
			assertThat(file).isInstanceOf(XlsxFile.class);
			assertThat(file.header()).containsExactly(header());
			List<SourceRow> rows = all(file);
			assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 4L);
			assertThat(rows.get(0).values()).containsExactly("Иванов Иван Иванович", "1985-03-14", "12345.67",
					"79161234567", "КД-1/2020");
			assertThat(rows.get(1).get(2)).isEqualTo("0.3");
			assertThat(rows.get(1).get(4)).isEqualTo("120045");
			assertThat(rows.get(1).get(1)).isEmpty();
			assertThat(file.bytesRead()).isEqualTo(Files.size(xlsx));
		}
	}

	@Test
	void refusesAnOldBinaryExcelFileWithAReason() throws IOException {
		Path xls = directory.resolve("old.xls");
		Files.write(xls, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0 });
		assertThatThrownBy(() -> TabularFile.open(xls)).isInstanceOf(Rejected.class).hasMessage("import.xls-unsupported");
	}

	@Test
	void refusesAZipThatIsNoWorkbook() throws IOException {
		Path zip = directory.resolve("not-a-workbook.xlsx");
		try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			out.write("hello".getBytes());
		}
		assertThatThrownBy(() -> TabularFile.open(zip)).isInstanceOf(Rejected.class).hasMessage("import.xlsx-unreadable");
	}

	private static String[] header() {
		return new String[] { "ФИО", "Дата рождения", "Сумма ОД", "Телефон", "Договор" };
	}

	private static List<SourceRow> all(TabularFile file) {
		List<SourceRow> rows = new ArrayList<>();
		for (SourceRow row = file.next(); row != null; row = file.next()) {
			rows.add(row);
		}
		return rows;
	}
}
