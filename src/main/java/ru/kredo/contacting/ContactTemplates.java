package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.AgencyProfile;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.documents.Agency;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * The agency's wording of its texts to debtors ({@link MessageTemplate}, defaults until its admin edits them) and its
 * registered SMS sender name (альфа-имя). 137-ФЗ asks every electronic message to name the creditor and give a
 * contact phone: a template that has neither {@code {agency}} nor the agency's name written out, or neither
 * {@code {phone}} nor its phone, is refused when it is saved, each field with its own error. docs/contact-rules.md.
 */
@Service
public class ContactTemplates {

	/** The longest template kept: a few SMS parts; a text is split by the operator, not refused by it. */
	public static final int MAX_LENGTH = 1000;
	/**
	 * A registered sender name as SMS aggregators take it: up to 11 Latin letters, digits, spaces, dots, hyphens or
	 * underscores, starting with a letter or digit.
	 */
	static final Pattern SENDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}\\s]*}");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TenantDirectory tenants;
	private final AgencyRequisites requisites;
	private final AuditLog audit;

	ContactTemplates(JdbcClient jdbc, Clock clock, TenantDirectory tenants, AgencyRequisites requisites,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tenants = tenants;
		this.requisites = requisites;
		this.audit = audit;
	}

	/** The agency's templates as they read now: its own wording, else the default. */
	public Map<MessageTemplate, String> all(TenantId tenant) {
		Map<MessageTemplate, String> texts = new EnumMap<>(MessageTemplate.class);
		for (MessageTemplate template : MessageTemplate.values()) {
			texts.put(template, template.defaultText());
		}
		jdbc.sql("select purpose, body from contact_templates where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> Map.entry(row.getString("purpose"), row.getString("body")))
			.list()
			.forEach(e -> MessageTemplate.of(e.getKey()).ifPresent(t -> texts.put(t, e.getValue())));
		return texts;
	}

	/** One template as it reads now. */
	public String text(TenantId tenant, MessageTemplate template) {
		return jdbc.sql("select body from contact_templates where tenant_id = ? and purpose = ?")
			.params(tenant.value(), template.purpose())
			.query(String.class)
			.optional()
			.orElse(template.defaultText());
	}

	/** The agency's registered SMS sender name, if it gave one. */
	public Optional<String> sender(TenantId tenant) {
		return jdbc.sql("select sms_sender from contact_senders where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> Optional.ofNullable(row.getString("sms_sender")))
			.optional()
			.flatMap(s -> s);
	}

	/** The phone the agency's texts name: its requisites' phone, none until its admin gave them. */
	public Optional<String> phone(TenantId tenant) {
		return requisites.of(tenant).map(Agency::phone).filter(p -> !p.isBlank());
	}

	/**
	 * The agency's own e-mail, on its requisites: the sender (From, Reply-To) of its e-mails to debtors, none until its
	 * admin gave it (docs/contact-rules.md «The e-mail channel»).
	 */
	public Optional<String> email(TenantId tenant) {
		return requisites.profile(tenant).map(AgencyProfile::email).filter(e -> !e.isBlank());
	}

	/** The name the agency's texts name it by (its name in Kredo, as the cabinet shows it). */
	public String agencyName(TenantId tenant) {
		return tenants.get(tenant).name();
	}

	/**
	 * Saves the agency's templates (a blank one goes back to its default) and its sender name (blank: none), all or
	 * nothing: every wrong field refused at once ({@link InvalidFields}, fields named by the template's enum name and
	 * {@code sender}). Each change is audited as {@code actor}, naming the template, never its text:
	 * {@code CONTACT_TEMPLATE_SAVED} (a wording of its own kept or changed), {@code CONTACT_TEMPLATE_RESET} (back to
	 * the default), {@code CONTACT_SENDER_CHANGED} (the registered name, which is no secret); a template saved as it was
	 * is no change.
	 */
	@Transactional
	public void save(TenantId tenant, Map<MessageTemplate, String> texts, String sender, AuditActor actor) {
		String name = agencyName(tenant);
		Optional<String> phone = phone(tenant);
		InvalidFields.Collector errors = new InvalidFields.Collector();
		Map<MessageTemplate, String> kept = new LinkedHashMap<>();
		for (Map.Entry<MessageTemplate, String> entry : texts.entrySet()) {
			String text = entry.getValue() == null ? "" : entry.getValue().strip();
			if (text.isEmpty()) {
				kept.put(entry.getKey(), null);
				continue;
			}
			Rejected wrong = check(text, name, phone);
			if (wrong != null) {
				errors.reject(entry.getKey().name(), wrong);
			}
			kept.put(entry.getKey(), text);
		}
		String registered = sender == null ? "" : sender.strip();
		if (!registered.isEmpty() && !SENDER.matcher(registered).matches()) {
			errors.reject("sender", new Rejected("contact-template.sender-invalid"));
		}
		errors.throwIfAny();
		Timestamp now = Timestamp.from(clock.instant());
		Map<String, String> before = new LinkedHashMap<>();
		jdbc.sql("select purpose, body from contact_templates where tenant_id = ? for update")
			.param(tenant.value())
			.query((row, n) -> before.put(row.getString("purpose"), row.getString("body")))
			.list();
		kept.forEach((template, text) -> {
			String was = before.get(template.purpose());
			if (text == null || text.equals(template.defaultText())) {
				int reset = jdbc.sql("delete from contact_templates where tenant_id = ? and purpose = ?")
					.params(tenant.value(), template.purpose())
					.update();
				if (reset > 0) {
					audit.record(tenant, actor, AuditAction.CONTACT_TEMPLATE_RESET, "contact-template",
							template.purpose(), "template:" + template.name());
				}
				return;
			}
			if (!text.equals(was)) {
				audit.record(tenant, actor, AuditAction.CONTACT_TEMPLATE_SAVED, "contact-template", template.purpose(),
						"template:" + template.name());
			}
			jdbc.sql("""
					insert into contact_templates (tenant_id, purpose, body, updated_at, updated_by)
					values (?, ?, ?, ?, ?)
					on conflict (tenant_id, purpose) do update set body = excluded.body,
					    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
				.params(tenant.value(), template.purpose(), text, now, actor.id())
				.update();
		});
		String senderBefore = sender(tenant).orElse("");
		if (!senderBefore.equals(registered)) {
			audit.record(tenant, actor, AuditAction.CONTACT_SENDER_CHANGED, "contact-template", "sms-sender",
					registered.isEmpty() ? "sender:none" : "sender:" + registered);
		}
		jdbc.sql("""
				insert into contact_senders (tenant_id, sms_sender, updated_at, updated_by) values (?, ?, ?, ?)
				on conflict (tenant_id) do update set sms_sender = excluded.sms_sender,
				    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(tenant.value(), registered.isEmpty() ? null : registered, now, actor.id())
			.update();
	}

	/** Why a template may not be kept, or {@code null}: too long, an unknown placeholder, no agency, no phone. */
	static Rejected check(String text, String agencyName, Optional<String> phone) {
		if (text.length() > MAX_LENGTH) {
			return new Rejected("contact-template.too-long", MAX_LENGTH);
		}
		Matcher placeholder = PLACEHOLDER.matcher(text);
		while (placeholder.find()) {
			if (!MessageTemplate.PLACEHOLDERS.contains(placeholder.group())) {
				return new Rejected("contact-template.unknown-placeholder", placeholder.group(),
						String.join(", ", MessageTemplate.PLACEHOLDERS));
			}
		}
		if (!text.contains("{agency}") && !namesAgency(text, agencyName)) {
			return new Rejected("contact-template.agency-missing");
		}
		if (!text.contains("{phone}") && !(phone.isPresent() && givesPhone(text, phone.get()))) {
			return new Rejected("contact-template.phone-missing");
		}
		return null;
	}

	/** Whether a text names the agency: its name written out, whatever the case. */
	static boolean namesAgency(String text, String agencyName) {
		return text.toLowerCase(Locale.ROOT).contains(agencyName.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether a text gives the agency's phone: its digits in a row, whatever the punctuation, the country code written
	 * +7 or 8 alike.
	 */
	static boolean givesPhone(String text, String phone) {
		String digits = phone.replaceAll("\\D", "");
		if (digits.length() < 5) {
			return false;
		}
		String national = digits.length() == 11 && (digits.startsWith("7") || digits.startsWith("8"))
				? digits.substring(1) : digits;
		return text.replaceAll("\\D", "").contains(national);
	}

	/** The text of a template with its placeholders filled ({@code null} values leave nothing in their place). */
	public static String render(String template, Map<String, String> values) {
		String text = template;
		for (String placeholder : MessageTemplate.PLACEHOLDERS) {
			String value = values.get(placeholder);
			text = text.replace(placeholder, value == null ? "" : value);
		}
		return text;
	}
}
