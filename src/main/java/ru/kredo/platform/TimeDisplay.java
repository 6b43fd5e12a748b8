package ru.kredo.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Shows stored instants (UTC) in the users' time zone, Moscow by default ({@code kredo.time-zone}); dates without a
 * time are shown as they are. Templates call it as {@code ${@time.format(value, 'dd.MM.yyyy HH:mm')}}; a controller
 * that works out a page's text beforehand calls it the same way, which is why it is part of the platform's API.
 */
@Component("time")
public class TimeDisplay {

	private final ZoneId zone;

	TimeDisplay(@Value("${kredo.time-zone:Europe/Moscow}") ZoneId zone) {
		this.zone = zone;
	}

	public String format(TemporalAccessor value, String pattern) {
		if (value == null) {
			return "";
		}
		TemporalAccessor local = value instanceof Instant instant ? instant.atZone(zone) : value;
		return DateTimeFormatter.ofPattern(pattern).format(local);
	}
}
