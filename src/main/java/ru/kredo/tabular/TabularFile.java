package ru.kredo.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import ru.kredo.platform.Rejected;

/**
 * An uploaded file read as a stream of rows, whatever its kind: CSV in any of the encodings and separators Russian
 * CRMs and Excel write, or an XLSX workbook (its first sheet). Rows without text are skipped. The header is the first
 * row, or the first of the first twenty that looks like one to the caller (a bank's registry may have a title above
 * it). Each row knows its line in the file, so an error can point at it.
 */
public sealed interface TabularFile extends Closeable permits CsvFile, XlsxFile {

	/** Opens the file with its first row as the header; see {@link #open(Path, Predicate)}. */
	static TabularFile open(Path file) throws IOException {
		return open(file, header -> true);
	}

	/**
	 * Opens the file, telling XLSX from CSV by its first bytes; refuses an old binary .xls, any other binary file (a
	 * PDF, an image, an archive) and an empty file. The header is the first of the first twenty rows that
	 * {@code isHeader} accepts, or the first row if none does.
	 */
	static TabularFile open(Path file, Predicate<List<String>> isHeader) throws IOException {
		return open(file, isHeader, ImportLimits.DEFAULTS);
	}

	/**
	 * Opens the file as {@link #open(Path, Predicate)} does, within {@code limits}: a workbook is checked whole (as a
	 * stream) before it is read, and every row read counts against them; a file past one is refused with its code.
	 */
	static TabularFile open(Path file, Predicate<List<String>> isHeader, ImportLimits limits) throws IOException {
		byte[] head = new byte[4096];
		int length;
		try (InputStream in = Files.newInputStream(file)) {
			length = in.readNBytes(head, 0, head.length);
		}
		if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return XlsxFile.open(file, isHeader, limits);
		}
		if (length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
				&& (head[3] & 0xFF) == 0xE0) {
			// An .xlsx saved with a password is such a container too (MS-OFFCRYPTO), not an old .xls: say which.
			throw new Rejected(EncryptedWorkbook.is(file) ? "import.xlsx-encrypted" : "import.xls-unsupported");
		}
		if (isBinary(head, length)) {
			throw new Rejected("import.format-unknown");
		}
		return CsvFile.open(file, isHeader, limits);
	}

	/**
	 * Whether the first bytes are not text: a PDF, or control characters that no CSV in UTF-8 or Windows-1251 holds
	 * (NUL and 0x01–0x08; tabs, line and page breaks are text). Such a file would otherwise be read as one garbled
	 * header with no name column.
	 */
	private static boolean isBinary(byte[] head, int length) {
		if (length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
			return true;
		}
		for (int i = 0; i < length; i++) {
			if (head[i] >= 0 && head[i] <= 8) {
				return true;
			}
		}
		return false;
	}

	/** The header row's cells as written. */
	List<String> header();

	/** The next row with any text in it, or {@code null} at the end of the file. */
	SourceRow next();

	/** How far reading has come, in bytes of the file: exact for CSV, estimated from the rows read for XLSX. */
	long bytesRead();
}
