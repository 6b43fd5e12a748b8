package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

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
}
