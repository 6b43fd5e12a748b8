package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

class CalendarDateTests {

	@Test
	void readsRussianIsoAndExcelDates() {
		LocalDate day = LocalDate.of(1985, 3, 4);
		assertThat(CalendarDate.parse("04.03.1985")).isEqualTo(day);
		assertThat(CalendarDate.parse("4.3.1985")).isEqualTo(day);
		assertThat(CalendarDate.parse("04/03/1985")).isEqualTo(day);
		assertThat(CalendarDate.parse("1985-03-04")).isEqualTo(day);
		assertThat(CalendarDate.parse(" 04.03.1985 0:00:00 ")).isEqualTo(day);
		assertThat(CalendarDate.parse("1985-03-04T00:00:00")).isEqualTo(day);
		assertThat(CalendarDate.parse("  ")).isNull();
	}

	@Test
	void refusesDaysTheCalendarDoesNotHave() {
		assertThatThrownBy(() -> CalendarDate.parse("31.02.1990")).isInstanceOf(Rejected.class)
			.hasMessage("date-not-in-calendar");
		assertThatThrownBy(() -> CalendarDate.parse("29.02.1991")).isInstanceOf(Rejected.class)
			.hasMessage("date-not-in-calendar");
		assertThat(CalendarDate.parse("29.02.1992")).isEqualTo(LocalDate.of(1992, 2, 29));
	}

	@Test
	void refusesTwoDigitYearsAndOtherShapes() {
		assertThatThrownBy(() -> CalendarDate.parse("14.03.85")).isInstanceOf(Rejected.class)
			.hasMessage("date-two-digit-year");
		assertThatThrownBy(() -> CalendarDate.parse("14 марта 1985")).isInstanceOf(Rejected.class)
			.hasMessage("date-invalid");
		assertThatThrownBy(() -> CalendarDate.parse("03/14/1985")).isInstanceOf(Rejected.class)
			.hasMessage("date-not-in-calendar");
	}

	@Test
	void theUsualFormsReadWithoutPatternsAgreeWithThePatterns() {
		// Ten characters of digits and separators (an Arabic-Indic three looks like a digit to some code): the fast
		// path must give the same date, or the same refusal, as the patterns.
		String alphabet = "0123456789012345678901234567890123-./ :T\u0663";
		Random random = new Random(2026);
		for (int n = 0; n < 300_000; n++) {
			char[] text = new char[8 + random.nextInt(5)];
			for (int i = 0; i < text.length; i++) {
				text[i] = alphabet.charAt(random.nextInt(alphabet.length()));
			}
			if (n % 3 == 0) {
				text[random.nextBoolean() ? 2 : 4] = n % 2 == 0 ? '.' : '-';
			}
			String value = new String(text).strip();
			assertThat(outcome(() -> CalendarDate.parse(value))).as(value)
				.isEqualTo(outcome(() -> CalendarDate.byPattern(value)));
		}
		for (LocalDate day = LocalDate.of(1899, 12, 1); day.isBefore(LocalDate.of(2031, 1, 1)); day = day.plusDays(1)) {
			assertThat(CalendarDate.parse(day.toString())).isEqualTo(day);
			assertThat(CalendarDate.parse(day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))).isEqualTo(day);
		}
	}

	private static String outcome(Supplier<LocalDate> parse) {
		try {
			return String.valueOf(parse.get());
		}
		catch (Rejected refused) {
			return refused.code();
		}
	}
}
