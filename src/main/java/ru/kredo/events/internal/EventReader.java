package ru.kredo.events.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.CalendarDate;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;
import ru.kredo.events.CreditEvent;
import ru.kredo.events.CreditEventType;
import ru.kredo.events.LenderKind;
import ru.kredo.events.Subject;
import ru.kredo.platform.Rejected;
import tools.jackson.databind.JsonNode;

/**
 * Turns one event's fields, as read from its JSON ({@link EventFields}), into a {@link CreditEvent}, or a
 * {@link Rejected} saying what is wrong. Accepts Kredo's field names and both Kredo's event names and RUTDF codes; the
 * shapes of names and identity documents that bureaus and integrators send ({@link IdentityShapes}); dates as ISO or
 * {@code dd.MM.yyyy}; a time without zone is Moscow time; amounts with spaces between the thousands.
 */
final class EventReader {

	/** A bureau's time without a zone is Moscow time, as the bureaus write it (docs/credit-events.md). */
	private static final ZoneId MOSCOW = BusinessCalendar.MOSCOW;
	private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("1e16");
	// ISO date and time with an offset written +03:00 or +0300 (both are common in bureau exports), or Z.
	private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.parseLenient()
		.appendOffset("+HH", "Z")
		.toFormatter()
		// As strict as ISO_LOCAL_DATE_TIME alone: a new formatter's default (SMART) read 30 February as the 28th.
		.withResolverStyle(ResolverStyle.STRICT);

	private EventReader() {
	}

	/** An optional field that could not be read: the event is kept without it, and the field reported. */
	record Ignored(String field, Rejected reason) {
	}

	/**
	 * The event, or the first thing wrong with it (the order of the checks is the order its rejections come in). An
	 * optional field that cannot be read (a passport, ИНН or СНИЛС, a phone, the patronymic, the lender's kind, the
	 * amount, days past due where the type does not need them) never costs the event: it is left out and added to
	 * {@code ignored}.
	 */
	static CreditEvent read(EventFields event, List<Ignored> ignored) {
		if (!event.subject) {
			throw new Rejected("event.subject-required");
		}
		String typeText = text(event.type);
		boolean overdue = typeText != null && typeText.strip().equals("2.3");
		Integer daysPastDue = overdue ? daysPastDue(event.daysPastDue, "daysPastDue")
				: optional(ignored, "daysPastDue", () -> daysPastDue(event.daysPastDue, "daysPastDue"));
		String kind = text(event.kind);
		return new CreditEvent(text(event.source), text(event.eventId), type(event, typeText, daysPastDue, ignored),
				instant(text(event.occurredAt)), subject(event, ignored),
				optional(ignored, kind != null ? "lender.kind" : "lenderKind",
						() -> lenderKind(kind != null ? kind : text(event.lenderKind))),
				optional(ignored, "amount", () -> amount(event.amount)), daysPastDue);
	}

	/** As {@link #read(EventFields, List)}, for a caller that does not report ignored fields. */
	static CreditEvent read(EventFields event) {
		return read(event, new ArrayList<>());
	}

	private static CreditEventType type(EventFields event, String type, Integer daysPastDue, List<Ignored> ignored) {
		if ("2.3".equals(type == null ? null : type.strip())) {
			if (daysPastDue == null) {
				throw new Rejected("event.days-past-due-required");
			}
			return CreditEventType.ofOverdue(daysPastDue, optional(ignored, "previousDaysPastDue",
					() -> daysPastDue(event.previousDaysPastDue, "previousDaysPastDue")));
		}
		return CreditEventType.parse(type).orElseThrow(() -> new Rejected("event.type-unknown", String.valueOf(type)));
	}

	private static Integer daysPastDue(Object value, String field) {
		Integer days = integer(value, field);
		if (days != null && days < 0) {
			throw new Rejected("event.days-past-due-invalid");
		}
		return days;
	}

	private static <T> T optional(List<Ignored> ignored, String field, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (Rejected unreadable) {
			ignored.add(new Ignored(field, unreadable));
			return null;
		}
	}

