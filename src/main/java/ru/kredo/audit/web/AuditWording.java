package ru.kredo.audit.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import ru.kredo.audit.AuditEvent;
import ru.kredo.platform.web.TimeDisplay;

/**
 * An audit record in words: the log stores codes (object types, enum names, {@code key:value} details) so that it can
 * be searched and exported; the pages show what they mean, in the reader's language, never the codes themselves
 * (templates call {@code @auditWording}). A code without words is shown as it is.
 */
@Component("auditWording")
public class AuditWording {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
	/** Where the words for a bare enum name in a detail are, tried in this order. */
	private static final List<String> ENUM_WORDS = List.of("outcome.", "segment.", "role.", "dashboard.kind.",
			"audit.detail.stop.", "audit.detail.");

	private final MessageSource messages;
	private final TimeDisplay time;

	AuditWording(MessageSource messages, TimeDisplay time) {
		this.messages = messages;
		this.time = time;
	}

	/** Who acted: his name, or what kind of actor ({@code system:…}, {@code api-key:…}) for one without a name. */
	public String actor(AuditEvent event, Locale locale) {
		if (event.actor().name() != null) {
			return event.actor().name();
		}
		String id = event.actor().id() == null ? "" : event.actor().id();
		int colon = id.indexOf(':');
		return word("audit.actor-kind." + (colon < 0 ? id : id.substring(0, colon)), id, locale);
	}

	/** What the record is about: «Человек», «Сигнал»…; a ranking's row reads «Сегмент · событие». */
	public String object(AuditEvent event, Locale locale) {
		if (event.objectType() == null) {
			return "";
		}
		if ("signal-priority".equals(event.objectType()) && event.objectId() != null && event.objectId().contains(".")) {
			String[] parts = event.objectId().split("\\.", 2);
			return word("segment." + parts[0], parts[0], locale) + " · " + word("signal.title." + parts[1], parts[1], locale);
		}
		return word("audit.object." + event.objectType(), event.objectType(), locale);
	}

	/** The detail in words, part by part ({@code ;} separates parts, {@code key:value} a part's value). */
	public String detail(AuditEvent event, Locale locale) {
		if (event.detail() == null || event.detail().isBlank()) {
			return "";
		}
		if (event.action().name().equals("SIGNAL_PRIORITY_CHANGED")) {
			return "default".equals(event.detail()) ? word("audit.detail.priority-default", event.detail(), locale)
					: message("audit.detail.priority", event.detail(), locale);
		}
		List<String> words = new ArrayList<>();
		for (String part : event.detail().split(";")) {
			words.add(part(part.strip(), locale));
		}
		return String.join("; ", words);
	}

	private String part(String part, Locale locale) {
		int colon = part.indexOf(':');
		if (colon > 0) {
			String key = part.substring(0, colon);
			String value = part.substring(colon + 1);
			String valueWords = word("audit.detail." + key + "." + value, null, locale);
			if (valueWords != null) {
				return valueWords;
			}
			return message("audit.detail." + key, CODE.matcher(value).matches() ? code(value, locale) : shown(value), locale,
					part);
		}
		return CODE.matcher(part).matches() ? code(part, locale) : word("audit.detail." + part, part, locale);
	}

	/** An enum's name in words: an outcome, a segment, a role… */
	private String code(String name, Locale locale) {
		for (String prefix : ENUM_WORDS) {
			String words = word(prefix + name, null, locale);
			if (words != null) {
				return words;
			}
		}
		return name;
	}

	/** A value as people read it: an instant in the users' time zone, anything else as it is. */
	private String shown(String value) {
		try {
			return time.format(Instant.parse(value), "dd.MM.yyyy HH:mm");
		}
		catch (DateTimeParseException notAnInstant) {
			return value;
		}
	}

	private String word(String key, String otherwise, Locale locale) {
		return messages.getMessage(key, null, otherwise, locale);
	}

	private String message(String key, String argument, Locale locale) {
		return message(key, argument, locale, argument);
	}

	private String message(String key, String argument, Locale locale, String otherwise) {
		try {
			return messages.getMessage(key, new Object[] { argument }, locale);
		}
		catch (NoSuchMessageException none) {
			return otherwise;
		}
	}
}
