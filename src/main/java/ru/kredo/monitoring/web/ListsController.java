package ru.kredo.monitoring.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.internal.ListImport;
import ru.kredo.monitoring.internal.ListImporting;
import ru.kredo.monitoring.internal.MonitoringLists;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.platform.RequestedPage;

/** Mass monitoring: the tenant's lists, and uploading a contact file as a named list (admins and managers). */
@Controller
@RequestMapping("/monitoring/lists")
class ListsController {

	/** Rows a page of the list shows. */
	static final int PAGE_SIZE = 50;

	private final MonitoringLists lists;
	private final ListImporting importing;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final MessageSource messages;

	ListsController(MonitoringLists lists, ListImporting importing, CurrentTenant current, AuditLog audit,
			MessageSource messages) {
		this.lists = lists;
		this.importing = importing;
		this.current = current;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("lists", RequestedPage.slice(RequestedPage.matching(lists.overview(current.id()), list -> list.name()), PAGE_SIZE));
		return "monitoring/lists/list";
	}

	@GetMapping("/new")
	String form(Model model) {
		String purpose = messages.getMessage("lists.form.default-purpose." + current.kind().name(), null,
				LocaleContextHolder.getLocale());
		return showForm(new ListUpload("", defaultSegment().name(), Integer.toString(WatchTerms.DEFAULT_MONTHS), null,
				purpose, ConsentMethod.PAPER.name()), Map.of(), model);
	}

	/**
	 * Spools the file, refuses at once one too large or without ФИО or date of birth columns, and imports the rest in
	 * the background. A refused form comes back (422) with what was typed and every wrong field marked at once, read
	 * as the API reads the same fields ({@link ListUpload}).
	 */
	@PostMapping
	String upload(ListUpload form, @RequestParam(required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		try {
			ListUpload.Parsed parsed;
			try {
				parsed = form.parse(defaultSegment());
			}
			catch (InvalidFields invalid) {
				Map<String, Rejected> errors = new LinkedHashMap<>(invalid.errors());
				if (file == null || file.isEmpty()) {
					errors.put("file", new Rejected("import.file-required"));
				}
				throw new InvalidFields(errors);
			}
			if (file == null || file.isEmpty()) {
				throw new InvalidFields(Map.of("file", new Rejected("import.file-required")));
			}
			Path spooled = importing.receive(file);
			ListImport started = importing.start(current.id(), current.actor().auditName(), parsed.listName(),
					fileName(file), spooled, parsed.defaults());
			audit.record(AuditAction.LIST_IMPORTED, "list-import", started.id(), "list:" + started.listId());
			return "redirect:/monitoring/imports/" + started.id();
		}
		catch (InvalidFields invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showForm(form, invalid.errors(), model);
		}
		catch (Rejected rejected) {
			// The file's own refusals (too large, no ФИО column…) are the file field's.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showForm(form, Map.of(rejected.code().startsWith("import.") ? "file" : "name", rejected), model);
		}
	}

	private String showForm(ListUpload form, Map<String, Rejected> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("segments", Segment.values());
		model.addAttribute("methods", ConsentMethod.values());
		return "monitoring/lists/new";
	}

	private Segment defaultSegment() {
		return current.kind() == TenantKind.COLLECTOR ? Segment.DEBTOR : Segment.PROSPECT;
	}

	static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "" : Path.of(file.getOriginalFilename()).getFileName().toString();
		return name.isBlank() ? "file.csv" : name.length() > 200 ? name.substring(0, 200) : name;
	}
}
