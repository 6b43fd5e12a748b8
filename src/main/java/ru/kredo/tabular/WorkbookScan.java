package ru.kredo.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import ru.kredo.platform.Rejected;

/**
 * Reads every part of a workbook once, as a stream, before the Excel reader is let near it, and refuses a workbook
 * that would make the reader hold or do too much: a part that unpacks past {@link ImportLimits#maxPartSize}; shared
 * strings and cell formats, which the reader keeps in memory, past {@link ImportLimits#maxSharedStrings} together
 * (counted in every part, whatever its root element says it is; {@code import.file-too-complex-strings}); a part, or
 * the workbook as a whole, packed more than {@link ImportLimits#maxCompressionRatio} to one — a zip bomb
 * ({@code import.file-too-complex}); more cell formats
 * than {@link #MAX_FORMATS} ({@code import.file-too-complex-styles}); XML with a tag,
 * a text, a comment or one cell or shared string longer than a cell may be, in bytes
 * ({@code import.cell-too-long}); a row with more cells, or a cell further right, than
 * {@link ImportLimits#maxColumns} ({@code import.too-many-columns}). Nothing is held but a few counters, so the check
 * itself takes no memory whatever the file; every entry is read, whatever its name, since the reader finds its parts
 * by the names the workbook gives them. The scan gives up at the import's deadline ({@code import.too-slow}).
 */
final class WorkbookScan {

	/** Parts smaller than this unpacked are not asked their compression ratio: a tiny part may pack very well. */
	static final long RATIO_FROM = 1024 * 1024;
	/** A cell's text in bytes of XML: each character may be escaped ({@code &#1078;}) or its own formatted run. */
	private static final int BYTES_PER_CHARACTER = 8;
	private static final int MARKUP_ALLOWANCE = 64 * 1024;
	/** The most parts a workbook may have; ZIP64's "more than 65,535" reads as 65,535, and is refused too. */
	static final int MAX_ENTRIES = 10_000;
	/**
	 * The most cell formats ({@code <xf>}, {@code <numFmt>}) a workbook may have: the reader keeps each in memory, and
	 * Excel itself allows about 64,000.
	 */
	static final int MAX_FORMATS = 200_000;
	private static final int END_RECORD = 22;

	private WorkbookScan() {
	}

	static void check(Path file, ImportLimits limits) throws IOException {
		check(file, limits, System.nanoTime() + limits.maxDuration().toNanos());
	}

