package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.TestPersonalData;

/** Stored indexes were computed from the text {@code normalized|yyyy-MM-dd}: the bytes written directly must match. */
class PersonKeysTests {

	@Test
	void theNameAndBirthDateIndexIsTheIndexOfTheNormalizedText() {
		Random random = new Random(2026);
		byte[] key = new byte[32];
		random.nextBytes(key);
		PersonalData personalData = TestPersonalData.withIndexKey(key);
		PersonKeys keys = new PersonKeys(personalData);
		int compared = 0;
		for (int n = 0; n < 100_000; n++) {
			FullName name;
			try {
				name = new FullName(part(random), part(random), n % 3 == 0 ? null : part(random));
			}
			catch (Rejected rejected) {
				continue;
			}
			LocalDate birthDate = n % 100 == 0 ? LocalDate.of(random.nextInt(-50, 12_000), 1 + random.nextInt(12), 1)
					: LocalDate.ofEpochDay(random.nextInt(-40_000, 20_000));

			assertThat(keys.nameAndBirthDate(name, birthDate)).as("%s %s", name, birthDate)
				.isEqualTo(personalData.index("name-dob", name.normalized() + "|" + birthDate));
			compared++;
		}
		assertThat(compared).isGreaterThan(50_000);
	}

	// Mostly Russian letters, as names are; now and then anything FullNameTests tries.
	private static String part(Random random) {
		String alphabet = random.nextInt(10) == 0 ? FullNameTests.ALPHABET : "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ- '";
		StringBuilder part = new StringBuilder("Ж");
		for (int i = random.nextInt(15); i > 0; i--) {
			int at = random.nextInt(alphabet.length());
			part.append(Character.isSurrogate(alphabet.charAt(at)) ? "ж" : String.valueOf(alphabet.charAt(at)));
		}
		return part.toString();
	}
}
