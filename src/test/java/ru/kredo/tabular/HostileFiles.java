package ru.kredo.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files made to hurt an importer, written as streams in the test (a few hundred kilobytes on disk, however much they
 * unpack to), never committed: a workbook whose one cell or whose shared strings unpack to hundreds of megabytes, and
 * a CSV with an unclosed quote.
 */
public final class HostileFiles {

	private HostileFiles() {
	}

	/** Writes more bytes of a part: called repeatedly with the part's stream. */
	@FunctionalInterface
	public interface Part {

		void write(OutputStream out) throws IOException;
	}

	/**
	 * A workbook whose sheet has the header and then, as row 2, one cell of {@code cellBytes} letters «Я» in UTF-8 —
	 * an inline string, the way the 613 KB file held 600 MB.
	 */
	public static Path xlsxWithHugeCell(Path file, List<String> header, long cellBytes) throws IOException {
		return xlsx(file, header, out -> {
			out.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
			repeat(out, "Я".getBytes(StandardCharsets.UTF_8), cellBytes / 2);
			out.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
		}, null);
	}

	/**
	 * A zip bomb without a long cell: a sheet of {@code rows} short rows of the same three cells; packs about a
	 * thousand to one.
	 */
	public static Path xlsxWithManyRows(Path file, List<String> header, List<String> row, long rows) throws IOException {
		StringBuilder cells = new StringBuilder();
		for (int c = 0; c < row.size(); c++) {
			cells.append("<c t=\"inlineStr\"><is><t>").append(row.get(c)).append("</t></is></c>");
		}
		byte[] one = ("<row>" + cells + "</row>").getBytes(StandardCharsets.UTF_8);
		return xlsx(file, header, out -> repeat(out, one, rows), null);
	}

	/** A workbook whose shared strings hold one string of {@code bytes} letters, which the sheet's row 2 refers to. */
	public static Path xlsxWithHugeSharedString(Path file, List<String> header, long bytes) throws IOException {
		return xlsx(file, header, out -> out.write("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"
			.getBytes(StandardCharsets.UTF_8)), out -> {
				out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"
					.getBytes(StandardCharsets.UTF_8));
				repeat(out, "A".getBytes(StandardCharsets.UTF_8), bytes);
				out.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
			});
	}

	/** A workbook with the header as row 1 and {@code rows} (the sheet's other rows, as XML) after it. */
	public static Path xlsx(Path file, List<String> header, Part rows, Part sharedStrings) throws IOException {
		return xlsx(file, header, rows, sharedStrings, null, 0);
	}

	/**
	 * A workbook as {@link #xlsx(Path, List, Part, Part)} writes it, with {@code styles} as its styles part when given
	 * and {@code extraParts} more parts of a megabyte of one letter each (pictures, say: no XML) — each too small to
	 * be asked its compression ratio, a thousand to one all together.
	 */
	public static Path xlsx(Path file, List<String> header, Part rows, Part sharedStrings, Part styles, int extraParts)
			throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			entry(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
					<Default Extension="xml" ContentType="application/xml"/>
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
					<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
					%s</Types>""".formatted(sharedStrings == null ? ""
					: "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"));
			entry(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
					</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
					<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
					<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
					%s</Relationships>""".formatted(sharedStrings == null ? ""
					: "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"));
			if (styles == null) {
				entry(zip, "xl/styles.xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>""");
			}
			else {
				zip.putNextEntry(new ZipEntry("xl/styles.xml"));
				styles.write(zip);
				zip.closeEntry();
			}
			for (int i = 0; i < extraParts; i++) {
				zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".bin"));
				repeat(zip, "x".getBytes(StandardCharsets.UTF_8), WorkbookScan.RATIO_FROM - 1);
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			StringBuilder first = new StringBuilder("<row r=\"1\">");
			for (String name : header) {
				first.append("<c t=\"inlineStr\"><is><t>").append(name).append("</t></is></c>");
			}
			zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
					+ "<sheetData>" + first + "</row>").getBytes(StandardCharsets.UTF_8));
			rows.write(zip);
			zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			if (sharedStrings != null) {
				zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
				sharedStrings.write(zip);
				zip.closeEntry();
			}
		}
		return file;
	}

	/** A CSV whose second line opens a quote that never closes, followed by {@code bytes} of text and line breaks. */
	public static Path csvWithUnclosedQuote(Path file, String header, long bytes) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write((header + "\nИванов Иван;\"01.01.1980\n").getBytes(StandardCharsets.UTF_8));
			repeat(out, "Петров Пётр;02.02.1990\n".getBytes(StandardCharsets.UTF_8), bytes / 24);
		}
		return file;
	}

	private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static void repeat(OutputStream out, byte[] unit, long times) throws IOException {
		byte[] chunk = new byte[Math.max(unit.length, 64 * 1024 / unit.length * unit.length)];
		for (int i = 0; i + unit.length <= chunk.length; i += unit.length) {
			System.arraycopy(unit, 0, chunk, i, unit.length);
		}
		int perChunk = chunk.length / unit.length;
		long left = times;
		try {
			for (; left >= perChunk; left -= perChunk) {
				out.write(chunk);
			}
			out.write(chunk, 0, (int) left * unit.length);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}
}