	private static Subject subject(EventFields subject, List<Ignored> ignored) {
		FullName name = name(subject, ignored);
		String birthDate = text(subject.birthDate);
		if (birthDate == null) {
			throw new Rejected("event.birth-date-required");
		}
		LocalDate born = date(birthDate);
		String inn = text(subject.inn);
		String snils = text(subject.snils);
		// Parsed only when given: libphonenumber is not free, and most events carry no phone.
		String phone = text(subject.phone);
		return new Subject(name, born, optional(ignored, "subject.passport", () -> IdentityShapes.passport(subject)),
				inn == null ? null : optional(ignored, "subject.inn", () -> new Inn(inn)),
				snils == null ? null : optional(ignored, "subject.snils", () -> new Snils(snils)),
				phone == null ? null : optional(ignored, "subject.phone", () -> phone(subject.phone, phone)));
	}

	// A number as text or as a JSON number, in any spelling PhoneNumber reads; an object or array is no phone (its JSON
	// text must not be combed for digits).
	private static PhoneNumber phone(Object value, String text) {
		if (value instanceof JsonNode) {
			throw new Rejected("contact.phone-invalid");
		}
		return PhoneNumber.parse(text);
	}

	// Three fields (Kredo's own), else a name object, else the name in one field; the patronymic is optional.
	private static FullName name(EventFields subject, List<Ignored> ignored) {
		String last = text(subject.lastName);
		String first = text(subject.firstName);
		String middle = text(subject.middleName);
		String field = "subject.middleName";
		if (last == null && first == null && middle == null) {
			String[] parts = IdentityShapes.nameParts(subject);
			last = parts[0];
			first = parts[1];
			middle = parts[2];
			field = parts[3];
		}
		try {
			return new FullName(last, first, middle);
		}
		catch (Rejected wrong) {
			if (!wrong.code().equals("contact.middle-name-invalid")) {
				throw wrong;
			}
			ignored.add(new Ignored(field, wrong));
			return new FullName(last, first, null);
		}
	}

	static LocalDate date(String text) {
		LocalDate date = CalendarDate.parse(text);
		// A time of day alone («T10:00») holds no date; CalendarDate leaves an empty date to its caller.
		if (date == null) {
			throw new Rejected("date-invalid");
		}
		return date;
	}

	static Instant instant(String text) {
		if (text == null) {
			throw new Rejected("event.occurred-at-required");
		}
		String value = text.strip();
		try {
			if (value.length() <= 10) {
				LocalDate day = CalendarDate.parse(value);
				if (day == null) {
					throw new Rejected("event.occurred-at-invalid", text);
				}
				return day.atStartOfDay(MOSCOW).toInstant();
			}
			Instant plain = plainInstant(value);
			if (plain != null) {
				return plain;
			}
			if (value.endsWith("Z") || hasZoneOffset(value)) {
				return OffsetDateTime.parse(value, WITH_OFFSET).toInstant();
			}
			return LocalDateTime.parse(value).atZone(MOSCOW).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new Rejected("event.occurred-at-invalid", text);
		}
		catch (Rejected unreadable) {
			// A short text is read as a date: «not a date» must get the same answer as «not a date at all».
			if (unreadable.code().equals("event.occurred-at-invalid")) {
				throw unreadable;
			}
			throw new Rejected("event.occurred-at-invalid", text);
		}
	}

