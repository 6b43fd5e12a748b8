package ru.kredo.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.kredo.collections.internal.RussianRegions.Region;
import ru.kredo.platform.Rejected;

class RegionsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"г. Москва                              | Москва                                   | Europe/Moscow",
			"Москва г                               | Москва                                   | Europe/Moscow",
			"77                                     | Москва                                   | Europe/Moscow",
			"Московская обл.                        | Московская область                       | Europe/Moscow",
			"Респ. Татарстан                        | Республика Татарстан                     | Europe/Moscow",
			"Татарстан Респ                         | Республика Татарстан                     | Europe/Moscow",
			"Республика Саха (Якутия)               | Республика Саха (Якутия)                 | Asia/Yakutsk",
			"Якутия                                 | Республика Саха (Якутия)                 | Asia/Yakutsk",
			"Свердловская область                   | Свердловская область                     | Asia/Yekaterinburg",
			"Ханты-Мансийский автономный округ - Югра | Ханты-Мансийский автономный округ — Югра | Asia/Yekaterinburg",
			"ХМАО                                   | Ханты-Мансийский автономный округ — Югра | Asia/Yekaterinburg",
			"Алтайский край                         | Алтайский край                           | Asia/Barnaul",
			"Республика Алтай                       | Республика Алтай                         | Asia/Barnaul",
			"Калининградская обл                    | Калининградская область                  | Europe/Kaliningrad",
			"Камчатский край                        | Камчатский край                          | Asia/Kamchatka",
			"Чукотский АО                           | Чукотский автономный округ               | Asia/Anadyr",
			"Кемеровская область - Кузбасс          | Кемеровская область — Кузбасс            | Asia/Novokuznetsk",
			"Санкт-Петербург                        | Санкт-Петербург                          | Europe/Moscow",
			"Удмуртская Респ.                       | Удмуртская Республика                    | Europe/Samara",
			"2                                      | Республика Башкортостан                  | Asia/Yekaterinburg" })
	void findsTheSubjectAndItsTimeZoneAsRegistriesWriteIt(String text, String name, String zone) {
		Region region = RussianRegions.find(text).orElseThrow();
		assertThat(region.name()).isEqualTo(name);
		assertThat(region.zone()).isEqualTo(ZoneId.of(zone));
	}

	@Test
	void knowsEverySubjectOnceWithAZoneTheJdkKnows() {
		assertThat(RussianRegions.all()).hasSize(89).extracting(Region::code).doesNotHaveDuplicates();
		assertThat(RussianRegions.find("Нарния")).isEmpty();
		assertThat(RussianRegions.find("99")).isEmpty();
		assertThat(RussianRegions.find("")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Asia/Yekaterinburg | Asia/Yekaterinburg",
			"МСК                | Europe/Moscow",
			"МСК+2              | Asia/Yekaterinburg",
			"MSK + 7            | Asia/Vladivostok",
			"МСК-1              | Europe/Kaliningrad",
			"UTC+5              | Asia/Yekaterinburg",
			"GMT+03:00          | Europe/Moscow",
			"+12                | Asia/Kamchatka",
			"UTC+05:30          | +05:30" })
	void readsTimeZonesAsRegistriesWriteThem(String text, String zone) {
		assertThat(ZoneText.parse(text)).isEqualTo(ZoneId.of(zone));
	}

	@Test
	void refusesATimeZoneItCannotRead() {
		assertThat(ZoneText.parse(" ")).isNull();
		assertThat(ZoneText.parse("UTC")).isEqualTo(ZoneOffset.UTC);
		assertThatThrownBy(() -> ZoneText.parse("Europe/Narnia")).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> ZoneText.parse("5")).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> ZoneText.parse("utc+25")).isInstanceOf(Rejected.class);
	}
}
