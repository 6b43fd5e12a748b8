package ru.kredo.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class VerificationCodeTests {

	@Test
	void aCodeIsTwelveCrockfordCharactersInThreeGroups() {
		for (int i = 0; i < 1_000; i++) {
			assertThat(VerificationCode.random().value()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
		}
	}

	@Test
	void codesDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			assertThat(seen.add(VerificationCode.random().value())).isTrue();
		}
	}

	@Test
	void everyCharacterOfTheAlphabetTurnsUpInEveryPosition() {
		// 60 bits only if each of the 12 positions takes all 32 values.
		SplittableRandom random = new SplittableRandom(42);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 20_000; i++) {
			String plain = VerificationCode.random(random).value().replace("-", "");
			for (int position = 0; position < plain.length(); position++) {
				seen.add(position + ":" + plain.charAt(position));
			}
		}
		assertThat(seen).hasSize(12 * 32);
	}

	@Test
	void aTypedCodeIsReadForgivingCaseDashesSpacesAndLookAlikes() {
		assertThat(VerificationCode.parse(" 7k3m q9xa-2b4t ")).contains(new VerificationCode("7K3M-Q9XA-2B4T"));
		assertThat(VerificationCode.parse("7K3MQ9XA2B4T")).contains(new VerificationCode("7K3M-Q9XA-2B4T"));
		assertThat(VerificationCode.parse("OIL0-0000-0000")).contains(new VerificationCode("0110-0000-0000"));
	}

	@Test
	void whatCannotBeACodeIsNoCode() {
		assertThat(VerificationCode.parse(null)).isEmpty();
		assertThat(VerificationCode.parse("")).isEmpty();
		assertThat(VerificationCode.parse("7K3M-Q9XA-2B4")).isEmpty();
		assertThat(VerificationCode.parse("7K3M-Q9XA-2B4TT")).isEmpty();
		assertThat(VerificationCode.parse("UUUU-UUUU-UUUU")).isEmpty();
		assertThat(VerificationCode.parse("'; drop table x")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new VerificationCode("7k3m-q9xa-2b4t"));
	}
}
