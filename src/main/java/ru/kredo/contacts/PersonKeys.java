package ru.kredo.contacts;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;

/**
 * The blind indexes a person is found by: the passport, and the normalized ФИО with the birth date. Plain functions
 * of the index key, for callers that compute them by the million (every event of a bureau's feed): unlike
 * {@link Contacts}, this bean has no transactional proxy to pass through. The ФИО and date go to the index as UTF-8
 * bytes written directly, the same bytes as the text {@code normalized|yyyy-MM-dd} (PersonKeysTests).
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
		int characters = name.lastName().length() + name.firstName().length()
				+ (name.middleName() == null ? 0 : name.middleName().length());
		byte[] key = new byte[2 * characters + 2 + 11];
		int length = name.normalizedUtf8(key);
		if (length < 0 || birthDate.getYear() < 1000 || birthDate.getYear() > 9999) {
			return personalData.index("name-dob", name.normalized() + "|" + birthDate);
		}
		key[length++] = '|';
		length = digits(birthDate.getYear(), 4, key, length);
		key[length++] = '-';
		length = digits(birthDate.getMonthValue(), 2, key, length);
		key[length++] = '-';
		length = digits(birthDate.getDayOfMonth(), 2, key, length);
		return personalData.index("name-dob", key, length);
	}

	// The number's last so many digits, zero-padded, as LocalDate.toString writes years 1000-9999, months and days.
	private static int digits(int number, int count, byte[] into, int at) {
		for (int i = count - 1; i >= 0; i--) {
			into[at + i] = (byte) ('0' + number % 10);
			number /= 10;
		}
		return at + count;
	}
}
