package ru.kredo.contacting.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import ru.kredo.audit.AuditActor;
import ru.kredo.contacting.ContactTemplates;
import ru.kredo.contacting.MessageTemplate;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * The agency's texts to its debtors and its registered SMS sender name by API (issue 15), as its admin keeps them on
 * «Тексты должникам»: each template as it reads now, and a change saved by the page's own check and save
 * ({@link ContactTemplates#save}: a text that does not name the agency or give its phone is refused under 137-ФЗ,
 * every wrong field at once; a blank one goes back to the default; each change audited). docs/contact-rules.md
 * «Templates».
 */
@RestController
@RequestMapping("/api/v1/contact-templates")
@Tag(name = "Contact templates", description = "Collection agencies: the texts Kredo sends their debtors, and the SMS sender name")
class ContactTemplatesApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String TEMPLATES_EXAMPLE = """
			{"sender":"KREDO-AG","placeholders":["{agency}","{phone}","{link}","{amount}","{date}"],"templates":[\
			{"template":"CABINET_INVITATION","purpose":"cabinet.invitation","initiative":"COLLECTION",\
			"text":"«{agency}»: погасите долг онлайн в личном кабинете: {link} Тел. {phone}","own":true,\
			"defaultText":"«{agency}»: ваш долг можно погасить онлайн, без звонков, в личном кабинете: {link} Тел. {phone}"}]}""";
	private static final String BODY_EXAMPLE = """
			{"sender":"KREDO-AG","texts":{"CABINET_INVITATION":"«{agency}»: погасите долг онлайн в личном кабинете: \
			{link} Тел. {phone}","PLAN_BEHIND":""}}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",\
			"errors":[{"field":"CABINET_INVITATION","code":"contact-template.phone-missing",\
			"message":"Укажите телефон агентства: {phone} или номер из реквизитов (137-ФЗ)"}]}""";

	private final ContactTemplates templates;
	private final CurrentTenant current;

	ContactTemplatesApi(ContactTemplates templates, CurrentTenant current) {
		this.templates = templates;
		this.current = current;
	}

	@GetMapping
	@Operation(summary = "The agency's texts to its debtors as they read now, and its SMS sender name", description = """
			Every template (`template`, the name a change is sent by), its text now (`own`: the agency's wording; \
			otherwise the default, also given as `defaultText`), and the placeholders a text may use. `sender` is \
			`null` until the agency gives its registered name.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "templates", value = TEMPLATES_EXAMPLE)))
	TemplatesResource read() {
		List<TemplateResource> list = new ArrayList<>();
		templates.all(current.id()).forEach((template, text) -> list.add(new TemplateResource(template,
				template.purpose(), template.initiative().name(), text, !text.equals(template.defaultText()),
				template.defaultText())));
		return new TemplatesResource(templates.sender(current.id()).orElse(null), MessageTemplate.PLACEHOLDERS, list);
	}

	@PutMapping
	@Operation(summary = "Change texts and the sender name, as the page's form does", description = """
			`texts` maps a template's name to its new text: a blank text goes back to the default; a template not \
			named keeps its text. `sender` (up to 11 Latin letters, digits, spaces, dots, hyphens, underscores): a \
			blank one removes it; absent, it is kept. Every text must name the agency (`{agency}` or its name) and \
			give its phone (`{phone}` or the number of its requisites), 137-ФЗ; every wrong field is named at once \
			in `errors`, with the page's codes, and nothing is saved. Audited as CONTACT_TEMPLATE_SAVED, \
			CONTACT_TEMPLATE_RESET and CONTACT_SENDER_CHANGED, naming the template, never its text.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "saved", value = TEMPLATES_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors` (a template's name, or `sender`); neither "
			+ "`texts` nor `sender` sent (contact-template.nothing-to-change)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "no phone", value = INVALID_EXAMPLE)))
	TemplatesResource save(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "change", value = BODY_EXAMPLE)))
			@RequestBody(required = false) Change body) {
		Change change = body == null ? new Change(null, null) : body;
		if (change.texts() == null && change.sender() == null) {
			// A body that names nothing to change is a mistake (a field misspelt), not a save of nothing.
			throw new InvalidFields(Map.of("texts", new Rejected("contact-template.nothing-to-change")));
		}
		Map<MessageTemplate, String> texts = new EnumMap<>(MessageTemplate.class);
		InvalidFields.Collector unknown = new InvalidFields.Collector();
		if (change.texts() != null) {
			change.texts().forEach((name, text) -> {
				Optional<MessageTemplate> template = Arrays.stream(MessageTemplate.values())
					.filter(t -> t.name().equals(name))
					.findFirst();
				if (template.isPresent()) {
					texts.put(template.get(), text == null ? "" : text);
				}
				else {
					unknown.reject(name, new Rejected("contact-template.unknown-template",
							Arrays.stream(MessageTemplate.values()).map(Enum::name).toList().toString()));
				}
			});
		}
		unknown.throwIfAny();
		String sender = change.sender() != null ? change.sender() : templates.sender(current.id()).orElse("");
		templates.save(current.id(), texts, sender, AuditActor.of(current.actor()));
		return read();
	}

	/**
	 * @param texts a template's name ({@code CABINET_INVITATION}) → its new text; a blank one goes back to the default
	 * @param sender the registered SMS sender name; blank removes it, absent keeps it
	 */
	record Change(Map<String, String> texts, String sender) {
	}

	record TemplatesResource(String sender, List<String> placeholders, List<TemplateResource> templates) {
	}

	/**
	 * @param own whether the text is the agency's wording (otherwise the default)
	 * @param initiative whose initiative the text is under 230-ФЗ (REPLY: an answer to the debtor; COLLECTION)
	 */
	record TemplateResource(MessageTemplate template, String purpose, String initiative, String text, boolean own,
			String defaultText) {
	}
}
