package ru.kredo.privacy;

import ru.kredo.privacy.internal.PersonalDataKeys;

/** PersonalData with keys of a test's choosing, for unit tests outside this package. */
public final class TestPersonalData {

	private TestPersonalData() {
	}

	public static PersonalData withIndexKey(byte[] indexKey) {
		return new PersonalData(new PersonalDataKeys((byte) 1, new byte[32], indexKey));
	}
}
