package ru.kredo.contacts;

import ru.kredo.privacy.PersonalData;

/** PersonKeys on PersonalData of a test's choosing, for unit tests outside this package. */
public final class TestPersonKeys {

	private TestPersonKeys() {
	}

	public static PersonKeys of(PersonalData personalData) {
		return new PersonKeys(personalData);
	}
}
