package ru.kredo.collections.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.BureauPhones;
import ru.kredo.collections.DebtorPhone;
import ru.kredo.collections.DebtorPhoneBook;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.InvalidFields;
import ru.kredo.tenancy.CurrentTenant;

/**
 * A debtor's phones for the agency's software (issue 14; collection agencies only, {@code docs/monitoring-debtors.md},
 * «A new phone from the bureau»): each with where it came from, whether the debtor confirmed a bureau's one, and whether
 * the agency's messages may go to it; and the card's «Сделать основным» — a confirmed bureau's phone made his own.
 */
@RestController
@Tag(name = "Debts", description = "Collection agencies: debts and debtors — search, read, payments received outside Kredo")
class DebtorPhonesApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String JSON = "application/json";
	private static final String OWN = """
			{"phone":"+79161234567","source":"CONTACT","own":true,"confirmedAt":null,"messagesAllowed":true}""";
	private static final String BUREAU = """
			{"phone":"+79037654321","source":"BUREAU","own":false,"confirmedAt":"2026-12-05T10:12:00Z",\
			"messagesAllowed":false}""";
	private static final String LIST_EXAMPLE = "{\"items\":[" + OWN + ","
			+ "{\"phone\":\"+74951234567\",\"source\":\"REGISTRY\",\"own\":false,\"confirmedAt\":null,"
			+ "\"messagesAllowed\":false}," + BUREAU + "],\"total\":3,\"totalIsEstimate\":false,\"nextCursor\":null}";
	private static final String MADE_OWN_EXAMPLE = """
			{"phone":"+79037654321","source":"BUREAU","own":true,"confirmedAt":"2026-12-05T10:12:00Z",\
			"messagesAllowed":true}""";
	private static final String NOT_CONFIRMED_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,"detail":"Номер не подтверждён: должник ещё \
			не входил с ним в кабинет. Сделать его основным можно только после подтверждения — иначе сообщения о долге \
			могут уйти чужому человеку.","code":"debtor-phone.not-confirmed"}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Контакт не найден.",\
			"code":"contact.not-found"}""";

	private final DebtorPhoneBook book;
	private final BureauPhones bureauPhones;
	private final Contacts contacts;
	private final CurrentTenant current;
	private final AuditLog audit;

	DebtorPhonesApi(DebtorPhoneBook book, BureauPhones bureauPhones, Contacts contacts, CurrentTenant current,
			AuditLog audit) {
		this.book = book;
		this.bureauPhones = bureauPhones;
		this.contacts = contacts;
		this.current = current;
		this.audit = audit;
	}

	/**
	 * One phone.
	 *
	 * @param phone E.164
	 * @param source CONTACT (came with his contact), REGISTRY (a debt registry's further numbers), BUREAU (a credit
	 *        bureau's event)
	 * @param own the phone on his contact, the one the agency's texts and calls go to
	 * @param confirmedAt a bureau's number: when he signed in to the cabinet with it; else {@code null}
	 * @param messagesAllowed whether the agency's messages may go to it (his own phone only)
	 */
	record PhoneResource(String phone, DebtorPhone.Source source, boolean own, Instant confirmedAt,
			boolean messagesAllowed) {

		static PhoneResource of(DebtorPhone phone) {
			return new PhoneResource(phone.phone().e164(), phone.source(), phone.own(), phone.confirmedAt(),
					phone.messagesAllowed());
		}
	}

	/** The body of «make it his own»: the bureau's number, in any usual spelling. */
	record OwnBody(String phone) {
	}

	@GetMapping("/api/v1/debtors/{id}/phones")
	@Operation(summary = "A debtor's phones: where each came from, a bureau's confirmed or not, which messages may go "
			+ "to; 404 if not this agency's", description = """
			His own phone first (`own`: the one on his contact; the agency's texts and an operator's calls go to it \
			only, so only it has `messagesAllowed`), then the others his contact's files gave (`CONTACT`), a debt \
			registry's further numbers (`REGISTRY`) and the numbers a credit bureau's `PERSONAL_DATA_CHANGED` event gave \
			(`BUREAU`), in the order Kredo learnt them, each number once. A bureau's number has `confirmedAt` once the \
			debtor signed in to the cabinet with it (the sign-in code proves he holds it); he may sign in with any of \
			them. A bureau's number made his own keeps `source` BUREAU. All of them in one page (`nextCursor` always \
			`null`). Audited as a view of his personal data, as his card is.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "his phones", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (contact.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ApiList<PhoneResource> list(@PathVariable UUID id) {
		ContactId debtor = contacts.get(current.id(), new ContactId(id)).id();
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor.value(), "api;debtor-phones");
		// A debtor's phones are a handful: all of them, one page (docs/api-lists.md).
		return ApiList.whole(book.of(current.id(), debtor).stream().map(PhoneResource::of).toList());
	}

	@PostMapping("/api/v1/debtors/{id}/phones/own")
	@Operation(summary = "Make a bureau's phone the debtor confirmed his own (audited)", description = """
			The card's «Сделать основным»: the number becomes the phone on his contact, where the agency's texts and \
			calls go from now on; the one his contact had stays among his phones (`CONTACT`) and he may still sign in \
			with it. Only a number a bureau gave for him (`debtor-phone.not-from-bureau`) and that he confirmed by \
			signing in to the cabinet with it (`debtor-phone.not-confirmed`): an unconfirmed number may be a \
			stranger's. His own already: nothing changes. Answers the phone as the list shows it now.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "a bureau's phone", value = "{\"phone\":\"+7 903 765-43-21\"}")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "made his own", value = MADE_OWN_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not confirmed (debtor-phone.not-confirmed), not a bureau's number "
			+ "of his (debtor-phone.not-from-bureau), or not a phone number (`errors`: phone contact.phone-invalid)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not confirmed",
					value = NOT_CONFIRMED_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (contact.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PhoneResource makeOwn(@PathVariable UUID id, @RequestBody(required = false) OwnBody body) {
		ContactId debtor = contacts.get(current.id(), new ContactId(id)).id();
		InvalidFields.Collector fields = new InvalidFields.Collector();
		PhoneNumber phone = fields.read("phone", () -> PhoneNumber.parse(body == null ? null : body.phone()));
		fields.throwIfAny();
		bureauPhones.makeOwn(current.id(), debtor, phone, AuditActor.of(current.actor()), "api");
		return book.of(current.id(), debtor).stream()
			.filter(listed -> listed.phone().equals(phone))
			.findFirst()
			.map(PhoneResource::of)
			.orElseThrow();
	}
}
