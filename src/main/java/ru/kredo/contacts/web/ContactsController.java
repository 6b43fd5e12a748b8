package ru.kredo.contacts.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.CsvExport;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.CurrentTenant;

@Controller
@RequestMapping("/contacts")
class ContactsController {

	static final int PAGE_SIZE = 50;

	private final Contacts contacts;
	private final CurrentTenant current;
	private final AuditLog audit;

	ContactsController(Contacts contacts, CurrentTenant current, AuditLog audit) {
		this.contacts = contacts;
		this.current = current;
		this.audit = audit;
	}

	/** The list; as the user types, htmx asks for the rows alone. */
	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Paging paging = Paging.page(page, PAGE_SIZE);
		model.addAttribute("q", q);
		model.addAttribute("page", paging.number());
		model.addAttribute("contacts", contacts.search(current.id(), q, paging.offset(), PAGE_SIZE + 1));
		model.addAttribute("pageSize", PAGE_SIZE);
		model.addAttribute("total", contacts.count(current.id()));
		return htmx != null ? "contacts/list :: rows" : "contacts/list";
	}

	/** The whole card with identifiers opened: a view of personal data, so it is audited. */
	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Contact contact = contacts.get(current.id(), new ContactId(id));
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", contact.id(), null);
		model.addAttribute("contact", contact);
		return "contacts/detail";
	}

	/** Every contact as CSV (UTF-8 with BOM, so Excel opens it right): an export, so it is audited. */
	@GetMapping(value = "/export.csv")
	ResponseEntity<byte[]> export() throws IOException {
		List<Contact> all = contacts.all(current.id());
		StringWriter out = new StringWriter();
		try (CsvExport csv = CsvExport.excel(out)) {
			csv.row("Фамилия", "Имя", "Отчество", "Дата рождения", "Паспорт", "ИНН", "СНИЛС", "Телефон", "E-mail");
			for (Contact c : all) {
				csv.row(c.name().lastName(), c.name().firstName(), c.name().middleName(), c.birthDate(),
						c.passport() == null ? null : c.passport().display(), c.inn() == null ? null : c.inn().value(),
						c.snils() == null ? null : c.snils().display(), c.phone() == null ? null : c.phone().e164(),
						c.email());
			}
		}
		audit.record(AuditAction.EXPORTED, "contact", null, "rows:" + all.size());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("contacts.csv", StandardCharsets.UTF_8).build().toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}
}
