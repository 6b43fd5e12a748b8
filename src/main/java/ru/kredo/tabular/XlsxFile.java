package ru.kredo.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import ru.kredo.platform.Rejected;

/**
 * The first sheet of an Excel workbook read as a stream of rows (fastexcel: the sheet's XML is parsed as it is
 * read, never held whole). Cells become the text a person would type into a CSV: dates as ISO dates, numbers as
 * Excel shows them (15 significant digits, no exponent), so one parser serves both kinds of file. A row's line is
 * its row number in the sheet.
 */
final class XlsxFile implements TabularFile {

	/** Excel's built-in date and time formats (ECMA-376 18.8.30) and Russian Excel's localized ones. */
	private static final Pattern DATE_FORMAT_ID = Pattern.compile("1[4-9]|2[0-2]|2[7-9]|3[0-6]|4[5-7]|5[0-8]");
	/** Quoted text, escaped characters and [bracketed] parts (colours, locales, elapsed time) of a format. */
	private static final Pattern FORMAT_NOISE = Pattern.compile("\"[^\"]*\"|\\\\.|\\[[^]]*]");
	private static final Pattern DATE_LETTERS = Pattern.compile("(?i)[dyгд]");
	private static final MathContext EXCEL_PRECISION = new MathContext(15);

	private final ReadableWorkbook workbook;
	private final Stream<Row> stream;
	private final Iterator<Row> rows;
	private final long fileSize;
	private final long lastRow;
	private final HeaderSearch header;
	private final Bounds bounds;
	private long line;
	private boolean closed;

	private XlsxFile(Path file, Predicate<List<String>> isHeader, ImportLimits limits) throws IOException {
		this.fileSize = Files.size(file);
		this.bounds = new Bounds(limits);
		WorkbookSlots.take(bounds.deadline(), limits);
		ReadableWorkbook opened = null;
		try {
			// Before anything reads the workbook: a zip bomb or a cell of hundreds of megabytes never reaches the reader.
			WorkbookScan.check(file, limits, bounds.deadline());
			this.lastRow = SheetDimension.lastRow(file);
			try {
				opened = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
				this.workbook = opened;
				this.stream = workbook.getFirstSheet().openStream();
			}
			catch (IOException | RuntimeException ex) {
				throw new Rejected("import.xlsx-unreadable");
			}
			this.rows = stream.iterator();
			this.header = new HeaderSearch(this::read, isHeader);
		}
		catch (IOException | RuntimeException | Error ex) {
			release(opened);
			throw ex;
		}
		if (header.header() == null) {
			close();
			throw new Rejected("import.file-empty");
		}
	}

	private static void release(ReadableWorkbook opened) {
		try {
			if (opened != null) {
				opened.close();
			}
		}
		catch (IOException | RuntimeException ignored) {
			// Already failing: the reason given is the first one.
		}
		finally {
			WorkbookSlots.give();
		}
	}

	static XlsxFile open(Path file, Predicate<List<String>> isHeader) throws IOException {
		return open(file, isHeader, ImportLimits.DEFAULTS);
	}

	static XlsxFile open(Path file, Predicate<List<String>> isHeader, ImportLimits limits) throws IOException {
		return new XlsxFile(file, isHeader, limits);
	}

	@Override
	public List<String> header() {
		return header.header();
	}

	@Override
	public SourceRow next() {
		SourceRow pending = header.pending();
		return pending != null ? pending : read();
	}

	private SourceRow read() {
		try {
			while (rows.hasNext()) {
				Row row = rows.next();
				line = row.getRowNum();
				bounds.row();
				bounds.columns(line, row.getCellCount());
				List<String> values = new ArrayList<>(row.getCellCount());
				boolean any = false;
				for (int i = 0; i < row.getCellCount(); i++) {
					String text = text(row.getCell(i));
					bounds.cell(line, text);
					any |= !text.isBlank();
					values.add(text);
				}
				if (any) {
					return new SourceRow(line, values);
				}
			}
			return null;
		}
		catch (Rejected rejected) {
			throw rejected;
		}
		catch (RuntimeException ex) {
			// Not only ExcelReaderException: a row number past an int, an unknown cell type, a style or shared string
			// index out of range, a date serial out of range all throw plain runtime exceptions from the reader.
			throw new Rejected("import.xlsx-unreadable-at", line + 1);
		}
	}

	@Override
	public long bytesRead() {
		return lastRow <= 0 ? 0 : Math.min(fileSize, fileSize * line / lastRow);
	}

	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			stream.close();
		}
		finally {
			try {
				workbook.close();
			}
			finally {
				WorkbookSlots.give();
			}
		}
	}

	static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		return switch (cell.getType()) {
			case STRING -> cell.asString().strip();
			case NUMBER -> number(cell, cell.asNumber());
			case BOOLEAN -> String.valueOf(cell.asBoolean());
			// A formula's last computed value, as Excel shows it.
			case FORMULA -> formulaValue(cell);
			default -> cell.getRawValue() == null ? "" : cell.getRawValue().strip();
		};
	}

	private static String formulaValue(Cell cell) {
		String raw = cell.getRawValue() == null ? "" : cell.getRawValue().strip();
		try {
			return number(cell, new BigDecimal(raw));
		}
		catch (NumberFormatException notANumber) {
			return raw;
		}
	}

	private static String number(Cell cell, BigDecimal value) {
		if (value == null) {
			return "";
		}
		if (isDate(cell)) {
			LocalDateTime date = cell.getType() == CellType.NUMBER ? cell.asDate() : null;
			if (date != null) {
				return date.toLocalDate().toString();
			}
		}
		return value.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
	}

	static boolean isDate(Cell cell) {
		Integer id = cell.getDataFormatId();
		if (id != null && DATE_FORMAT_ID.matcher(id.toString()).matches()) {
			return true;
		}
		String format = cell.getDataFormatString();
		return format != null && DATE_LETTERS.matcher(FORMAT_NOISE.matcher(format).replaceAll("")).find();
	}
}
