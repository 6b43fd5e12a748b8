package ru.kredo.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The last row of a workbook's first sheet: what an import's progress is measured against. Excel states it in the
 * sheet's {@code <dimension ref="A1:R100001"/>}, in its first bytes; writers that stream (fastexcel, many CRMs) write
 * only {@code ref="A1"}, and then the sheet's rows are counted by a quick scan of its XML for {@code <row}, without
 * parsing it. Zero when the workbook cannot tell.
 */
final class SheetDimension {

	private static final Pattern FIRST_SHEET = Pattern.compile("<(?:\\w+:)?sheet\\b[^>]*\\br:id=\"([^\"]+)\"");
	private static final Pattern RELATIONSHIP = Pattern.compile("<Relationship\\b[^>]*>");
	private static final Pattern ATTRIBUTE = Pattern.compile("(Id|Target)=\"([^\"]*)\"");
	private static final Pattern DIMENSION = Pattern.compile("<(?:\\w+:)?dimension\\s+ref=\"[A-Z]+\\d+(?::[A-Z]+(\\d+))?\"");
	private static final int HEAD = 4096;
	/** The workbook's index and relationships are a few kilobytes; more is not a workbook to trust with memory. */
	private static final int PARTS_AT_MOST = 1 << 20;
	private static final int TAG = 16;

	private SheetDimension() {
	}

	static long lastRow(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Matcher sheet = FIRST_SHEET.matcher(read(zip, "xl/workbook.xml", PARTS_AT_MOST));
			if (!sheet.find()) {
				return 0;
			}
			String target = target(read(zip, "xl/_rels/workbook.xml.rels", PARTS_AT_MOST), sheet.group(1));
			if (target == null) {
				return 0;
			}
			String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
			Matcher dimension = DIMENSION.matcher(read(zip, part, HEAD));
			if (dimension.find() && dimension.group(1) != null) {
				return Long.parseLong(dimension.group(1));
			}
			return countRows(zip, part);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static String target(String relationships, String id) {
		Matcher relationship = RELATIONSHIP.matcher(relationships);
		while (relationship.find()) {
			String foundId = null;
			String target = null;
			Matcher attribute = ATTRIBUTE.matcher(relationship.group());
			while (attribute.find()) {
				if (attribute.group(1).equals("Id")) {
					foundId = attribute.group(2);
				}
				else {
					target = attribute.group(2);
				}
			}
			if (id.equals(foundId)) {
				return target;
			}
		}
		return null;
	}

	/** Counts {@code <row} and {@code <x:row} (any prefix) tags; {@code <rowBreaks} and the like do not count. */
	private static long countRows(ZipFile zip, String part) throws IOException {
		ZipEntry entry = zip.getEntry(part);
		if (entry == null) {
			return 0;
		}
		long rows = 0;
		byte[] buffer = new byte[64 * 1024];
		int carry = 0;
		try (InputStream in = zip.getInputStream(entry)) {
			for (int n = in.read(buffer, carry, buffer.length - carry); n > 0; n = in.read(buffer, carry, buffer.length - carry)) {
				int end = carry + n;
				int i = 0;
				// Stops short of the end: a tag cut by the buffer's end is read whole with the next bytes.
				for (; i + TAG < end; i++) {
					if (buffer[i] == '<') {
						int name = i + 1;
						while (name < end && name < i + 12 && buffer[name] != ':' && buffer[name] != ' ' && buffer[name] != '>') {
							name++;
						}
						int start = name < end && buffer[name] == ':' ? name + 1 : i + 1;
						if (start + 3 < end && buffer[start] == 'r' && buffer[start + 1] == 'o' && buffer[start + 2] == 'w'
								&& (buffer[start + 3] == ' ' || buffer[start + 3] == '>')) {
							rows++;
						}
					}
				}
				carry = end - i;
				System.arraycopy(buffer, i, buffer, 0, carry);
			}
		}
		return rows;
	}

	private static String read(ZipFile zip, String name, int limit) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			return "";
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
		}
	}
}
