package ru.kredo.collections.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.web.RequisitesController.RequisitesForm;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantDirectory;

/**
 * The agency's requisites by API (issue 15), the «Реквизиты» page's form as JSON: the same fields, checked by the
 * same rule ({@link ru.kredo.collections.AgencyProfile#typed}, every wrong field at once) and kept by the same call,
 * audited as the page's save is ({@code REQUISITES_CHANGED}). See {@code docs/personal-data.md}, «API».
 */
@RestController
@RequestMapping("/api/v1/requisites")
@Tag(name = "Requisites", description = "Collection agencies: legal details, hours, e-mail, register entry, texts")
class RequisitesApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String EXAMPLE = """
			{"fullName":"ООО ПКО «Возврат»","inn":"7707083893","ogrn":"1027700132195",\
			"address":"125009, Москва, ул. Тверская, д. 1","phone":"+7 495 000-00-00","hours":"Пн–Пт 9:00–18:00",\
			"email":"info@vozvrat.ru","registryEntry":"1/17/77000-КЛ","privacyPolicy":"Политика обработки…",\
			"consentText":"Я даю согласие…"}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",\
			"errors":[{"field":"inn","code":"certificate.agency-inn-check-digit",\
			"message":"ИНН не проходит проверку контрольной цифры: проверьте его."}]}""";

	private final AgencyRequisites requisites;
	private final CurrentTenant current;
	private final TenantDirectory tenants;
	private final AuditLog audit;

	RequisitesApi(AgencyRequisites requisites, CurrentTenant current, TenantDirectory tenants, AuditLog audit) {
		this.requisites = requisites;
		this.current = current;
		this.tenants = tenants;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The agency's requisites as the «Реквизиты» page shows them", description = """
			Before they were first saved every field is empty but the texts; `privacyPolicy` and `consentText` read \
			as the debtors' cabinet shows them, Kredo's default wording written from the details when the agency \
			keeps none of its own. Not audited, as the page's view is not.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "saved", value = EXAMPLE)))
	RequisitesForm get() {
		String name = tenantName();
		return requisites.profile(current.id()).map(p -> RequisitesForm.of(p, name))
			.orElseGet(() -> RequisitesForm.empty(name));
	}

	@PutMapping
	@Operation(summary = "Save the agency's requisites, checked as the page checks them", description = """
			Every field as on the page: `fullName`, `inn` (10 digits, its check digit), `ogrn` (13 digits, its check \
			digit), `address`, `phone` required; `hours`, `email`, `registryEntry` (up to 200 characters) and the \
			texts (up to 30,000) optional — a text sent as Kredo's default wording, or left empty, follows the \
			details later. Every wrong field is named at once in `errors`, with the page's codes. Audited as \
			REQUISITES_CHANGED. Answers the requisites as saved.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "saved", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors`",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "ИНН", value = INVALID_EXAMPLE)))
	RequisitesForm put(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "requisites", value = EXAMPLE)))
			@RequestBody(required = false) RequisitesForm body) {
		RequisitesForm typed = body == null ? new RequisitesForm(null, null, null, null, null, null, null, null, null,
				null) : body;
		String name = tenantName();
		RequisitesController.save(requisites, current.id(), typed, name);
		audit.record(AuditAction.REQUISITES_CHANGED, "requisites", current.id().value(), "api");
		return get();
	}

	private String tenantName() {
		return tenants.get(current.id()).name();
	}
}
