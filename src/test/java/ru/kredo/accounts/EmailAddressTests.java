package ru.kredo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.kredo.platform.Rejected;

class EmailAddressTests {

	/**
	 * Before, each of these made a second account that reads as {@code collector@kredo.ru} on every list and in the
	 * audit log: a Cyrillic «с» or «о», a Greek «ο», a zero-width space, a soft hyphen, a right-to-left mark, a
	 * no-break space.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "\u0441ollector@kredo.ru", "c\u043Ellector@kredo.ru", "c\u03BFllector@kredo.ru",
			"collector\u200B@kredo.ru", "col\u00ADlector@kredo.ru", "collector@kr\u200Fedo.ru", "collector@kredo\u00A0.ru",
			"collector@kr\u0435do.ru", "collector\u0000@kredo.ru" })
	void aNewLoginThatPassesForAnotherIsRefused(String lookalike) {
		assertThatThrownBy(() -> EmailAddress.forNewAccount(lookalike)).isInstanceOf(Rejected.class)
			.extracting("code").isIn("user.email-lookalike", "user.email-invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "collector@kredo.ru", "иван@пример.рф", "ivan.petrov@пример.рф", "marina-2@romashka.ru",
			"ＣＯＬＬＥＣＴＯＲ@kredo.ru", "ivan_ivanov+crm@mail.ru" })
	void aLoginInOneAlphabetPerPartIsTaken(String login) {
		assertThat(EmailAddress.forNewAccount(login).value()).isEqualTo(EmailAddress.normalize(login));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0441ollector@kredo.ru", "collector\u200B@kredo.ru" })
	void aLoginMadeBeforeIsStillRead(String stored) {
		assertThat(new EmailAddress(stored).value()).isEqualTo(stored);
	}
}
