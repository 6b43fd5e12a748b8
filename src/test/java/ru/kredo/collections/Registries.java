package ru.kredo.collections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Registry files as agencies receive them, written in the test: CSV in an encoding of choice, or an XLSX workbook. */
final class Registries {

	static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	private Registries() {
	}

	/** Lines joined with CRLF, as Excel writes them, in the charset, with a BOM if asked for. */
	static byte[] csv(Charset charset, boolean bom, String... lines) {
		byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(charset);
		if (!bom) {
			return text;
		}
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);
		return withBom;
	}

	/**
	 * A workbook whose first sheet holds the rows as typed values: a {@link LocalDate} becomes a date cell formatted
	 * dd.mm.yyyy, a {@link Number} a number cell, anything else text; {@code null} leaves the cell empty.
	 */
	static byte[] xlsx(List<List<Object>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Kredo tests", "1.0");
			Worksheet sheet = workbook.newWorksheet("Реестр");
			for (int r = 0; r < rows.size(); r++) {
				List<Object> row = rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					Object value = row.get(c);
					switch (value) {
						case null -> {
						}
						case LocalDate date -> {
							sheet.value(r, c, date);
							sheet.style(r, c).format("dd.mm.yyyy").set();
						}
						case BigDecimal number -> sheet.value(r, c, number);
						case Number number -> sheet.value(r, c, number);
						default -> sheet.value(r, c, value.toString());
					}
				}
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] utf8(String... lines) {
		return csv(StandardCharsets.UTF_8, false, lines);
	}
}
