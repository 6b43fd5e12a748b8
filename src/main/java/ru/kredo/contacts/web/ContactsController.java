package ru.kredo.contacts.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.ShownIdentifiers;
import ru.kredo.platform.CsvExport;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.privacy.IdentifierAccess;
import ru.kredo.tenancy.CurrentTenant;

@Controller
@RequestMapping("/contacts")
class ContactsController {

	static final int PAGE_SIZE = 50;

	private final Contacts contacts;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final IdentifierAccess access;
	private final MessageSource messages;
	private final Clock clock;
	private final ZoneId zone;

	ContactsController(Contacts contacts, CurrentTenant current, AuditLog audit, IdentifierAccess access,
			MessageSource messages, Clock clock, BusinessCalendar calendar) {
		this.zone = calendar.agencyZone();
		this.contacts = contacts;
		this.current = current;
		this.audit = audit;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	/** The list, a page at a time, found by ФИО, phone or passport; as the user types, htmx asks for the rows alone. */
	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Paging paging = Paging.page(page, PAGE_SIZE);
		model.addAttribute("q", q);
		model.addAttribute("contacts", ListPage.of(contacts.search(current.id(), q, paging.offset(), paging.limit()),
				contacts.count(current.id(), q), paging));
		return htmx != null ? "contacts/list :: rows" : "contacts/list";
	}

	/**
	 * The whole card: a view of personal data, so it is audited, saying whether the identifiers were shown in full
	 * (to an admin) or masked (to a manager).
	 */
	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Contact contact = contacts.get(current.id(), new ContactId(id));
		ShownIdentifiers shown = ShownIdentifiers.of(contact, access.full());
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", contact.id(), shown.auditDetail());
		model.addAttribute("contact", contact);
		model.addAttribute("ids", shown);
		model.addAttribute("phones", contacts.phones(current.id(), contact.id()));
		model.addAttribute("emails", contacts.emails(current.id(), contact.id()));
		return "contacts/detail";
	}

	/**
	 * Every contact as CSV. Passport, ИНН and СНИЛС are in it only for those who may see them in full (an admin); a
	 * manager gets his work list without them. Every phone and e-mail address of a person is in it, one to a column
	 * («Телефон», «Телефон 2»… as many as the person with the most has; docs/personal-data.md says why). The first
	 * line says what the file holds; the export is audited with its row count and columns.
	 */
	@GetMapping(value = "/export.csv")
	ResponseEntity<byte[]> export() {
		boolean full = access.full();
		List<ExportColumn> columns = ExportColumn.of(full);
		List<Contact> all = contacts.all(current.id());
		Map<ContactId, List<PhoneNumber>> phones = contacts.phones(current.id(), all);
		Map<ContactId, List<String>> emails = contacts.emails(current.id(), all);
		int phoneColumns = Math.max(1, phones.values().stream().mapToInt(List::size).max().orElse(0));
		int emailColumns = Math.max(1, emails.values().stream().mapToInt(List::size).max().orElse(0));
		Locale locale = LocaleContextHolder.getLocale();
		List<String> header = new ArrayList<>(columns.stream().map(c -> messages.getMessage(c.label(), null, locale)).toList());
		List<String> keys = new ArrayList<>(columns.stream().map(ExportColumn::key).toList());
		numbered(header, keys, messages.getMessage("contacts.phone", null, locale), "phone", phoneColumns);
		numbered(header, keys, messages.getMessage("contacts.email", null, locale), "email", emailColumns);
		String statement = messages.getMessage("contacts.export.statement",
				new Object[] { String.join(", ", header), all.size(), current.actor().displayName(),
						DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(zone).format(clock.instant()) },
				locale);
		byte[] csv = CsvExport.write(statement, header, all.stream().map(c -> {
			List<Object> row = new ArrayList<>(columns.stream().map(column -> column.value(c)).toList());
			List<PhoneNumber> his = phones.get(c.id());
			for (int i = 0; i < phoneColumns; i++) {
				row.add(i < his.size() ? his.get(i).e164() : null);
			}
			List<String> addresses = emails.get(c.id());
			for (int i = 0; i < emailColumns; i++) {
				row.add(i < addresses.size() ? addresses.get(i) : null);
			}
			return row;
		}).toList());
		audit.record(AuditAction.EXPORTED, "contact", null, "rows:" + all.size() + ";columns:" + String.join(",", keys));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("contacts.csv", StandardCharsets.UTF_8).build().toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv);
	}

	/** «Телефон», «Телефон 2», «Телефон 3»…: the first as it always was, so that a mapping made for it still holds. */
	private static void numbered(List<String> header, List<String> keys, String label, String key, int count) {
		for (int i = 1; i <= count; i++) {
			header.add(i == 1 ? label : label + " " + i);
			keys.add(i == 1 ? key : key + "_" + i);
		}
	}

	/** The export's columns before the phones and e-mails, in order; the identifiers only for a full export. */
	enum ExportColumn {

		LAST_NAME("last_name", "contacts.last-name", false, c -> c.name().lastName()),
		FIRST_NAME("first_name", "contacts.first-name", false, c -> c.name().firstName()),
		MIDDLE_NAME("middle_name", "contacts.middle-name", false, c -> c.name().middleName()),
		BIRTH_DATE("birth_date", "contacts.birth-date", false, Contact::birthDate),
		PASSPORT("passport", "contacts.passport", true, c -> c.passport() == null ? null : c.passport().display()),
		INN("inn", "contacts.inn", true, c -> c.inn() == null ? null : c.inn().value()),
		SNILS("snils", "contacts.snils", true, c -> c.snils() == null ? null : c.snils().display());

		private final String key;
		private final String label;
		private final boolean identifier;
		private final Function<Contact, Object> value;

		ExportColumn(String key, String label, boolean identifier, Function<Contact, Object> value) {
			this.key = key;
			this.label = label;
			this.identifier = identifier;
			this.value = value;
		}

		static List<ExportColumn> of(boolean full) {
			return Arrays.stream(values()).filter(c -> full || !c.identifier).toList();
		}

		String key() {
			return key;
		}

		String label() {
			return label;
		}

		Object value(Contact contact) {
			return value.apply(contact);
		}
	}
}
