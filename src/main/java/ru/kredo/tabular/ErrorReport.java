package ru.kredo.tabular;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.platform.CsvExport;

/**
 * Every rejected row of an import (then, if asked, every row kept with a note or skipped) as a CSV download for Excel (UTF-8 with a BOM, «;»): line, column and the reason in
 * the user's language. No personal data: a row error never holds any.
 */
public final class ErrorReport {

	private static final int PAGE = 5000;

	private ErrorReport() {
	}

	/** Rejected rows after a line, in file order: a page of the report. */
	@FunctionalInterface
	public interface Pages {

		List<RowError> after(long line, int limit);
	}

	public static void write(HttpServletResponse response, String fileName, MessageSource messages, Locale locale,
			Pages pages) throws IOException {
		write(response, fileName, messages, locale, pages, (after, limit) -> List.of());
	}

	/**
	 * The rejected rows, then the rows the import kept with a note or skipped ({@code notes}), each section in file
	 * order; a note's reason says what became of its row.
	 */
	public static void write(HttpServletResponse response, String fileName, MessageSource messages, Locale locale,
			Pages pages, Pages notes) throws IOException {
		write(response, fileName, messages, locale, pages, notes, List.of());
	}

	/** As above, then {@code remarks} on the whole file (already in the user's language), without line or column. */
	public static void write(HttpServletResponse response, String fileName, MessageSource messages, Locale locale,
			Pages pages, Pages notes, List<String> remarks) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// Through CsvExport: a column or a reason may echo a header cell of the upload, «=cmd…» included.
		try (CsvExport csv = CsvExport.excel(out)) {
			csv.row(messages.getMessage("imports.errors.line", null, locale),
					messages.getMessage("imports.errors.column", null, locale),
					messages.getMessage("imports.errors.reason", null, locale));
			rows(csv, pages, messages, locale);
			rows(csv, notes, messages, locale);
			for (String remark : remarks) {
				csv.row(null, null, remark);
			}
		}
	}

	private static void rows(CsvExport csv, Pages pages, MessageSource messages, Locale locale) throws IOException {
		long after = 0;
		for (List<RowError> page = pages.after(after, PAGE); !page.isEmpty(); page = pages.after(after, PAGE)) {
			for (RowError error : page) {
				csv.row(error.line(), error.column(),
						messages.getMessage(error.messageKey(), error.arguments(), error.code(), locale));
			}
			after = page.getLast().line();
		}
	}
}
