package ru.kredo.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import ru.kredo.privacy.internal.PersonalDataKeys;

class PersonalDataTests {

	private final PersonalData personalData = new PersonalData(keys((byte) 7, (byte) 9));

	@Test
	void opensWhatItSealed() {
		Sealed sealed = personalData.seal("contacts.passport", "4506 123456");

		assertThat(personalData.open("contacts.passport", sealed)).isEqualTo("4506 123456");
	}

	@Test
	void sealedBytesDoNotContainThePlainValue() {
		byte[] sealed = personalData.seal("contacts.passport", "4506 123456").bytes();

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("123456");
	}

	@Test
	void sealingTheSameValueTwiceGivesDifferentBytes() {
		assertThat(personalData.seal("contacts.phone", "+79161234567"))
			.isNotEqualTo(personalData.seal("contacts.phone", "+79161234567"));
	}

	@Test
	void aValueCopiedIntoAnotherColumnDoesNotOpen() {
		Sealed passport = personalData.seal("contacts.passport", "4506 123456");

		assertThatIllegalStateException().isThrownBy(() -> personalData.open("contacts.inn", passport));
	}

	@Test
	void aValueSealedWithAnotherKeyDoesNotOpen() {
		Sealed foreign = new PersonalData(keys((byte) 8, (byte) 9)).seal("contacts.passport", "4506 123456");

		assertThatIllegalStateException().isThrownBy(() -> personalData.open("contacts.passport", foreign));
	}

	@Test
	void blindIndexesMatchForEqualValuesOfOneKindOnly() {
		assertThat(personalData.index("passport", "4506123456")).isEqualTo(personalData.index("passport", "4506123456"));
		assertThat(personalData.index("passport", "4506123456")).isNotEqualTo(personalData.index("inn", "4506123456"));
		assertThat(personalData.index("passport", "4506123456")).isNotEqualTo(personalData.index("passport", "4506123457"));
	}

	@Test
	void blindIndexesDependOnTheIndexKey() {
		PersonalData otherIndexKey = new PersonalData(keys((byte) 7, (byte) 10));

		assertThat(otherIndexKey.index("passport", "4506123456")).isNotEqualTo(personalData.index("passport", "4506123456"));
	}

	@Test
	void blindIndexesAreHmacSha256OfKindZeroAndValueUnderTheIndexKey() throws Exception {
		// Every stored index was computed by the JDK's Mac over kind, 0, value: they must stay the same bytes.
		Random random = new Random(2026);
		byte[] key = new byte[32];
		random.nextBytes(key);
		PersonalData data = new PersonalData(new PersonalDataKeys((byte) 1, new byte[32], key));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		String alphabet = "0123456789абвгдеёжзийклмнопрстуфхцчшщъыьэюя|-. AZ\u00A0\uD83D\uDE00";
		for (int n = 0; n < 20_000; n++) {
			char[] value = new char[random.nextInt(70)];
			for (int i = 0; i < value.length; i++) {
				value[i] = alphabet.charAt(random.nextInt(alphabet.length()));
			}
			String kind = n % 2 == 0 ? "passport" : "name-dob";
			mac.update(kind.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			byte[] expected = mac.doFinal(new String(value).getBytes(StandardCharsets.UTF_8));

			assertThat(data.index(kind, new String(value))).isEqualTo(new BlindIndex(expected));
		}
	}

	@Test
	void sealedValuesAndIndexesPrintNothingPersonal() {
		assertThat(personalData.seal("contacts.passport", "4506 123456").toString()).isEqualTo("Sealed[…]");
		assertThat(personalData.index("passport", "4506123456").toString()).doesNotContain("4506");
	}

	private static PersonalDataKeys keys(byte encryption, byte index) {
		byte[] encryptionKey = new byte[32];
		byte[] indexKey = new byte[32];
		Arrays.fill(encryptionKey, encryption);
		Arrays.fill(indexKey, index);
		return new PersonalDataKeys((byte) 1, encryptionKey, indexKey);
	}
}
