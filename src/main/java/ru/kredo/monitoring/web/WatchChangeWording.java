package ru.kredo.monitoring.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchChange;
import ru.kredo.tenancy.TenantId;

/** Words a re-submitted watch's changes for its page: «Типы событий: все → Выдан кредит», one line per term. */
@Component
class WatchChangeWording {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final MessageSource messages;
	private final UserAccounts users;

	WatchChangeWording(MessageSource messages, UserAccounts users) {
		this.messages = messages;
		this.users = users;
	}

	List<String> lines(TenantId tenant, WatchChange change, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (WatchChange.Field field : change.changed()) {
			lines.add(text("monitoring.change." + field.name(), locale,
					value(tenant, field, change.before(), locale), value(tenant, field, change.after(), locale)));
		}
		return lines;
	}

	private String value(TenantId tenant, WatchChange.Field field, Watch watch, Locale locale) {
		return switch (field) {
			case SEGMENT -> text("segment." + watch.segment().name(), locale);
			case ENDS_ON -> watch.endsOn().format(DAY);
			case EVENT_TYPES -> watch.eventTypes().isEmpty() ? text("monitoring.all-events", locale)
					: names(watch.eventTypes().stream().map(t -> text("signal.title." + t.name(), locale)).toList());
			case MANAGER -> manager(tenant, watch.managerId(), locale);
			case NOTES -> watch.notes() == null ? "—" : "«" + watch.notes() + "»";
			case CONSENT -> consent(watch.consent(), locale);
			case RECOMMENDATIONS -> watch.recommendations().isEmpty() ? "—"
					: names(watch.recommendations().stream().map(r -> text("recommendation." + r.name(), locale)).toList());
			case STATUS -> text("watch.status." + watch.status().name(), locale);
		};
	}

	private String manager(TenantId tenant, UserId id, Locale locale) {
		if (id == null) {
			return text("monitoring.no-manager", locale);
		}
		return users.all(tenant).stream().filter(u -> u.id().equals(id)).map(u -> u.displayName()).findFirst().orElse("—");
	}

	private String consent(Consent consent, Locale locale) {
		if (consent == null) {
			return text("monitoring.no-consent", locale);
		}
		return text("monitoring.change.consent-value", locale, consent.givenOn().format(DAY), consent.purpose(),
				text("consent.method." + consent.method().name(), locale));
	}

	private static String names(Collection<String> names) {
		return names.stream().sorted().collect(Collectors.joining(", "));
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
