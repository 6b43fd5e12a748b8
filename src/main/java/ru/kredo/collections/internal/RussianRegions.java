package ru.kredo.collections.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ru.kredo.calendar.BusinessCalendar;

/**
 * The subjects of the Russian Federation and the time zone a debtor there lives in, for the 230-ФЗ contact hours
 * (08:00–22:00 on working days, 09:00–20:00 otherwise, in the debtor's local time). Found by name as registries write
 * it («г. Москва», «Московская обл.», «Респ. Татарстан», «Саха (Якутия)», «ХМАО — Югра») or by its two-digit code
 * (the one in car plates, «77»). A subject that spans several zones (Якутия: UTC+9…+11) is given its capital's; a
 * file that knows better says so in its «Часовой пояс» column.
 */
final class RussianRegions {

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
	/** Words that say what kind of subject it is, not which one. */
	private static final Set<String> KIND_WORDS = Set.of("республика", "респ", "область", "обл", "край", "кр",
			"автономный", "автономная", "авт", "округ", "ао", "аобл", "г", "гор", "город", "федерального", "значения", "рф",
			"российская", "федерация");

	/** Moscow time (МСК), whose zone most subjects keep (ст. 5 of 107-ФЗ «Об исчислении времени»). */
	private static final String MSK = BusinessCalendar.MOSCOW.getId();
	private static final Map<Region, String[]> ALIASES = new HashMap<>();
	private static final List<Region> ALL = List.of(
			region("01", "Республика Адыгея", MSK),
			region("02", "Республика Башкортостан", "Asia/Yekaterinburg", "башкирия"),
			region("03", "Республика Бурятия", "Asia/Irkutsk"),
			region("04", "Республика Алтай", "Asia/Barnaul"),
			region("05", "Республика Дагестан", MSK),
			region("06", "Республика Ингушетия", MSK),
			region("07", "Кабардино-Балкарская Республика", MSK, "кабардино-балкария"),
			region("08", "Республика Калмыкия", MSK),
			region("09", "Карачаево-Черкесская Республика", MSK, "карачаево-черкесия"),
			region("10", "Республика Карелия", MSK),
			region("11", "Республика Коми", MSK),
			region("12", "Республика Марий Эл", MSK),
			region("13", "Республика Мордовия", MSK),
			region("14", "Республика Саха (Якутия)", "Asia/Yakutsk", "саха", "якутия"),
			region("15", "Республика Северная Осетия — Алания", MSK, "северная осетия", "осетия", "алания"),
			region("16", "Республика Татарстан", MSK, "татария"),
			region("17", "Республика Тыва", "Asia/Krasnoyarsk", "тува"),
			region("18", "Удмуртская Республика", "Europe/Samara", "удмуртия"),
			region("19", "Республика Хакасия", "Asia/Krasnoyarsk"),
			region("20", "Чеченская Республика", MSK, "чечня"),
			region("21", "Чувашская Республика — Чувашия", MSK, "чувашская", "чувашия"),
			region("22", "Алтайский край", "Asia/Barnaul"),
			region("23", "Краснодарский край", MSK, "кубань"),
			region("24", "Красноярский край", "Asia/Krasnoyarsk"),
			region("25", "Приморский край", "Asia/Vladivostok", "приморье"),
			region("26", "Ставропольский край", MSK),
			region("27", "Хабаровский край", "Asia/Vladivostok"),
			region("28", "Амурская область", "Asia/Yakutsk"),
			region("29", "Архангельская область", MSK),
			region("30", "Астраханская область", "Europe/Astrakhan"),
			region("31", "Белгородская область", MSK),
			region("32", "Брянская область", MSK),
			region("33", "Владимирская область", MSK),
			region("34", "Волгоградская область", "Europe/Volgograd"),
			region("35", "Вологодская область", MSK),
			region("36", "Воронежская область", MSK),
			region("37", "Ивановская область", MSK),
			region("38", "Иркутская область", "Asia/Irkutsk"),
			region("39", "Калининградская область", "Europe/Kaliningrad"),
			region("40", "Калужская область", MSK),
			region("41", "Камчатский край", "Asia/Kamchatka", "камчатка"),
			region("42", "Кемеровская область — Кузбасс", "Asia/Novokuznetsk", "кемеровская", "кузбасс"),
			region("43", "Кировская область", "Europe/Kirov"),
			region("44", "Костромская область", MSK),
			region("45", "Курганская область", "Asia/Yekaterinburg"),
			region("46", "Курская область", MSK),
			region("47", "Ленинградская область", MSK),
			region("48", "Липецкая область", MSK),
			region("49", "Магаданская область", "Asia/Magadan"),
			region("50", "Московская область", MSK, "подмосковье"),
			region("51", "Мурманская область", MSK),
			region("52", "Нижегородская область", MSK),
			region("53", "Новгородская область", MSK),
			region("54", "Новосибирская область", "Asia/Novosibirsk"),
			region("55", "Омская область", "Asia/Omsk"),
			region("56", "Оренбургская область", "Asia/Yekaterinburg"),
			region("57", "Орловская область", MSK),
			region("58", "Пензенская область", MSK),
			region("59", "Пермский край", "Asia/Yekaterinburg"),
			region("60", "Псковская область", MSK),
			region("61", "Ростовская область", MSK),
			region("62", "Рязанская область", MSK),
			region("63", "Самарская область", "Europe/Samara"),
			region("64", "Саратовская область", "Europe/Saratov"),
			region("65", "Сахалинская область", "Asia/Sakhalin"),
			region("66", "Свердловская область", "Asia/Yekaterinburg"),
			region("67", "Смоленская область", MSK),
			region("68", "Тамбовская область", MSK),
			region("69", "Тверская область", MSK),
			region("70", "Томская область", "Asia/Tomsk"),
			region("71", "Тульская область", MSK),
			region("72", "Тюменская область", "Asia/Yekaterinburg"),
			region("73", "Ульяновская область", "Europe/Ulyanovsk"),
			region("74", "Челябинская область", "Asia/Yekaterinburg"),
			region("75", "Забайкальский край", "Asia/Chita", "забайкалье"),
			region("76", "Ярославская область", MSK),
			region("77", "Москва", MSK, "мск"),
			region("78", "Санкт-Петербург", MSK, "спб", "петербург", "с-петербург"),
			region("79", "Еврейская автономная область", "Asia/Vladivostok", "еао"),
			region("80", "Донецкая Народная Республика", MSK, "донецкая", "днр"),
			region("81", "Луганская Народная Республика", MSK, "луганская", "лнр"),
			region("82", "Республика Крым", "Europe/Simferopol", "крым"),
			region("83", "Ненецкий автономный округ", MSK, "нао"),
			region("84", "Херсонская область", MSK),
			region("85", "Запорожская область", MSK),
			region("86", "Ханты-Мансийский автономный округ — Югра", "Asia/Yekaterinburg", "ханты-мансийский", "хмао",
					"хмао-югра", "югра"),
			region("87", "Чукотский автономный округ", "Asia/Anadyr", "чукотка", "чао"),
			region("89", "Ямало-Ненецкий автономный округ", "Asia/Yekaterinburg", "янао", "ямал"),
			region("92", "Севастополь", "Europe/Simferopol"));

