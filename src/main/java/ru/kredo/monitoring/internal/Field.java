package ru.kredo.monitoring.internal;

import java.util.Optional;

import ru.kredo.tabular.HeaderWords;

/**
 * What a column of a contact file says about the watch, beyond the person ({@link ru.kredo.contacts.PersonColumns}):
 * recognized from its header in Russian or English, in any case, with or without spaces and punctuation.
 */
enum Field {

	SEGMENT("сегмент", "segment"),
	CONSENT_DATE("согласие", "датасогласия", "согласиедата", "датасогласиянакиб", "consent", "consentdate"),
	CONSENT_METHOD("способсогласия", "формасогласия", "consentmethod"),
	CONSENT_PURPOSE("цельсогласия", "целисогласия", "цельобработки", "цель", "consentpurpose", "purpose"),
	MANAGER("менеджер", "ответственный", "manager", "owner", "responsible"),
	NOTES("комментарий", "примечание", "заметки", "comment", "comments", "notes", "note"),
	/** The row's id in the tenant's own system (Bitrix24's and amoCRM's exports head it «ID»): the contact's externalId. */
	EXTERNAL_ID("id", "ид", "externalid", "внешнийid", "внешнийид", "внешнийидентификатор", "idвнешний", "crmid",
			"idвcrm", "idконтакта", "idклиента", "контактid");

	private static final HeaderWords<Field> WORDS = words();

	private final String[] synonyms;

	Field(String... synonyms) {
		this.synonyms = synonyms;
	}

	/** The field a header names, if Kredo knows it. */
	static Optional<Field> of(String header) {
		return WORDS.recognize(header);
	}

	/** Lower case, ё as е, letters and digits only. */
	static String normalize(String header) {
		return HeaderWords.normalize(header);
	}

	private static HeaderWords<Field> words() {
		HeaderWords.Builder<Field> words = HeaderWords.builder();
		for (Field field : values()) {
			words.add(field, field.synonyms);
		}
		return words.build();
	}
}
