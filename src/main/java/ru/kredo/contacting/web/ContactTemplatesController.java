package ru.kredo.contacting.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditActor;
import ru.kredo.contacting.ContactTemplates;
import ru.kredo.contacting.Contacting;
import ru.kredo.contacting.MessageTemplate;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;

/**
 * An agency admin's texts to its debtors and its registered SMS sender name (137-ФЗ): each template shown as it reads
 * now (the default until edited), with its placeholders; a template that does not name the agency or give its phone is
 * refused when saved, every wrong field marked at once (docs/contact-rules.md «Templates»).
 */
@Controller
@RequestMapping("/contact-templates")
class ContactTemplatesController {

	private final ContactTemplates templates;
	private final Contacting gate;

	ContactTemplatesController(ContactTemplates templates, Contacting gate) {
		this.templates = templates;
		this.gate = gate;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		if (!model.containsAttribute("texts")) {
			Map<String, String> texts = new LinkedHashMap<>();
			templates.all(me.tenantId()).forEach((template, text) -> texts.put(template.name(), text));
			model.addAttribute("texts", texts);
			model.addAttribute("sender", templates.sender(me.tenantId()).orElse(""));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("templates", MessageTemplate.values());
		model.addAttribute("placeholders", String.join(" ", MessageTemplate.PLACEHOLDERS));
		model.addAttribute("agencyPhone", templates.phone(me.tenantId()).orElse(null));
		model.addAttribute("textsAreSent", gate.textsAreSent());
		model.addAttribute("emailsAreSent", gate.emailsAreSent());
		model.addAttribute("agencyEmail", templates.email(me.tenantId()).orElse(null));
		return "contacting/templates";
	}

	/** A refused form comes back (422) with everything typed and every wrong field marked. */
	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser me, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		check(me);
		Map<MessageTemplate, String> texts = new EnumMap<>(MessageTemplate.class);
		Map<String, String> typed = new LinkedHashMap<>();
		for (MessageTemplate template : MessageTemplate.values()) {
			String text = form.getOrDefault(template.name(), "");
			texts.put(template, text);
			typed.put(template.name(), text);
		}
		String sender = form.getOrDefault("sender", "");
		try {
			templates.save(me.tenantId(), texts, sender, AuditActor.of(me));
			redirect.addFlashAttribute("notice", "contact-templates.saved");
			return "redirect:/contact-templates";
		}
		catch (InvalidFields invalid) {
			model.addAttribute("texts", typed);
			model.addAttribute("sender", sender);
			model.addAttribute("errors", invalid.errors());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(me, model);
		}
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "contact-templates");
		}
	}
}
