package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import ru.kredo.platform.Rejected;
import ru.kredo.tabular.HostileFiles.Part;

/**
 * Whatever a file unpacks or parses to, reading it holds little and stops at the limits with a code: the issue's
 * 613 KB workbook with a 600 MB cell, zip bombs, an unclosed quote in a huge CSV, endless rows.
 */
class BoundedReadingTests {

	static final List<String> HEADER = List.of("ФИО", "Дата рождения");

	@TempDir
	Path directory;

	@Test
	void aWorkbookWhoseOneCellUnpacksToHundredsOfMegabytesIsRefusedBeforeTheReaderSeesIt() throws IOException {
		Path bomb = HostileFiles.xlsxWithHugeCell(directory.resolve("bomb.xlsx"), HEADER, 300L * 1024 * 1024);
		assertThat(Files.size(bomb)).isLessThan(2 * 1024 * 1024);

		assertThatThrownBy(() -> TabularFile.open(bomb).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.cell-too-long");
	}

	@Test
	void aWorkbookWhoseSharedStringUnpacksToHundredsOfMegabytesIsRefused() throws IOException {
		Path bomb = HostileFiles.xlsxWithHugeSharedString(directory.resolve("sst.xlsx"), HEADER, 200L * 1024 * 1024);

		assertThatThrownBy(() -> TabularFile.open(bomb).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.cell-too-long");
	}

	@Test
	void aZipBombOfShortRowsIsRefusedByItsCompressionRatio() throws IOException {
		Path bomb = HostileFiles.xlsxWithManyRows(directory.resolve("rows.xlsx"), HEADER, List.of("x", "y"), 2_000_000);

		assertThatThrownBy(() -> TabularFile.open(bomb).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.file-too-complex")
			.satisfies(ex -> assertThat(((Rejected) ex).arguments()).containsExactly(1024L, 200));
	}

	@Test
	void aPartOverItsUnpackedSizeIsRefusedWhateverItsRatio() throws IOException {
		Path rows = HostileFiles.xlsxWithManyRows(directory.resolve("rows.xlsx"), HEADER, List.of("x", "y"), 100_000);
		ImportLimits limits = limits(DataSize.ofMegabytes(1), 100_000, 32767, 1_000_000);

		assertThatThrownBy(() -> TabularFile.open(rows, h -> true, limits).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.file-too-complex");
		try (TabularFile file = TabularFile.open(rows, h -> true, limits(DataSize.ofMegabytes(10), 100_000, 32767, 1_000_000))) {
			assertThat(file.next().values()).containsExactly("x", "y");
		}
	}

	@Test
	void sharedStringsAreBoundedWhateverTheRootElementOfTheirPartSays() throws IOException {
		// The reader finds the shared strings by [Content_Types].xml, not by <sst>: a part renamed <x> once held 1 GB.
		Random random = new Random(7);
		Path renamed = HostileFiles.xlsx(directory.resolve("renamed.xlsx"), HEADER, out -> out.write(
				"<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99999</v></c></row>".getBytes(StandardCharsets.UTF_8)), out -> {
					out.write("<x xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">".getBytes(StandardCharsets.UTF_8));
					for (int i = 0; i < 100_000; i++) {
						out.write(("<si><t>" + random.nextInt(1_000_000) + "</t></si>").getBytes(StandardCharsets.UTF_8));
					}
					out.write("</x>".getBytes(StandardCharsets.UTF_8));
				});
		ImportLimits oneMegabyte = new ImportLimits(DataSize.ofGigabytes(1), DataSize.ofMegabytes(1), 200, 32767, 1_000_000,
				1000, 1_000_000, 10_000, Duration.ofHours(1));

		assertThatThrownBy(() -> TabularFile.open(renamed, h -> true, oneMegabyte).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.file-too-complex-strings")
			.satisfies(ex -> assertThat(((Rejected) ex).arguments()).containsExactly(1L));
		try (TabularFile file = TabularFile.open(renamed, h -> true, limits(DataSize.ofGigabytes(1), 200, 32767, 1_000_000))) {
			assertThat(file.next().values()).hasSize(1);
		}
	}

	@Test
	void aStylesPartOfMillionsOfCellFormatsIsRefusedBeforeTheReaderListsThem() throws IOException {
		// The reader keeps every <xf> of the styles in a list: 4 million of them, 13 MB packed, held 200 MB.
		Random random = new Random(7);
		Path styles = HostileFiles.xlsx(directory.resolve("styles.xlsx"), HEADER, out -> {
		}, null, out -> {
			out.write("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs>"
				.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i <= WorkbookScan.MAX_FORMATS; i++) {
				out.write(("<xf numFmtId=\"" + random.nextInt(100_000) + "\"/>").getBytes(StandardCharsets.UTF_8));
			}
			out.write("</cellXfs></styleSheet>".getBytes(StandardCharsets.UTF_8));
		}, 0);

		assertThatThrownBy(() -> TabularFile.open(styles).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.file-too-complex-styles");
	}

	@Test
	void manySmallPartsThatTogetherUnpackAThousandToOneAreAZipBombToo() throws IOException {
		// Each part is under the megabyte from which a part's own ratio is asked: 10,000 of them scanned 10 GB.
		Path parts = HostileFiles.xlsx(directory.resolve("parts.xlsx"), HEADER, out -> {
		}, null, null, 300);

		assertThatThrownBy(() -> TabularFile.open(parts).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.file-too-complex");
	}

	@Test
	void theCheckOfAWorkbookStopsAtTheImportsDeadline() throws IOException {
		Path rows = HostileFiles.xlsxWithManyRows(directory.resolve("rows.xlsx"), HEADER, List.of("x", "y"), 100);
		ImportLimits noTime = new ImportLimits(DataSize.ofGigabytes(1), DataSize.ofMegabytes(128), 200, 32767, 1_000_000,
				1000, 1_000_000, 10_000, Duration.ZERO);

		assertThatThrownBy(() -> TabularFile.open(rows, h -> true, noTime).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.too-slow");
	}

	@Test
	void aCellNamingASharedStringPastTheLastIsRefusedBeforeTheReaderLooksForIt() throws IOException {
		// The reader read on past the end of the strings for it, an empty one at a time: 2 KB took the heap in 100 s.
		Part oneString = out -> out.write("<sst><si><t>Иванов Иван</t></si></sst>".getBytes(StandardCharsets.UTF_8));
		for (String value : List.of("999999999", "1", "99999999999999999999", "&#57;", "<![CDATA[0]]>", "-1", "")) {
			Path xlsx = HostileFiles.xlsx(directory.resolve("index.xlsx"), HEADER, out -> out.write(
					("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>" + value + "</v></c></row>").getBytes(StandardCharsets.UTF_8)),
					oneString);

			assertThatThrownBy(() -> TabularFile.open(xlsx).close()).as(value).isInstanceOf(Rejected.class)
				.hasMessage("import.xlsx-unreadable");
		}
		Path good = HostileFiles.xlsx(directory.resolve("good.xlsx"), HEADER, out -> out.write(
				"<row r=\"2\"><c r=\"A2\" t='s'><v>0</v></c><c r=\"B2\"><v>1</v></c></row>".getBytes(StandardCharsets.UTF_8)),
				oneString);
		try (TabularFile file = TabularFile.open(good)) {
			assertThat(file.next().values()).containsExactly("Иванов Иван", "1");
		}
	}

	@Test
	void whateverTheReaderThrowsOnAStrangeCellIsARefusalAtItsRowNotAnError() throws IOException {
		// A row number past an int, an unknown cell type, a negative style, a date past any calendar: plain runtime
		// exceptions of the reader, which answered 500 when met in the header's rows.
		List<String> rows = List.of("<row r=\"99999999999\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>",
				"<row r=\"2\"><c r=\"A2\" t=\"zz\"><v>1</v></c></row>", "<row r=\"2\"><c r=\"A2\" s=\"-1\"><v>1</v></c></row>",
				"<row r=\"2\"><c r=\"-5\"><v>1</v></c></row>", "<row r=\"2\"><c r=\"A2\" t=\"d\"><v>x</v></c></row>");
		for (String row : rows) {
			Path xlsx = HostileFiles.xlsx(directory.resolve("strange.xlsx"), HEADER,
					out -> out.write(row.getBytes(StandardCharsets.UTF_8)), null);

			assertThatThrownBy(() -> {
				try (TabularFile file = TabularFile.open(xlsx)) {
					readAll(file);
				}
			}).as(row).isInstanceOf(Rejected.class).hasMessage("import.xlsx-unreadable-at");
		}
	}

	@Test
	void aCellFarToTheRightOrARowOfTooManyCellsIsRefused() throws IOException {
		Path far = HostileFiles.xlsx(directory.resolve("far.xlsx"), HEADER, out -> out.write(
				"<row r=\"2\"><c r=\"ZZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>".getBytes(StandardCharsets.UTF_8)), null);
		Path wide = HostileFiles.xlsx(directory.resolve("wide.xlsx"), HEADER,
				out -> out.write(("<row r=\"2\">" + "<c><v>1</v></c>".repeat(1001) + "</row>").getBytes(StandardCharsets.UTF_8)), null);

		assertThatThrownBy(() -> TabularFile.open(far).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.too-many-columns");
		assertThatThrownBy(() -> TabularFile.open(wide).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.too-many-columns");
	}

	@Test
	void aCellOverTheLimitIsRefusedWithItsRow() throws IOException {
		Path xlsx = HostileFiles.xlsx(directory.resolve("long.xlsx"), HEADER, out -> out.write(
				("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + "я".repeat(101) + "</t></is></c></row>")
					.getBytes(StandardCharsets.UTF_8)), null);
		Path csv = Files.writeString(directory.resolve("long.csv"), "ФИО;Дата рождения\nИванов;01.01.1980\n" + "я".repeat(101) + ";1\n");
		ImportLimits limits = limits(DataSize.ofGigabytes(1), 200, 100, 1_000_000);

		try (TabularFile file = TabularFile.open(xlsx, h -> true, limits)) {
			assertThatThrownBy(file::next).isInstanceOf(Rejected.class).hasMessage("import.cell-too-long-at")
				.satisfies(ex -> assertThat(((Rejected) ex).arguments()).containsExactly(2L, 100));
		}
		try (TabularFile file = TabularFile.open(csv, h -> true, limits)) {
			assertThat(file.next().line()).isEqualTo(2);
			assertThatThrownBy(file::next).isInstanceOf(Rejected.class).hasMessage("import.cell-too-long-at")
				.satisfies(ex -> assertThat(((Rejected) ex).arguments()).containsExactly(3L, 100));
		}
	}

	@Test
	void anUnclosedQuoteInAHugeCsvStopsAtTheRowLimitInsteadOfGatheringTheRestOfTheFile() throws IOException {
		Path csv = HostileFiles.csvWithUnclosedQuote(directory.resolve("quote.csv"), "ФИО;Дата рождения", 64L * 1024 * 1024);
		ImportLimits limits = limits(DataSize.ofGigabytes(1), 200, 32767, 100_000);

		try (TabularFile file = TabularFile.open(csv, h -> true, limits)) {
			assertThatThrownBy(file::next).isInstanceOf(Rejected.class).hasMessage("import.row-too-long")
				.satisfies(ex -> assertThat(((Rejected) ex).arguments()).containsExactly(2L, 100_000L));
			assertThat(file.bytesRead()).isLessThan(4 * 1024 * 1024);
		}
	}

	@Test
	void rowsPastTheLimitAndAnImportPastItsTimeAreRefused() throws IOException {
		Path csv = Files.writeString(directory.resolve("rows.csv"),
				"ФИО;Дата рождения\n" + "Иванов;01.01.1980\n\n".repeat(600));
		ImportLimits fewRows = new ImportLimits(DataSize.ofGigabytes(1), DataSize.ofMegabytes(128), 200, 32767, 1_000_000,
				1000, 500, 10_000, Duration.ofHours(1));
		ImportLimits noTime = new ImportLimits(DataSize.ofGigabytes(1), DataSize.ofMegabytes(128), 200, 32767, 1_000_000,
				1000, 1_000_000, 10_000, Duration.ZERO);

		try (TabularFile file = TabularFile.open(csv, h -> true, fewRows)) {
			assertThatThrownBy(() -> readAll(file)).isInstanceOf(Rejected.class).hasMessage("import.too-many-rows");
		}
		try (TabularFile file = TabularFile.open(csv, h -> true, noTime)) {
			assertThatThrownBy(() -> readAll(file)).isInstanceOf(Rejected.class).hasMessage("import.too-slow");
		}
		try (TabularFile file = TabularFile.open(csv)) {
			assertThat(readAll(file)).isEqualTo(600);
		}
	}

	@Test
	void aWorkbookInUtf16IsRefusedSinceItsTagsWouldPassUnseen() throws IOException {
		Path utf16 = directory.resolve("utf16.xlsx");
		try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(utf16))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write("<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet/>".getBytes(StandardCharsets.UTF_16LE));
		}

		assertThatThrownBy(() -> TabularFile.open(utf16).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.xlsx-unreadable");
	}

	@Test
	void aZipOfMoreEntriesThanAWorkbookHasIsRefusedBeforeAZipLibraryListsThem() throws IOException {
		Path many = directory.resolve("many.xlsx");
		try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(many))) {
			for (int i = 0; i <= WorkbookScan.MAX_ENTRIES; i++) {
				zip.putNextEntry(new java.util.zip.ZipEntry("x/" + i));
				zip.closeEntry();
			}
		}

		assertThatThrownBy(() -> TabularFile.open(many).close()).isInstanceOf(Rejected.class)
			.hasMessage("import.file-too-complex-entries");
	}

	@Test
	void aLongCellCannotHideAsManyShortRunsOrBehindFakeTagsInCdata() throws IOException {
		String sst = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
		byte[] runs = (sst + "<si>" + ("<r><t>" + "a".repeat(1000) + "</t></r>").repeat(1000) + "</si></sst>")
			.getBytes(StandardCharsets.UTF_8);
		byte[] cdata = (sst + "<si><t><![CDATA[" + ("a".repeat(1000) + "</si><si>").repeat(1000) + "]]></t></si></sst>")
			.getBytes(StandardCharsets.UTF_8);
		byte[] comment = (sst + "<si><t>a</t></si><!--" + ("a".repeat(1000) + "<si>").repeat(1000) + "--></sst>")
			.getBytes(StandardCharsets.UTF_8);
		for (byte[] strings : List.of(runs, cdata, comment)) {
			Path xlsx = HostileFiles.xlsx(directory.resolve("strings.xlsx"), HEADER, out -> out.write(
					"<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>".getBytes(StandardCharsets.UTF_8)), out -> out.write(strings));

			assertThatThrownBy(() -> TabularFile.open(xlsx).close()).isInstanceOf(Rejected.class)
				.hasMessage("import.cell-too-long");
		}
	}

	private static int readAll(TabularFile file) {
		int rows = 0;
		while (file.next() != null) {
			rows++;
		}
		return rows;
	}

	private static ImportLimits limits(DataSize part, int ratio, int cell, int row) {
		return new ImportLimits(part, DataSize.ofMegabytes(128), ratio, cell, row, 1000, 1_000_000, 10_000,
				Duration.ofHours(1));
	}
}
