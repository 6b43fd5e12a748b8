package ru.kredo.contacting.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ru.kredo.contacting.Decision;
import ru.kredo.contacting.Standing;

/**
 * A debtor's standing in the words an operator reads at a glance: «У должника 14:05 (Владивосток, UTC+10), рабочий
 * день. Звонить можно до 22:00. Сообщения можно до 22:00.» and «Осталось: звонков 1 за сутки, 2 за неделю, 8 за
 * месяц; сообщений 2 / 4 / 16.» Times are his local ones (the agency's when his zone is unknown, and then it says so).
 */
@Component
class StandingWords {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final MessageSource messages;

	StandingWords(MessageSource messages) {
		this.messages = messages;
	}

	/** His time, his day and what may be done now. */
	String now(Standing standing, Locale locale) {
		ZonedDateTime local = standing.localTime();
		String time = msg(standing.zoneKnown() ? "contact.words.local-time" : "contact.words.agency-time", locale,
				TIME.format(local), zone(standing.zone(), standing.now(), locale),
				msg("contact.day." + standing.day().name(), locale));
		return msg("contact.words.now", locale, time, decision("call", standing.call(), standing, locale),
				decision("message", standing.message(), standing, locale));
	}

	/** What is left of each kind's limits. */
	String left(Standing standing, Locale locale) {
		return msg("contact.words.left", locale, standing.callsLeft().day(), standing.callsLeft().week(),
				standing.callsLeft().month(), standing.messagesLeft().day(), standing.messagesLeft().week(),
				standing.messagesLeft().month());
	}

	/** When a held contact may go, in his time: «08:00» today, «08:00 8 декабря» another day. */
	String when(Instant at, ZoneId zone, Instant now, Locale locale) {
		ZonedDateTime local = at.atZone(zone);
		if (local.toLocalDate().equals(now.atZone(zone).toLocalDate())) {
			return TIME.format(local);
		}
		return msg("contact.words.at-day", locale, TIME.format(local),
				DateTimeFormatter.ofPattern("d MMMM", locale).format(local));
	}

	/** A zone as people name it, with its offset at {@code at}: «Владивосток, UTC+10». */
	String zone(ZoneId zone, Instant at, Locale locale) {
		String name = messages.getMessage("time-zone." + zone.getId(), null, null, locale);
		if (name == null) {
			name = zone.getDisplayName(TextStyle.FULL, locale);
		}
		ZoneOffset offset = zone.getRules().getOffset(at);
		int seconds = offset.getTotalSeconds();
		String utc = seconds == 0 ? "UTC" : "UTC" + (seconds > 0 ? "+" : "−") + Math.abs(seconds / 3600)
				+ (seconds % 3600 == 0 ? "" : ":" + String.format("%02d", Math.abs(seconds % 3600) / 60));
		return name + ", " + utc;
	}

	private String decision(String kind, Decision decision, Standing standing, Locale locale) {
		return switch (decision.verdict()) {
			case SEND -> msg("contact.words." + kind + "-now", locale, until(standing));
			case HOLD -> msg("contact.words." + kind + "-later", locale, reason(decision, locale),
					when(decision.at(), standing.zone(), standing.now(), locale));
			case REFUSE, DROP -> msg("contact.words." + kind + "-barred", locale, reason(decision, locale));
		};
	}

	private static String until(Standing standing) {
		LocalTime end = standing.hoursEnd() == null ? standing.hours().until()
				: standing.hoursEnd().atZone(standing.zone()).toLocalTime();
		return TIME.format(end);
	}

	private String reason(Decision decision, Locale locale) {
		return decision.reason() == null ? "" : msg("contact.reason." + decision.reason().name(), locale);
	}

	private String msg(String code, Locale locale, Object... arguments) {
		return messages.getMessage(code, arguments, locale);
	}
}
