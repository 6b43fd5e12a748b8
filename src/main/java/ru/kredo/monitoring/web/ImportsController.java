package ru.kredo.monitoring.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.monitoring.internal.ListImport;
import ru.kredo.monitoring.internal.MonitoringLists;
import ru.kredo.tabular.ErrorReport;
import ru.kredo.tenancy.CurrentTenant;

/** An import's progress (polled by htmx while it runs), its result and its report of rejected rows. */
@Controller
@RequestMapping("/monitoring/imports")
class ImportsController {

	static final int ERRORS_SHOWN = 100;

	private final ImportRecords imports;
	private final MonitoringLists lists;
	private final CurrentTenant current;
	private final MessageSource messages;

	ImportsController(ImportRecords imports, MonitoringLists lists, CurrentTenant current, MessageSource messages) {
		this.imports = imports;
		this.lists = lists;
		this.current = current;
		this.messages = messages;
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		ListImport listImport = imports.get(current.id(), id);
		model.addAttribute("listImport", listImport);
		model.addAttribute("errors", imports.errors(current.id(), id, 0, ERRORS_SHOWN));
		// The import counts rows; how many people the list holds is the lists page's figure, read by the same query.
		model.addAttribute("list", lists.overview(current.id(), listImport.listId()));
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

	/** Every rejected row as CSV for Excel, reasons in the user's language; no personal data. */
	@GetMapping("/{id}/errors.csv")
	void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		ListImport listImport = imports.get(current.id(), id);
		ErrorReport.write(response, "errors-" + listImport.id() + ".csv", messages, LocaleContextHolder.getLocale(),
				(after, limit) -> imports.errors(current.id(), id, after, limit));
	}
}
