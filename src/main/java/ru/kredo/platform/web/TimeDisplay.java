package ru.kredo.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import ru.kredo.calendar.BusinessCalendar;

/**
 * Shows stored instants (UTC) in the users' time zone: the agency's ({@code kredo.time-zone}, Moscow by default; {@link BusinessCalendar#agencyZone()}); dates without a
 * time are shown as they are. Templates call it as {@code ${@time.format(value, 'dd.MM.yyyy HH:mm')}}; a controller
 * that formats before the template runs (the debtor cabinet's cards) uses it directly, so it is platform's API.
 */
@NamedInterface("time")
@Component("time")
public class TimeDisplay {

	private final ZoneId zone;
	private final MessageSource messages;
	private final Clock clock;

	TimeDisplay(BusinessCalendar calendar, MessageSource messages, Clock clock) {
		this.zone = calendar.agencyZone();
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A time zone as people name it: its city in the reader's language and its offset now, «Москва (UTC+3)»; a zone
	 * without a name in {@code messages} ({@code time-zone.<id>}) gets Java's own name for it, never its id.
	 */
	public String zone(ZoneId zone, Locale locale) {
		if (zone == null) {
			return "";
		}
		String name = messages.getMessage("time-zone." + zone.getId(), null, null, locale);
		if (name == null) {
			name = zone.getDisplayName(TextStyle.FULL, locale);
		}
		ZoneOffset offset = zone.getRules().getOffset(clock.instant());
		int seconds = offset.getTotalSeconds();
		String utc = seconds == 0 ? "UTC" : "UTC" + (seconds > 0 ? "+" : "−") + Math.abs(seconds / 3600)
				+ (seconds % 3600 == 0 ? "" : ":" + String.format("%02d", Math.abs(seconds % 3600) / 60));
		return name + " (" + utc + ")";
	}

	public String format(TemporalAccessor value, String pattern) {
		if (value == null) {
			return "";
		}
		TemporalAccessor local = value instanceof Instant instant ? instant.atZone(zone) : value;
		return DateTimeFormatter.ofPattern(pattern).format(local);
	}
}
