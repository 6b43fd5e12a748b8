package ru.kredo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.kredo.platform.Rejected;

/** Staff passwords: long enough, not blank, not the login or the name, not among the common or guessable ones. */
class PasswordPolicyTests {

	private static final String EMAIL = "marina.lebedeva@romashka.ru";
	private static final String NAME = "Марина Лебедева";

	@ParameterizedTest
	@ValueSource(strings = { "12345678", "password", "qwertyuiop", "Password1", "P@ssw0rd", "iloveyou1", "1q2w3e4r5t",
			"qwerty123456", "11111111", "abcdefgh", "йцукенгш", "gfhjkm123", "пароль123", "superman" })
	void refusesTheCommonAndTheGuessable(String password) {
		assertThat(code(password)).isEqualTo("user.password-too-common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "marina.lebedeva@romashka.ru", "MARINA.LEBEDEVA@ROMASHKA.RU", "marina.lebedeva",
			"Марина Лебедева", "марина лебедева" })
	void refusesTheUsersOwnEmailAndName(String password) {
		assertThat(code(password)).isEqualTo("user.password-like-login");
	}

	/** The login typed another way: full-width, with invisible or other blanks, other punctuation. */
	@ParameterizedTest
	@ValueSource(strings = { "ｍａｒｉｎａ．ｌｅｂｅｄｅｖａ＠ｒｏｍａｓｈｋａ．ｒｕ", "marina\u200b.lebedeva@romashka.ru",
			"marina\u00a0lebedeva@romashka\u3000ru", "marina-lebedeva", "Марина_Лебедева!" })
	void refusesTheUsersOwnEmailAndNameTypedAnotherWay(String password) {
		assertThat(code(password)).isEqualTo("user.password-like-login");
	}

	/** Before, «ООО Ромашка» and «ПКО Возврат демо» passed: the organisation's name was no known word. */
	@ParameterizedTest
	@ValueSource(strings = { "ООО Ромашка", "ООО «Ромашка»", "ромашка2026", "Romashka2026" })
	void refusesTheOrganisationsName(String password) {
		assertThatThrownBy(() -> PasswordPolicy.check(password, EMAIL, NAME, "ООО «Ромашка»")).as(password)
			.isInstanceOf(Rejected.class);
		assertThatCode(() -> PasswordPolicy.check("вечерний чай с лимоном", EMAIL, NAME, "ООО «Ромашка»"))
			.doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "lebedeva1984", "Marina1984", "Лебедева2026" })
	void refusesTheLoginWithATrimming(String password) {
		assertThat(code(password)).isEqualTo("user.password-too-common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "        ", " \t       " })
	void refusesBlanks(String password) {
		assertThat(code(password)).isEqualTo("user.password-blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234567", "Tr0ub4!" })
	void refusesTheShort(String password) {
		assertThat(code(password)).isEqualTo("user.password-too-short");
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct-horse-battery", "kredo-demo", "long-enough-password", "manager-password",
			"вечерний чай с лимоном", "Xk3#pV9!qL2w" })
	void acceptsTheStrongEnough(String password) {
		assertThatCode(() -> PasswordPolicy.check(password, EMAIL, NAME)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345678", "password", "        " })
	void newUserAppliesThePolicy(String password) {
		assertThatThrownBy(() -> new NewUser(EMAIL, NAME, Role.MANAGER, password)).isInstanceOf(Rejected.class);
	}

	private static String code(String password) {
		try {
			PasswordPolicy.check(password, EMAIL, NAME);
			return "accepted";
		}
		catch (Rejected rejected) {
			return rejected.code();
		}
	}
}
