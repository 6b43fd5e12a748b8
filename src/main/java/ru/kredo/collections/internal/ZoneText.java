package ru.kredo.collections.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.platform.Rejected;

/**
 * A time zone as a registry's «Часовой пояс» column writes it: an IANA name ({@code Asia/Yekaterinburg}), Moscow time
 * and an offset from it ({@code МСК}, {@code МСК+2}, {@code MSK-1}), or an offset from UTC ({@code UTC+5},
 * {@code GMT+05:00}, {@code +5}). Russia keeps no summer time since 2014, so an offset names the zone of the
 * regions that keep it; the Russian offsets (UTC+2…+12) become those regions' IANA zones.
 */
final class ZoneText {

	private static final Pattern MOSCOW_RELATIVE = Pattern.compile("(?iu)(?:мск|msk)\\s*(?:([+−-])\\s*(\\d{1,2}))?(?:\\s*ч\\.?)?");
	private static final Pattern UTC_RELATIVE = Pattern.compile("(?iu)(?:utc|gmt)?\\s*([+−-])\\s*(\\d{1,2})(?::?(\\d{2}))?");
	private static final Map<Integer, ZoneId> RUSSIAN_OFFSETS = Map.ofEntries(
			Map.entry(2, ZoneId.of("Europe/Kaliningrad")), Map.entry(3, BusinessCalendar.MOSCOW),
			Map.entry(4, ZoneId.of("Europe/Samara")), Map.entry(5, ZoneId.of("Asia/Yekaterinburg")),
			Map.entry(6, ZoneId.of("Asia/Omsk")), Map.entry(7, ZoneId.of("Asia/Novosibirsk")),
			Map.entry(8, ZoneId.of("Asia/Irkutsk")), Map.entry(9, ZoneId.of("Asia/Yakutsk")),
			Map.entry(10, ZoneId.of("Asia/Vladivostok")), Map.entry(11, ZoneId.of("Asia/Magadan")),
			Map.entry(12, ZoneId.of("Asia/Kamchatka")));

	private ZoneText() {
	}

	/** The zone written, or {@code null} for a blank text. */
	static ZoneId parse(String text) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.contains("/")) {
			try {
				return ZoneId.of(value);
			}
			catch (DateTimeException ex) {
				throw new Rejected("portfolio.time-zone-unknown");
			}
		}
		Matcher moscow = MOSCOW_RELATIVE.matcher(value);
		if (moscow.matches()) {
			int hours = moscow.group(1) == null ? 0 : Integer.parseInt(moscow.group(2));
			return ofHours(3 + (moscow.group(1) == null || moscow.group(1).equals("+") ? hours : -hours), 0);
		}
		if (value.equalsIgnoreCase("utc") || value.equalsIgnoreCase("gmt")) {
			return ZoneOffset.UTC;
		}
		Matcher utc = UTC_RELATIVE.matcher(value);
		if (utc.matches()) {
			int hours = Integer.parseInt(utc.group(2));
			int minutes = utc.group(3) == null ? 0 : Integer.parseInt(utc.group(3));
			return utc.group(1).equals("+") ? ofHours(hours, minutes) : ofHours(-hours, -minutes);
		}
		throw new Rejected("portfolio.time-zone-unknown");
	}

	private static ZoneId ofHours(int hours, int minutes) {
		if (minutes == 0 && RUSSIAN_OFFSETS.containsKey(hours)) {
			return RUSSIAN_OFFSETS.get(hours);
		}
		try {
			return ZoneOffset.ofHoursMinutes(hours, minutes);
		}
		catch (DateTimeException ex) {
			throw new Rejected("portfolio.time-zone-unknown");
		}
	}
}
