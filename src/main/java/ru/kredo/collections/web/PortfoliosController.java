package ru.kredo.collections.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.internal.PortfolioImport;
import ru.kredo.collections.internal.PortfolioImporting;
import ru.kredo.collections.internal.PortfolioImports;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.ErrorReport;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.platform.RequestedPage;

/**
 * An agency's debt registries (реестры долгов): uploading one as a named portfolio, the portfolios with their
 * uploads, and an upload's progress (polled by htmx while it runs), result and report of rejected rows. Agencies only.
 */
@Controller
@RequestMapping("/debtors/portfolios")
class PortfoliosController {

	/** Rows a page of the list shows. */
	static final int PAGE_SIZE = 50;

	static final int ERRORS_SHOWN = 100;
	static final int HISTORY = 20;

	private final PortfolioImports imports;
	private final PortfolioImporting importing;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final MessageSource messages;

	PortfoliosController(PortfolioImports imports, PortfolioImporting importing, CurrentTenant current,
			AuditLog audit, MessageSource messages) {
		this.imports = imports;
		this.importing = importing;
		this.current = current;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		return show(PortfolioForm.empty(), model);
	}

	/**
	 * Spools the file, refuses at once one that cannot name debtors and contracts, imports the rest in the background.
	 * A refused form comes back (422) with what was typed and every wrong field marked at once.
	 */
	@PostMapping
	String upload(PortfolioForm form, @RequestParam(required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		try {
			InvalidFields.Collector fields = new InvalidFields.Collector();
			fields.read("name", () -> {
				if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 200) {
					throw new Rejected("portfolio.name-invalid", 200);
				}
				return null;
			});
			fields.read("creditor", form::defaults);
			if (file == null || file.isEmpty()) {
				fields.reject("file", new Rejected("import.file-required"));
			}
			fields.throwIfAny();
			Path spooled = importing.receive(file);
			PortfolioImport started = importing.start(current.id(), current.actor().auditName(), form.name(),
					fileName(file), spooled, form.defaults());
			audit.record(AuditAction.PORTFOLIO_IMPORTED, "portfolio-import", started.id(),
					"portfolio:" + started.portfolioId());
			return "redirect:/debtors/portfolios/imports/" + started.id();
		}
		catch (InvalidFields invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", invalid.errors());
			return show(form, model);
		}
		catch (Rejected rejected) {
			// The file's own refusals (too large, no contract column, an import running…) are the file field's.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			String code = rejected.code();
			model.addAttribute("errors", Map.of(code.startsWith("portfolio.name") ? "name"
					: code.startsWith("portfolio.creditor-too") ? "creditor" : "file", rejected));
			return show(form, model);
		}
	}

	@GetMapping("/imports/{id}")
	String result(@PathVariable UUID id, Model model) {
		model.addAttribute("portfolioImport", imports.get(current.id(), id));
		model.addAttribute("errors", imports.errors(current.id(), id, 0, ERRORS_SHOWN));
		model.addAttribute("notes", imports.notes(current.id(), id, 0, ERRORS_SHOWN));
		return "collections/portfolio-import";
	}

	/** The progress fragment; once the import has ended, htmx reloads the whole page to show the result. */
	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
		PortfolioImport portfolioImport = imports.get(current.id(), id);
		model.addAttribute("portfolioImport", portfolioImport);
		if (!portfolioImport.isRunning()) {
			response.setHeader("HX-Refresh", "true");
		}
		return "collections/portfolio-import :: progress";
	}

	/** Every rejected row as CSV for Excel, reasons in the user's language; no personal data. */
	@GetMapping("/imports/{id}/errors.csv")
	void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		PortfolioImport portfolioImport = imports.get(current.id(), id);
		ErrorReport.write(response, "errors-" + portfolioImport.id() + ".csv", messages, LocaleContextHolder.getLocale(),
				(after, limit) -> imports.errors(current.id(), id, after, limit),
				(after, limit) -> imports.notes(current.id(), id, after, limit));
	}

	private String show(PortfolioForm form, Model model) {
		model.addAttribute("form", form);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("portfolios", RequestedPage.slice(imports.overview(current.id()), PAGE_SIZE));
		model.addAttribute("history", imports.history(current.id(), HISTORY));
		return "collections/portfolios";
	}

	private static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "" : Path.of(file.getOriginalFilename()).getFileName().toString();
		return name.isBlank() ? "registry.csv" : name.length() > 200 ? name.substring(0, 200) : name;
	}
}
