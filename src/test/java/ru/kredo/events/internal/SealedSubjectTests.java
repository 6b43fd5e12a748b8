package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;
import ru.kredo.events.Subject;

/**
 * The sealed subject's text gained the phone at its end (issue 14): a subject sealed before has seven parts and no
 * phone, one sealed since has eight, the last empty without a phone; the phone is read back from both.
 */
class SealedSubjectTests {

	private static final FullName NAME = new FullName("Ёлкина", "Вера", "Петровна");
	private static final LocalDate BORN = LocalDate.of(1979, 6, 2);

	@Test
	void aPhoneIsSealedLastAndReadBack() {
		Subject with = new Subject(NAME, BORN, PassportNumber.parse("4510 123456"), new Inn("500100732259"),
				new Snils("112-233-445 95"), PhoneNumber.parse("8 916 123-45-67"));
		String sealed = EventChunk.sealed(with);

		assertThat(sealed).isEqualTo("Ёлкина|Вера|Петровна|1979-06-02|4510123456|500100732259|11223344595|+79161234567");
		assertThat(EventChunk.phone(sealed)).contains(new PhoneNumber("+79161234567"));
	}

	@Test
	void aSubjectWithoutAPhoneHasNone() {
		String full = EventChunk.sealed(new Subject(NAME, BORN, PassportNumber.parse("4510 123456"),
				new Inn("500100732259"), new Snils("112-233-445 95")));
		String bare = EventChunk.sealed(new Subject(new FullName("Ёлкина", "Вера", null), BORN, null, null, null));

		assertThat(full).endsWith("|11223344595|");
		assertThat(bare).isEqualTo("Ёлкина|Вера||1979-06-02||||");
		assertThat(EventChunk.phone(full)).isEmpty();
		assertThat(EventChunk.phone(bare)).isEmpty();
	}

	@Test
	void aSubjectSealedBeforePhonesCameHasNone() {
		// As EventChunk sealed them before issue 14: seven parts, the СНИЛС (or nothing) last.
		assertThat(EventChunk.phone("Ёлкина|Вера|Петровна|1979-06-02|4510123456|500100732259|11223344595")).isEmpty();
		assertThat(EventChunk.phone("Ёлкина|Вера||1979-06-02|||")).isEmpty();
	}
}
