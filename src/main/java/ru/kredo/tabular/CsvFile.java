package ru.kredo.tabular;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import ru.kredo.platform.Rejected;

/**
 * A CSV file read as a stream of rows, whatever its encoding and separator; each row knows its line in the file
 * (1-based, the header is line 1), counting the lines inside quoted fields. Empty lines are skipped.
 */
final class CsvFile implements TabularFile {

	private static final int SAMPLE = 64 * 1024;

	private final Counting bytes;
	private final CSVParser parser;
	private final Iterator<CSVRecord> records;
	private final Charset charset;
	private final char separator;
	private final HeaderSearch header;
	private final Bounds bounds;
	private final RowLength rowLength;
	private long lastLine;

	private CsvFile(Path file, Charset charset, char separator, boolean bom, Predicate<List<String>> isHeader,
			ImportLimits limits) throws IOException {
		this.bounds = new Bounds(limits);
		this.charset = charset;
		this.separator = separator;
		this.bytes = new Counting(Files.newInputStream(file));
		if (bom) {
			bytes.skipNBytes(TextEncoding.BOM_LENGTH);
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(true).setLenientEof(true).setTrailingData(true).get();
		this.rowLength = new RowLength(new InputStreamReader(bytes, charset), limits.maxRowLength());
		this.parser = CSVParser.builder().setReader(new BufferedReader(rowLength, SAMPLE))
			.setFormat(format).get();
		this.records = parser.iterator();
		this.header = new HeaderSearch(this::read, isHeader);
		if (header.header() == null) {
			close();
			throw new Rejected("import.file-empty");
		}
	}

	static CsvFile open(Path file) throws IOException {
		return open(file, header -> true);
	}

	static CsvFile open(Path file, Predicate<List<String>> isHeader) throws IOException {
		return open(file, isHeader, ImportLimits.DEFAULTS);
	}

	/** Opens the file, detecting the encoding from its first bytes and the separator from its first line. */
	static CsvFile open(Path file, Predicate<List<String>> isHeader, ImportLimits limits) throws IOException {
		byte[] sample = new byte[SAMPLE];
		int length;
		try (InputStream in = Files.newInputStream(file)) {
			length = in.readNBytes(sample, 0, SAMPLE);
		}
		Charset charset = TextEncoding.detect(sample, length);
		boolean bom = TextEncoding.hasUtf8Bom(sample, length);
		int from = bom ? TextEncoding.BOM_LENGTH : 0;
		String text = new String(sample, from, length - from, charset);
		int end = text.indexOf('\n');
		return new CsvFile(file, charset, Separator.detect(end < 0 ? text : text.substring(0, end)), bom, isHeader,
				limits);
	}

	@Override
	public SourceRow next() {
		SourceRow pending = header.pending();
		return pending != null ? pending : read();
	}

	private SourceRow read() {
		try {
			while (records.hasNext()) {
				CSVRecord record = records.next();
				rowLength.rowEnded();
				long line = lastLine + 1;
				lastLine = Math.max(parser.getCurrentLineNumber(), line);
				bounds.row();
				List<String> values = record.toList();
				bounds.cells(line, values);
				if (values.stream().anyMatch(v -> !v.isBlank())) {
					return new SourceRow(line, values);
				}
			}
			return null;
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof RowTooLong) {
				throw new Rejected("import.row-too-long", lastLine + 1, rowLength.max);
			}
			throw new Rejected("import.file-unreadable", lastLine + 1);
		}
	}

	@Override
	public List<String> header() {
		return header.header();
	}

	Charset charset() {
		return charset;
	}

	char separator() {
		return separator;
	}

	/** How far into the file reading has come, in bytes (a little ahead of the rows handed out). */
	@Override
	public long bytesRead() {
		return bytes.count;
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}

	/**
	 * Counts the characters the parser takes since the last row it handed out, and fails the read once they pass a
	 * row's limit (and what the buffers read ahead): an unclosed quote makes the rest of the file one field, which the
	 * parser would otherwise gather in memory whole.
	 */
	private static final class RowLength extends FilterReader {

		/** What the buffers between this reader and the parser may have read past a row's end. */
		private static final long AHEAD = 4L * SAMPLE;

		private final long max;
		private long read;
		private long rowStart;

		RowLength(Reader in, long max) {
			super(in);
			this.max = max;
		}

		void rowEnded() {
			rowStart = read;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			count(c < 0 ? 0 : 1);
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) throws RowTooLong {
			read += n;
			if (read - rowStart > max + AHEAD) {
				throw new RowTooLong();
			}
		}
	}

	private static final class RowTooLong extends IOException {

		RowTooLong() {
			super("a row longer than the limit");
		}
	}

	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			count += b < 0 ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count += Math.max(n, 0);
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count += skipped;
			return skipped;
		}
	}
}