	/**
	 * The form bureaus send (almost) always, read by hand, as every event's time goes through here:
	 * {@code 2026-11-20T10:00:00[.fraction](Z|+03:00|+0300)}; null for anything else, which the formatter then reads
	 * (or rejects: an impossible date or time is null here too).
	 */
	static Instant plainInstant(String value) {
		int n = value.length();
		if (n < 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
				|| value.charAt(16) != ':') {
			return null;
		}
		int year = number(value, 0, 4);
		int month = number(value, 5, 7);
		int day = number(value, 8, 10);
		int hour = number(value, 11, 13);
		int minute = number(value, 14, 16);
		int second = number(value, 17, 19);
		int at = 19;
		int nanos = 0;
		if (value.charAt(at) == '.') {
			int digits = 0;
			at++;
			while (at < n && value.charAt(at) >= '0' && value.charAt(at) <= '9') {
				if (++digits > 9) {
					return null;
				}
				nanos = nanos * 10 + (value.charAt(at++) - '0');
			}
			if (digits == 0) {
				return null;
			}
			for (int i = digits; i < 9; i++) {
				nanos *= 10;
			}
		}
		ZoneOffset offset = offset(value, at);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || offset == null) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
		}
		catch (DateTimeException impossible) {
			return null;
		}
	}

	// Z, ±hh:mm or ±hhmm from this position to the end; null otherwise.
	private static ZoneOffset offset(String value, int at) {
		int rest = value.length() - at;
		if (rest == 1 && value.charAt(at) == 'Z') {
			return ZoneOffset.UTC;
		}
		if ((rest != 6 && rest != 5) || !sign(value, at) || (rest == 6 && value.charAt(at + 3) != ':')) {
			return null;
		}
		int hours = number(value, at + 1, at + 3);
		int minutes = number(value, at + rest - 2, at + rest);
		if (hours < 0 || minutes < 0) {
			return null;
		}
		int sign = value.charAt(at) == '-' ? -1 : 1;
		try {
			return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
		}
		catch (DateTimeException outOfRange) {
			return null;
		}
	}

	// The digits from..to as a number, or -1 if any is not a digit.
	private static int number(String value, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	// Ends in ±hh:mm or ±hhmm (the pattern [+-]\d{2}:?\d{2}$), checked without a regular expression: every event's
	// time goes through here.
	static boolean hasZoneOffset(String value) {
		int n = value.length();
		if (n >= 6 && value.charAt(n - 3) == ':' && sign(value, n - 6) && digits(value, n - 5, n - 3) && digits(value, n - 2, n)) {
			return true;
		}
		return n >= 5 && sign(value, n - 5) && digits(value, n - 4, n);
	}

	private static boolean sign(String value, int at) {
		return value.charAt(at) == '+' || value.charAt(at) == '-';
	}

	private static boolean digits(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	static LenderKind lenderKind(String text) {
		if (text == null) {
			return null;
		}
		try {
			return LenderKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("event.lender-kind-unknown", text);
		}
	}

	private static BigDecimal amount(Object amount) {
		if (amount == null) {
			return null;
		}
		BigDecimal value;
		try {
			// An integer through its text: the same value and scale as the tree's decimalValue().
			value = amount instanceof BigDecimal decimal ? decimal : new BigDecimal(withoutSpaces(asString(amount)).replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new Rejected("event.amount-invalid");
		}
		return storable(value);
	}

	// What credit_events.amount (numeric(18, 2)) holds: beyond it the whole chunk would fail, not just this event.
	static BigDecimal storable(BigDecimal amount) {
		if (amount.signum() < 0 || amount.compareTo(LARGEST_AMOUNT) >= 0) {
			throw new Rejected("event.amount-invalid");
		}
		return amount;
	}

	// «500 000», «500 000,50»: spaces (and no-break, thin and narrow ones) group the thousands.
	private static String withoutSpaces(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	private static Integer integer(Object value, String field) {
		if (value == null) {
			return null;
		}
		if (value instanceof Integer number) {
			return number;
		}
		try {
			// A larger integer, a fraction, true or false, an object or an array: rejected as text that is no number.
			return Integer.valueOf(asString(value).strip());
		}
		catch (NumberFormatException ex) {
			throw new Rejected("event.number-invalid", field);
		}
	}

	// A field's text: a string as it is, any other value as JSON writes it; none if missing, null or blank.
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.isBlank() ? null : text;
	}

	// A value as text to read a number from: an object or an array has none.
	private static String asString(Object value) {
		return value instanceof JsonNode ? "" : value.toString();
	}
}
