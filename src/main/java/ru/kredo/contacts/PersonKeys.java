package ru.kredo.contacts;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;

/**
 * The blind indexes a person is found by: the passport, and the normalized ФИО with the birth date. Plain functions
 * of the index key, for callers that compute them by the million (every event of a bureau's feed): unlike
 * {@link Contacts}, this bean has no transactional proxy to pass through.
 */
@Component
public class PersonKeys {

	private final PersonalData personalData;

	PersonKeys(PersonalData personalData) {
		this.personalData = personalData;
	}

	public BlindIndex passport(PassportNumber passport) {
		return personalData.index("passport", passport.series() + passport.number());
	}

	public BlindIndex nameAndBirthDate(FullName name, LocalDate birthDate) {
		return personalData.index("name-dob", name.normalized() + "|" + birthDate);
	}
}
