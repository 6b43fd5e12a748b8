package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.kredo.platform.Rejected;

class CsvFileTests {

	@TempDir
	Path directory;

	@Test
	void readsAWindows1251ExportWithSemicolonsAndQuotedFields() throws IOException {
		try (CsvFile file = CsvFile.open(Path.of("src/test/resources/imports/crm-export-cp1251.csv"))) {
			assertThat(file.charset()).isEqualTo(TextEncoding.WINDOWS_1251);
			assertThat(file.separator()).isEqualTo(';');
			assertThat(file.header()).startsWith("Фамилия", "Имя", "Отчество", "Дата рождения");
			List<SourceRow> rows = all(file);
			assertThat(rows.getFirst().values()).contains("Звонить после 18:00; лучше на мобильный");
			assertThat(rows).extracting(r -> r.get(0))
				.containsExactly("Иванов", "Петрова", "Сидоров", "Кузнецова", "Смирнов", "Волков", "Морозова");
		}
	}

	@Test
	void numbersRowsByTheirLineInTheFileCountingLinesInsideQuotesAndBlankLines() throws IOException {
		Path csv = write("ФИО;ДР\nИванов Иван;01.01.1980\n\n\"Петров\nПётр\";02.02.1980\nСидоров Сидор;03.03.1980\n",
				StandardCharsets.UTF_8);
		try (CsvFile file = CsvFile.open(csv)) {
			assertThat(all(file)).extracting(SourceRow::line).containsExactly(2L, 4L, 6L);
		}
	}

	@Test
	void detectsUtf8WithAndWithoutBom() throws IOException {
		Path withBom = directory.resolve("bom.csv");
		Files.write(withBom, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"ФИО,Дата рождения\nЁлкина Анна,1990-01-01\n".getBytes(StandardCharsets.UTF_8)));
		try (CsvFile file = CsvFile.open(withBom)) {
			assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(file.separator()).isEqualTo(',');
			assertThat(file.header()).containsExactly("ФИО", "Дата рождения");
			assertThat(file.next().get(0)).isEqualTo("Ёлкина Анна");
		}
		try (CsvFile file = CsvFile.open(write("ФИО;ДР\nЁлкина Анна;01.01.1990\n", StandardCharsets.UTF_8))) {
			assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(file.next().get(0)).isEqualTo("Ёлкина Анна");
		}
	}

	@Test
	void fallsBackToWindows1251WhenTheBytesAreNotUtf8() throws IOException {
		try (CsvFile file = CsvFile.open(write("ФИО\tДР\nЁлкина Анна\t01.01.1990\n", TextEncoding.WINDOWS_1251))) {
			assertThat(file.charset()).isEqualTo(TextEncoding.WINDOWS_1251);
			assertThat(file.separator()).isEqualTo('\t');
			assertThat(file.next().values()).containsExactly("Ёлкина Анна", "01.01.1990");
		}
	}

	@Test
	void countsSeparatorsOnlyOutsideQuotes() {
		assertThat(Separator.detect("\"Фамилия, имя, отчество\";\"Дата рождения\"")).isEqualTo(';');
		assertThat(Separator.detect("\"ФИО; полностью\",Дата рождения,Телефон")).isEqualTo(',');
		assertThat(Separator.detect("ФИО\tДата рождения\tТелефон")).isEqualTo('\t');
		assertThat(Separator.detect("ФИО")).isEqualTo(';');
	}

	@Test
	void findsTheHeaderBelowATitleWhenAskedToAndKeepsTheLinesOfTheFile() throws IOException {
		Path csv = write("Реестр должников на 01.03.2026;;\n;;\nФИО;ДР;Сумма\nИванов Иван;01.01.1980;100\n",
				StandardCharsets.UTF_8);
		try (TabularFile file = TabularFile.open(csv, header -> header.contains("ФИО"))) {
			assertThat(file.header()).containsExactly("ФИО", "ДР", "Сумма");
			assertThat(file.next()).isEqualTo(new SourceRow(4, List.of("Иванов Иван", "01.01.1980", "100")));
			assertThat(file.next()).isNull();
		}
		try (TabularFile file = TabularFile.open(csv, header -> header.contains("нет такого"))) {
			assertThat(file.header().getFirst()).isEqualTo("Реестр должников на 01.03.2026");
			assertThat(file.next().line()).isEqualTo(3);
		}
	}

	@Test
	void refusesAnEmptyFile() throws IOException {
		Path empty = write("\n\n", StandardCharsets.UTF_8);
		assertThatThrownBy(() -> CsvFile.open(empty)).isInstanceOf(Rejected.class).hasMessage("import.file-empty");
	}

	private Path write(String text, Charset charset) throws IOException {
		Path file = Files.createTempFile(directory, "list", ".csv");
		Files.writeString(file, text, charset);
		return file;
	}

	private static List<SourceRow> all(CsvFile file) {
		List<SourceRow> rows = new ArrayList<>();
		for (SourceRow row = file.next(); row != null; row = file.next()) {
			rows.add(row);
		}
		return rows;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}
}
