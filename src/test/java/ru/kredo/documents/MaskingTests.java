package ru.kredo.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

class MaskingTests {

	@Test
	void thePublicSeesTheLastNameAndInitialsOnly() {
		assertThat(new PersonName("Иванов", "Иван", "Иванович").masked()).isEqualTo("Иванов И. И.");
		assertThat(new PersonName("Ли", "эльвира", null).masked()).isEqualTo("Ли Э.");
		assertThat(new PersonName("Семёнова", "Анна", "Петровна").full()).isEqualTo("Семёнова Анна Петровна");
	}

	@Test
	void thePublicSeesOnlyTheEndOfTheContractNumber() {
		assertThat(new Contract("КД-2019/004512", LocalDate.of(2019, 4, 12)).maskedNumber()).isEqualTo("**-****/**4512");
		assertThat(new Contract("123456", LocalDate.of(2019, 4, 12)).maskedNumber()).isEqualTo("***456");
		assertThat(new Contract("7", LocalDate.of(2019, 4, 12)).maskedNumber()).isEqualTo("*");
	}

	@Test
	void aCertificateCannotBeIssuedBeforeTheDebtIsRepaid() {
		RepaymentCertificate sample = SampleCertificates.closedDebt();
		assertThatThrownBy(() -> new RepaymentCertificate(UUID.randomUUID(), sample.agency(), sample.debtor(),
				sample.debtorBirthDate(), sample.originalCreditor(), sample.contract(), sample.assignedOn(),
				sample.totalRepaid(), sample.closedOn(), sample.closedOn().minusDays(1)))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("certificate.issued-before-closure"));
	}

	@Test
	void anAmountIsInWholeKopecksAndThere() {
		RepaymentCertificate sample = SampleCertificates.closedDebt();
		// A fraction of a kopeck never reaches a document: Money itself refuses it.
		assertThatThrownBy(() -> Money.ofRoubles("10.005"))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("money.invalid"));
		assertThatThrownBy(() -> new RepaymentCertificate(UUID.randomUUID(), sample.agency(), sample.debtor(),
				sample.debtorBirthDate(), sample.originalCreditor(), sample.contract(), sample.assignedOn(),
				(Money) null, sample.closedOn(), sample.issuedOn()))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("certificate.amount-invalid"));
	}

	@Test
	void anAgencyNeedsAValidInnAndOgrn() {
		assertThatThrownBy(() -> new Agency("ООО ПКО «Тест»", "770123456", "1177746123455", "Москва", "+7 495 000-00-00"))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("certificate.agency-inn-invalid"));
		assertThatThrownBy(() -> new Agency("ООО ПКО «Тест»", "7701234560", "11777461234", "Москва", "+7 495 000-00-00"))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("certificate.agency-ogrn-invalid"));
	}
}
