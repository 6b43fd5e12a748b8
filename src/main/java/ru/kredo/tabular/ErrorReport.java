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
 * Every rejected row of an import as a CSV download for Excel (UTF-8 with a BOM, «;»): line, column and the reason in
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
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// Through CsvExport: a column or a reason may echo a header cell of the upload, «=cmd…» included.
		try (CsvExport csv = CsvExport.excel(out)) {
			csv.row(messages.getMessage("imports.errors.line", null, locale),
					messages.getMessage("imports.errors.column", null, locale),
					messages.getMessage("imports.errors.reason", null, locale));
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
}
