package ru.kredo.contacts.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.ContactSummary;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.ShownIdentifiers;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.privacy.IdentifierAccess;
import ru.kredo.tenancy.CurrentTenant;

@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "People the tenant knows; identifiers are returned only for one contact at a time")
class ContactsApi {

	private static final int MAX_LIMIT = 1000;

	private final Contacts contacts;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final IdentifierAccess access;

	ContactsApi(Contacts contacts, CurrentTenant current, AuditLog audit, IdentifierAccess access) {
		this.contacts = contacts;
		this.current = current;
		this.audit = audit;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Contacts that q finds (ФИО words in any order and case, ё = е; a phone in any notation; a "
			+ "passport), in the order they were added; identifiers masked", description = """
					With `externalId` (the id of the person's row in your own system), the one contact that has it, or \
					none (`items` empty). A page of at most `limit` contacts (default 100, at most 1000): `items`, `total` \
					(how many `q` finds), `nextCursor` — pass it back as `cursor`; `null` is the last page. `offset` is \
					refused (400 `request.offset-replaced`): use the cursor (docs/api-lists.md). \
					`GET /api/v1/contacts/by-external-id/{externalId}` answers the contact in full, or 404.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "found", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid), an `offset` "
			+ "(request.offset-replaced)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<ContactLine> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String externalId,
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit,
			@Parameter(hidden = true) @RequestParam(required = false) Integer offset) {
		ApiList.refuseOffset(offset);
		int bounded = ApiList.limit(limit, MAX_LIMIT);
		if (externalId != null) {
			List<ContactLine> found = contacts.findByExternalId(current.id(), externalId).stream()
				.map(c -> new ContactLine(c.id().value(), c.name().display(),
						c.phone() == null ? null : c.phone().masked(), c.passport() != null, c.createdAt(), c.externalId()))
				.toList();
			return ApiList.slice(found, line -> new Cursor(line.createdAt(), line.id()), false, cursor, bounded,
					line -> line);
		}
		return ApiList.keyset(contacts.searchAfter(current.id(), q, Cursor.decode(cursor), bounded + 1), bounded,
				c -> new Cursor(c.createdAt(), c.id().value()), contacts.count(current.id(), q), ContactLine::of);
	}

	private static final String LIST_EXAMPLE = """
			{"items":[{"id":"c21f0e9d-8c7b-4a6f-9e5d-4c3b2a1f0e9d","name":"Семёнова Анна Петровна",
			"maskedPhone":"+7 916 ***-**-67","hasPassport":true,"createdAt":"2026-11-23T08:00:00Z","externalId":"1042"}],
			"total":1,"totalIsEstimate":false,"nextCursor":null}""";

	@GetMapping("/by-external-id/{externalId}")
	@Operation(summary = "The contact whose row in your own system has this id (`externalId`), with its identifiers as "
			+ "`GET /api/v1/contacts/{id}` gives them (audited); 404 if no contact of this tenant has it")
	ContactResource byExternalId(@PathVariable String externalId) {
		return resource(contacts.byExternalId(current.id(), externalId));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One contact with its identifiers (audited as a view of personal data); 404 if not in this tenant",
			description = "An API key acts for the whole tenant and gets passport, ИНН and СНИЛС in full; any other caller "
					+ "gets them masked (`identifiersMasked: true`, e.g. passport `45 ** ***321`). Each call is audited.")
	ContactResource one(@PathVariable UUID id) {
		return resource(contacts.get(current.id(), new ContactId(id)));
	}

	private ContactResource resource(Contact contact) {
		ShownIdentifiers shown = ShownIdentifiers.of(contact, access.full());
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", contact.id(), "api;" + shown.auditDetail());
		return ContactResource.of(contact, shown, contacts.phones(current.id(), contact.id()),
				contacts.emails(current.id(), contact.id()));
	}

	/** @param externalId the id of the person's row in the tenant's own system, or {@code null} */
	record ContactLine(UUID id, String name, String maskedPhone, boolean hasPassport, Instant createdAt,
			String externalId) {

		static ContactLine of(ContactSummary c) {
			return new ContactLine(c.id().value(), c.name(), c.maskedPhone(), c.hasPassport(), c.createdAt(),
					c.externalId());
		}
	}

	/**
	 * With {@code identifiersMasked}, passport, ИНН and СНИЛС are masked and the passport is in {@code passportMasked}.
	 * {@code phones} and {@code emails} are every number and address known for the contact, {@code phone} and
	 * {@code email} (his first) first. {@code externalId} is the id of his row in the tenant's own system.
	 */
	record ContactResource(UUID id, String lastName, String firstName, String middleName, LocalDate birthDate,
			String passportSeries, String passportNumber, String passportMasked, String inn, String snils, String phone,
			String email, boolean identifiersMasked, List<String> phones, List<String> emails, String externalId) {

		static ContactResource of(Contact c, ShownIdentifiers shown, List<ru.kredo.contacts.PhoneNumber> phones,
				List<String> emails) {
			boolean full = shown.full();
			return new ContactResource(c.id().value(), c.name().lastName(), c.name().firstName(), c.name().middleName(),
					c.birthDate(), c.passport() == null || !full ? null : c.passport().series(),
					c.passport() == null || !full ? null : c.passport().number(), full ? null : shown.passport(),
					c.inn() == null ? null : full ? c.inn().value() : shown.inn(),
					c.snils() == null ? null : full ? c.snils().value() : shown.snils(),
					c.phone() == null ? null : c.phone().e164(), c.email(), !full,
					phones.stream().map(ru.kredo.contacts.PhoneNumber::e164).toList(), List.copyOf(emails), c.externalId());
		}
	}
}
