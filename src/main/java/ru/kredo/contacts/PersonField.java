package ru.kredo.contacts;

/** What a column of an uploaded file says about a person: his name, birth date, identifiers and how to reach him. */
public enum PersonField {
	FULL_NAME,
	LAST_NAME,
	FIRST_NAME,
	MIDDLE_NAME,
	BIRTH_DATE,
	PASSPORT,
	PASSPORT_SERIES,
	PASSPORT_NUMBER,
	INN,
	SNILS,
	PHONE,
	EMAIL
}