	/** Checks the workbook, giving up with {@code import.too-slow} once {@link System#nanoTime()} passes {@code deadline}. */
	static void check(Path file, ImportLimits limits, long deadline) throws IOException {
		long fileSize = Files.size(file);
		checkDirectory(file, fileSize);
		ZipFile zip;
		try {
			zip = ZipFile.builder().setFile(file.toFile()).get();
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected("import.xlsx-unreadable");
		}
		Workbook workbook = new Workbook(fileSize, limits, deadline);
		try (zip) {
			for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
				ZipArchiveEntry entry = entries.nextElement();
				if (!entry.isDirectory()) {
					scan(zip, entry, workbook);
				}
			}
		}
		workbook.checkSharedIndexes();
	}

	/**
	 * What the whole workbook has unpacked to so far, and what of it the reader would keep in memory: every shared
	 * string ({@code <si>}) and every cell format ({@code <xf>}, {@code <numFmt>}), whatever part holds them — the reader
	 * finds its parts by the names {@code [Content_Types].xml} gives, not by their root element, so no part is trusted
	 * to be what it says.
	 */
	static final class Workbook {

		private final long fileSize;
		private final ImportLimits limits;
		private final long deadline;
		private long unpacked;
		private long held;
		private long formats;
		private long sharedStrings;
		private long maxSharedIndex = -1;

		Workbook(long fileSize, ImportLimits limits, long deadline) {
			this.fileSize = Math.max(1, fileSize);
			this.limits = limits;
			this.deadline = deadline;
		}

		/** Counts bytes unpacked: many small parts, each under the ratio's threshold, are a zip bomb all the same. */
		void unpacked(int bytes) {
			unpacked += bytes;
			if (unpacked > RATIO_FROM && unpacked / fileSize > limits.maxCompressionRatio()) {
				throw tooComplex(limits);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new Rejected("import.too-slow", Math.max(1, limits.maxDuration().toMinutes()));
			}
		}

		void held(long bytes) {
			held += bytes;
			if (held > limits.maxSharedStrings().toBytes()) {
				throw new Rejected("import.file-too-complex-strings", Math.max(1, limits.maxSharedStrings().toMegabytes()));
			}
		}

		void sharedString() {
			sharedStrings++;
		}

		void sharedIndex(long index) {
			maxSharedIndex = Math.max(maxSharedIndex, index);
		}

		/**
		 * A cell that names a shared string past the last one: the reader reads on past the end of the strings for it,
		 * adding an empty one each time — a 2 KB workbook naming string 999,999,999 ran the heap out.
		 */
		void checkSharedIndexes() {
			if (maxSharedIndex >= sharedStrings) {
				throw new Rejected("import.xlsx-unreadable");
			}
		}

		void format() {
			formats++;
			if (formats > MAX_FORMATS) {
				throw new Rejected("import.file-too-complex-styles", MAX_FORMATS);
			}
		}
	}

	/**
	 * Counts the zip's directory entries before any zip library reads them, the way they do (from the end record's
	 * offset, entry after entry while they last): they hold every entry in memory, so a file of millions of tiny
	 * entries is refused by their count ({@code import.file-too-complex-entries}). A workbook has a few dozen parts, a
	 * few thousand with many sheets and pictures.
	 */
	private static void checkDirectory(Path file, long fileSize) throws IOException {
		int tail = (int) Math.min(fileSize, END_RECORD + 0xFFFF);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
			channel.position(fileSize - tail);
			while (end.hasRemaining() && channel.read(end) > 0) {
				// reads the tail whole
			}
			for (int i = tail - END_RECORD; i >= 0; i--) {
				if (end.getInt(i) == 0x06054b50) {
					long offset = end.getInt(i + 16) & 0xFFFFFFFFL;
					if (offset != 0xFFFFFFFFL) {
						countEntries(channel, offset);
					}
					return;
				}
			}
		}
		throw new Rejected("import.xlsx-unreadable");
	}

	private static void countEntries(FileChannel channel, long offset) throws IOException {
		channel.position(offset);
		try (InputStream in = new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(channel), 64 * 1024)) {
			ByteBuffer header = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
			for (int entries = 0;; entries++) {
				header.clear();
				if (in.readNBytes(header.array(), 0, 46) < 46 || header.getInt(0) != 0x02014b50) {
					return;
				}
				if (entries >= MAX_ENTRIES) {
					throw new Rejected("import.file-too-complex-entries", MAX_ENTRIES);
				}
				in.skipNBytes((header.getShort(28) & 0xFFFF) + (header.getShort(30) & 0xFFFF) + (header.getShort(32) & 0xFFFF));
			}
		}
		catch (java.io.EOFException ex) {
			// The directory ends with the file: the zip library says what it makes of that.
		}
	}

	private static void scan(ZipFile zip, ZipArchiveEntry entry, Workbook workbook) throws IOException {
		ImportLimits limits = workbook.limits;
		long fileSize = workbook.fileSize;
		long packed = Math.max(1, Math.min(fileSize, entry.getCompressedSize() < 0 ? fileSize : entry.getCompressedSize()));
		Xml xml = new Xml(limits, workbook);
		long unpacked = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = zip.getInputStream(entry)) {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				unpacked += n;
				long max = xml.sharedStrings ? Math.min(limits.maxSharedStrings().toBytes(), limits.maxPartSize().toBytes())
						: limits.maxPartSize().toBytes();
				if (unpacked > max || unpacked > RATIO_FROM && unpacked / packed > limits.maxCompressionRatio()) {
					throw tooComplex(limits);
				}
				workbook.unpacked(n);
				xml.read(buffer, n);
			}
		}
		catch (Rejected rejected) {
			throw rejected;
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected("import.xlsx-unreadable");
		}
	}

	private static Rejected tooComplex(ImportLimits limits) {
		return new Rejected("import.file-too-complex", Math.max(1, limits.maxPartSize().toMegabytes()),
				limits.maxCompressionRatio());
	}

	/**
	 * A byte-by-byte look at a part's XML without parsing it: the length of every token (a tag, a text, a comment, a
	 * CDATA section, a declaration), of every cell ({@code <c>}) and shared string ({@code <si>}), and the cells of
	 * each row. A part that does not begin with {@code <} is not XML and only its size counts.
	 */
	static final class Xml {

		private static final int TEXT = 0, OPEN = 1, TAG = 2, QUOTED = 3, BANG = 4, COMMENT = 5, CDATA = 6, DECLARATION = 7,
				INSTRUCTION = 8, NOT_XML = 9, START = 10;
		private static final int NAME_MAX = 32, ATTRIBUTES_MAX = 512;

		private final long maxToken;
		private final int maxCellLength;
		private final int maxColumns;
		private int state = START;
		private long position;
		private long tokenStart;
		private long elementStart = -1;
		private int last3;
		private byte quote;
		private final byte[] name = new byte[NAME_MAX];
		private int nameLength;
		private boolean inName;
		private final byte[] attributes = new byte[ATTRIBUTES_MAX];
		private int attributesLength;
		private byte previous;
		private int head;
		private int bangLength;
		private long cellsInRow;
		private boolean rootSeen;
		// Within a cell of type s (a shared string), and within its <v>: the index it names, read digit by digit.
		private boolean sharedCell;
		private boolean inSharedValue;
		private long sharedValue;
		private int sharedDigits;
		boolean sharedStrings;

		private final Workbook workbook;

		Xml(ImportLimits limits, Workbook workbook) {
			this.workbook = workbook;
			this.maxToken = (long) limits.maxCellLength() * BYTES_PER_CHARACTER + MARKUP_ALLOWANCE;
			this.maxCellLength = limits.maxCellLength();
			this.maxColumns = limits.maxColumns();
		}

		void read(byte[] bytes, int length) {
			for (int i = 0; i < length; i++) {
				step(bytes[i]);
				position++;
			}
		}

		private void step(byte b) {
			last3 = (last3 << 8 | (b & 0xFF)) & 0xFFFFFF;
			if (position < 4) {
				head = head << 8 | (b & 0xFF);
				if (position == 3 && notUtf8(head)) {
					throw new Rejected("import.xlsx-unreadable");
				}
			}
			if (b == 0 && state != NOT_XML && state != START) {
				// Not UTF-8 XML (UTF-16 or UCS-4 interleave zeros): XML 1.0 has no NUL, and the scan reads UTF-8.
				throw new Rejected("import.xlsx-unreadable");
			}
			switch (state) {
				case START -> {
					if (b == '<') {
						open();
					}
					else if (b == 0 || !(b == ' ' || b == '\t' || b == '\r' || b == '\n' || position < 3 && ((b & 0xFF) == 0xEF
							|| (b & 0xFF) == 0xBB || (b & 0xFF) == 0xBF))) {
						state = NOT_XML;
					}
				}
				case NOT_XML -> {
				}
				case TEXT -> {
					if (b == '<') {
						open();
					}
					else if (inSharedValue) {
						sharedValueByte(b);
					}
				}
				case OPEN -> {
					if (inSharedValue && (b == '!' || b == '?')) {
						// CDATA or a comment inside a shared string's index: the reader would read the text around it.
						throw new Rejected("import.xlsx-unreadable");
					}
					if (b == '!') {
						state = BANG;
						bangLength = 0;
					}
					else if (b == '?') {
						state = INSTRUCTION;
					}
					else {
						state = TAG;
						nameLength = 0;
						attributesLength = 0;
						inName = true;
						tagByte(b);
					}
				}
				case TAG -> tagByte(b);
				case QUOTED -> {
					attribute(b);
					if (b == quote) {
						state = TAG;
					}
				}
				case BANG -> {
					bangLength++;
					if (bangLength == 2 && (last3 & 0xFFFF) == ('-' << 8 | '-')) {
						state = COMMENT;
					}
					else if (bangLength == 7 && last3 == ('T' << 16 | 'A' << 8 | '[')) {
						state = CDATA;
					}
					else if (b == '>') {
						text();
					}
					else if (bangLength >= 7) {
						state = DECLARATION;
					}
				}
				case COMMENT -> {
					if (last3 == ('-' << 16 | '-' << 8 | '>')) {
						text();
					}
				}
				case CDATA -> {
					if (last3 == (']' << 16 | ']' << 8 | '>')) {
						text();
					}
				}
				case INSTRUCTION -> {
					if ((last3 & 0xFFFF) == ('?' << 8 | '>')) {
						text();
					}
				}
				case DECLARATION -> {
					if (b == '>') {
						text();
					}
				}
				default -> throw new IllegalStateException();
			}
			if (state != NOT_XML && position - tokenStart >= maxToken) {
				throw new Rejected("import.cell-too-long", maxCellLength);
			}
			if (elementStart >= 0 && position - elementStart >= maxToken) {
				throw new Rejected("import.cell-too-long", maxCellLength);
			}
		}

		/**
		 * Whether a part's first four bytes are how XML in UTF-16, UCS-4 or EBCDIC begins (XML 1.0, appendix F): a
		 * parser reads those, this scan would not see their tags, and no spreadsheet writes them.
		 */
		private static boolean notUtf8(int head) {
			int two = head >>> 16;
			return two == 0xFEFF || two == 0xFFFE || head == 0x4C6FA794 || head == 0x0000003C || head == 0x3C000000
					|| head == 0x003C003F || head == 0x3C003F00;
		}

		private void open() {
			state = OPEN;
			tokenStart = position;
		}

		private void text() {
			state = TEXT;
			tokenStart = position;
		}

		private void tagByte(byte b) {
			if (b == '"' || b == '\'') {
				attribute(b);
				quote = b;
				state = QUOTED;
				inName = false;
				return;
			}
			if (b == '>') {
				tagEnd(previous == '/');
				return;
			}
			if (inName && (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '/' && nameLength > 0)) {
				inName = false;
			}
			if (inName) {
				if (nameLength < NAME_MAX) {
					name[nameLength++] = b;
				}
			}
			else {
				attribute(b);
			}
			previous = b;
		}

		private void attribute(byte b) {
			if (attributesLength < ATTRIBUTES_MAX) {
				attributes[attributesLength++] = b;
			}
			previous = b;
		}

		private void tagEnd(boolean selfClosing) {
			boolean end = nameLength > 0 && name[0] == '/';
			int from = end ? 1 : 0;
			for (int i = from; i < nameLength; i++) {
				if (name[i] == ':') {
					from = i + 1;
				}
			}
			String local = new String(name, from, nameLength - from, StandardCharsets.US_ASCII);
			if (!end && !rootSeen) {
				rootSeen = true;
				sharedStrings = local.equals("sst");
			}
			if (inSharedValue) {
				inSharedValue = false;
				if (!end || !local.equals("v") || sharedDigits == 0) {
					throw new Rejected("import.xlsx-unreadable");
				}
				workbook.sharedIndex(sharedValue);
			}
			if (end) {
				if (local.equals("si") && elementStart >= 0) {
					workbook.held(position - elementStart + 1);
				}
				if ((local.equals("c") || local.equals("si")) && elementStart >= 0) {
					elementStart = -1;
				}
				if (local.equals("c")) {
					sharedCell = false;
				}
			}
			else if (local.equals("xf") || local.equals("numFmt")) {
				workbook.format();
				workbook.held(position - tokenStart + 1);
			}
			else if (local.equals("row")) {
				cellsInRow = 0;
			}
			else if (local.equals("c")) {
				sharedCell = !selfClosing && typeIsShared();
				cellsInRow++;
				if (attributesLength >= ATTRIBUTES_MAX) {
					// A real cell's tag is a few dozen bytes; a longer one could hide its reference past what is looked at.
					throw new Rejected("import.xlsx-unreadable");
				}
				if (cellsInRow > maxColumns || column() > maxColumns) {
					throw new Rejected("import.too-many-columns", maxColumns);
				}
				if (!selfClosing && elementStart < 0) {
					elementStart = tokenStart;
				}
			}
			else if (local.equals("v") && sharedCell && !selfClosing) {
				inSharedValue = true;
				sharedValue = 0;
				sharedDigits = 0;
			}
			if (!end && local.equals("si")) {
				workbook.sharedString();
			}
			if (!end && local.equals("si") && !selfClosing && elementStart < 0) {
				elementStart = tokenStart;
			}
			text();
		}

		private void sharedValueByte(byte b) {
			if (b >= '0' && b <= '9') {
				// Past ten digits it is past any index a workbook may have: kept at the most a long holds.
				sharedValue = ++sharedDigits > 10 ? Long.MAX_VALUE : sharedValue * 10 + (b - '0');
			}
			else if (!space(b)) {
				// A sign, a decimal point, an entity (&#57; is a 9): not an index this scan can read as the reader would.
				throw new Rejected("import.xlsx-unreadable");
			}
		}

		/** Whether the cell's tag has {@code t="s"}: its value is an index into the shared strings. */
		private boolean typeIsShared() {
			for (int i = 0; i + 3 < attributesLength; i++) {
				boolean boundary = i == 0 || space(attributes[i - 1]);
				if (boundary && attributes[i] == 't') {
					int j = i + 1;
					while (j < attributesLength && space(attributes[j])) {
						j++;
					}
					if (j >= attributesLength || attributes[j] != '=') {
						continue;
					}
					j++;
					while (j < attributesLength && space(attributes[j])) {
						j++;
					}
					if (j < attributesLength && (attributes[j] == '"' || attributes[j] == '\'')) {
						byte quote = attributes[j];
						return j + 2 < attributesLength && attributes[j + 1] == 's' && attributes[j + 2] == quote;
					}
				}
			}
			return false;
		}

		private static boolean space(byte b) {
			return b == ' ' || b == '\t' || b == '\n' || b == '\r';
		}

		/** The column of a cell's reference ({@code r="AB12"}, A is 1), or 0 without one. */
		private long column() {
			for (int i = 0; i + 3 < attributesLength; i++) {
				boolean boundary = i == 0 || attributes[i - 1] == ' ' || attributes[i - 1] == '\t' || attributes[i - 1] == '\n'
						|| attributes[i - 1] == '\r';
				if (boundary && attributes[i] == 'r' && (attributes[i + 1] == '=' || space(attributes[i + 1]))) {
					int j = i + 1;
					while (j < attributesLength && (space(attributes[j]) || attributes[j] == '=' || attributes[j] == '"'
							|| attributes[j] == '\'')) {
						j++;
					}
					long column = 0;
					for (; j < attributesLength && Character.isLetter(attributes[j]); j++) {
						column = column * 26 + (Character.toUpperCase(attributes[j]) - 'A' + 1);
						if (column > maxColumns) {
							return column;
						}
					}
					return column;
				}
			}
			return 0;
		}
	}
}