	private static final Map<String, Region> BY_KEY = byKey();
	/** Texts already looked up: a registry writes its few regions over and over. Bounded, as texts come from files. */
	private static final Map<String, Optional<Region>> FOUND = new ConcurrentHashMap<>();
	private static final int FOUND_AT_MOST = 10_000;

	private RussianRegions() {
	}

	/** A subject of the Federation: its code, its name as the Constitution writes it, and its (capital's) time zone. */
	record Region(String code, String name, ZoneId zone) {
	}

	/** The subject a text names, by name or by code, if it names one. */
	static Optional<Region> find(String text) {
		String value = text == null ? "" : text.strip();
		Optional<Region> found = FOUND.get(value);
		if (found == null) {
			found = lookUp(value);
			if (FOUND.size() < FOUND_AT_MOST) {
				FOUND.put(value, found);
			}
		}
		return found;
	}

	private static Optional<Region> lookUp(String value) {
		if (value.matches("\\d{1,2}")) {
			String code = value.length() == 1 ? "0" + value : value;
			return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
		}
		return Optional.ofNullable(BY_KEY.get(key(value)));
	}

	static List<Region> all() {
		return ALL;
	}

	/** The words of a name without its kind, joined: «Респ. Саха (Якутия)» → «сахаякутия». */
	static String key(String name) {
		return Arrays.stream(NOT_LETTER_OR_DIGIT.split(name.toLowerCase(Locale.ROOT).replace('ё', 'е')))
			.filter(word -> !word.isEmpty() && !KIND_WORDS.contains(word))
			.collect(Collectors.joining());
	}

	private static Region region(String code, String name, String zone, String... aliases) {
		Region region = new Region(code, name, ZoneId.of(zone));
		ALIASES.put(region, aliases);
		return region;
	}

	private static Map<String, Region> byKey() {
		Map<String, Region> map = new HashMap<>();
		for (Region region : ALL) {
			put(map, key(region.name()), region);
			for (String alias : ALIASES.get(region)) {
				put(map, key(alias), region);
			}
		}
		return Map.copyOf(map);
	}

	private static void put(Map<String, Region> map, String key, Region region) {
		Region previous = map.put(key, region);
		if (previous != null && !previous.equals(region)) {
			throw new IllegalStateException("«" + key + "» names both " + previous.name() + " and " + region.name());
		}
	}
}
