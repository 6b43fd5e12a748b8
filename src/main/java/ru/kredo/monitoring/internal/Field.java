package ru.kredo.monitoring.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a column of a contact file holds, recognized from its header in Russian or English, in any case, with or
 * without spaces and punctuation: «Дата рождения», «ДР», «birth_date» and «Birth Date» are one field.
 */
enum Field {

	FULL_NAME("фио", "фамилияимяотчество", "клиент", "заемщик", "должник", "fullname", "name", "fio"),
	LAST_NAME("фамилия", "lastname", "surname", "familyname"),
	FIRST_NAME("имя", "firstname", "givenname"),
	MIDDLE_NAME("отчество", "middlename", "patronymic", "secondname"),
	BIRTH_DATE("датарождения", "др", "датарожд", "рождение", "birthdate", "dateofbirth", "dob", "birthday"),
	PASSPORT("паспорт", "серияиномерпаспорта", "паспортсерияиномер", "серияномерпаспорта", "паспортсерияномер",
			"passport", "passportnumber"),
	PASSPORT_SERIES("серия", "серияпаспорта", "паспортсерия", "passportseries", "series"),
	PASSPORT_NUMBER("номерпаспорта", "паспортномер", "номер", "passportno"),
	INN("инн", "inn", "taxid", "tin"),
	SNILS("снилс", "snils"),
	PHONE("телефон", "тел", "мобильный", "мобильныйтелефон", "сотовый", "phone", "mobile", "mobilephone", "cellphone",
			"tel", "telephone"),
	EMAIL("email", "почта", "электроннаяпочта", "эпочта", "емейл", "mail"),
	SEGMENT("сегмент", "segment"),
	CONSENT_DATE("согласие", "датасогласия", "согласиедата", "датасогласиянакиб", "consent", "consentdate"),
	CONSENT_METHOD("способсогласия", "формасогласия", "consentmethod"),
	MANAGER("менеджер", "ответственный", "manager", "owner", "responsible"),
	NOTES("комментарий", "примечание", "заметки", "comment", "comments", "notes", "note");

	private static final Map<String, Field> BY_HEADER = byHeader();
	/** Words that make a header a phone column however it goes on: «Телефон 2», «Телефон (рабочий)», «Phone mobile». */
	private static final Set<String> PHONE_PREFIXES = Set.of("телефон", "тел", "моб", "сотов", "phone", "mobile");

	private final Set<String> synonyms;

	Field(String... synonyms) {
		this.synonyms = Set.of(synonyms);
	}

	/** The field a header names, if Kredo knows it. */
	static Optional<Field> of(String header) {
		String key = normalize(header);
		Field exact = BY_HEADER.get(key);
		if (exact != null) {
			return Optional.of(exact);
		}
		return PHONE_PREFIXES.stream().anyMatch(key::startsWith) ? Optional.of(PHONE) : Optional.empty();
	}

	/** Lower case, ё as е, letters and digits only. */
	static String normalize(String header) {
		return header == null ? "" : header.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]", "");
	}

	private static Map<String, Field> byHeader() {
		Map<String, Field> map = new java.util.HashMap<>();
		for (Field field : values()) {
			field.synonyms.forEach(s -> map.put(s, field));
		}
		return Map.copyOf(map);
	}
}
