package ru.kredo.monitoring.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.monitoring.internal.ImportError;
import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.monitoring.internal.ListImport;
import ru.kredo.tenancy.CurrentTenant;

/** An import's progress (polled by htmx while it runs), its result and its report of rejected rows. */
@Controller
@RequestMapping("/monitoring/imports")
class ImportsController {

	static final int ERRORS_SHOWN = 100;
	private static final int ERRORS_PAGE = 5000;

	private final ImportRecords imports;
	private final CurrentTenant current;
	private final MessageSource messages;

	ImportsController(ImportRecords imports, CurrentTenant current, MessageSource messages) {
		this.imports = imports;
		this.current = current;
		this.messages = messages;
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		ListImport listImport = imports.get(current.id(), id);
		model.addAttribute("listImport", listImport);
		model.addAttribute("errors", imports.errors(current.id(), id, 0, ERRORS_SHOWN));
		return "monitoring/imports/show";
	}

	/** The progress fragment; once the import has ended, htmx reloads the whole page to show the result. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
		ListImport listImport = imports.get(current.id(), id);
		model.addAttribute("listImport", listImport);
		if (!listImport.isRunning()) {
			response.setHeader("HX-Refresh", "true");
		}
		return "monitoring/imports/show :: progress";
	}

	/** Every rejected row as CSV for Excel (UTF-8 with BOM, «;»), reasons in the user's language; no personal data. */
	@GetMapping("/{id}/errors.csv")
	void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		ListImport listImport = imports.get(current.id(), id);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("errors-" + listImport.id() + ".csv", StandardCharsets.UTF_8).build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		try (CSVPrinter csv = CSVFormat.EXCEL.builder().setDelimiter(';').get().print(out)) {
			csv.printRecord(text("imports.errors.line", locale), text("imports.errors.column", locale),
					text("imports.errors.reason", locale));
			long after = 0;
			for (List<ImportError> page = imports.errors(current.id(), id, after, ERRORS_PAGE); !page.isEmpty();
					page = imports.errors(current.id(), id, after, ERRORS_PAGE)) {
				for (ImportError error : page) {
					csv.printRecord(error.line(), error.column(),
							messages.getMessage(error.messageKey(), error.arguments(), error.code(), locale));
				}
				after = page.getLast().line();
			}
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
