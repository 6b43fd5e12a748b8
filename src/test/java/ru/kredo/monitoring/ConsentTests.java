package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

/** 218-ФЗ: six months from the consent's date, or the life of a loan contract concluded within them. */
class ConsentTests {

	private static final LocalDate GIVEN = LocalDate.of(2026, 1, 31);

	@Test
	void aConsentIsValidForSixMonthsFromItsDate() {
		Consent consent = new Consent(GIVEN, "Подбор кредита", ConsentMethod.PAPER, null, null);

		assertThat(consent.lastValidDay()).contains(LocalDate.of(2026, 7, 30));
		assertThat(consent.isValidOn(LocalDate.of(2026, 7, 30))).isTrue();
		assertThat(consent.isValidOn(LocalDate.of(2026, 7, 31))).isFalse();
		assertThat(consent.isValidOn(GIVEN.minusDays(1))).isFalse();
	}

	@Test
	void aLoanContractConcludedWithinSixMonthsKeepsItValidForTheContractsLife() {
		Consent consent = new Consent(GIVEN, "Подбор кредита", ConsentMethod.PAPER, LocalDate.of(2026, 5, 1),
				LocalDate.of(2029, 5, 1));

		assertThat(consent.lastValidDay()).contains(LocalDate.of(2029, 5, 1));
		assertThat(consent.isValidOn(LocalDate.of(2028, 12, 31))).isTrue();
	}

	@Test
	void aContractOfUnknownEndKeepsItValidWithoutALastDay() {
		Consent consent = new Consent(GIVEN, "Подбор кредита", ConsentMethod.ELECTRONIC_SIGNATURE, GIVEN.plusMonths(2), null);

		assertThat(consent.lastValidDay()).isEmpty();
		assertThat(consent.isValidOn(GIVEN.plusYears(3))).isTrue();
	}

	@Test
	void aContractConcludedAfterTheSixMonthsDoesNotExtendIt() {
		Consent consent = new Consent(GIVEN, "Подбор кредита", ConsentMethod.PAPER, LocalDate.of(2026, 9, 1),
				LocalDate.of(2030, 1, 1));

		assertThat(consent.lastValidDay()).contains(LocalDate.of(2026, 7, 30));
	}

	@Test
	void aConsentNeedsADateAndAPurposeAndAContractCannotPrecedeIt() {
		assertThatThrownBy(() -> new Consent(null, "x", ConsentMethod.PAPER, null, null))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("consent.date-required"));
		assertThatThrownBy(() -> new Consent(GIVEN, " ", ConsentMethod.PAPER, null, null))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("consent.purpose-required"));
		assertThatThrownBy(() -> new Consent(GIVEN, "x", ConsentMethod.PAPER, GIVEN.minusDays(1), null))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("consent.contract-before-consent"));
	}
}
