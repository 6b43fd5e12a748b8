package ru.kredo.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PaymentDetailsTests {

	@Test
	void theDescriptionNamesTheContractAndTheAgency() {
		assertThat(PaymentDetails.towardsDebt("КД-77/2021", LocalDate.of(2021, 4, 1), "ООО ПКО «Возврат»"))
			.isEqualTo("Оплата по договору № КД-77/2021 от 01.04.2021, ООО ПКО «Возврат»");
		assertThat(PaymentDetails.towardsDebt("З-1", null, "ПКО")).isEqualTo("Оплата по договору № З-1, ПКО");
	}

	@Test
	void aLongDescriptionIsCutToYooKassasLimitKeepingTheContract() {
		PaymentDetails details = new PaymentDetails(
				PaymentDetails.towardsDebt("КД-77/2021", LocalDate.of(2021, 4, 1), "А".repeat(200)), null, null);

		assertThat(details.description()).hasSize(PaymentDetails.MAX_DESCRIPTION).endsWith("…")
			.startsWith("Оплата по договору № КД-77/2021 от 01.04.2021, ААА");
	}

	@Test
	void thePhoneGoesToTheReceiptAsDigitsOnly() {
		assertThat(new PaymentDetails("x", "+7 916 555-12-34", null).customerPhone()).isEqualTo("79165551234");
		assertThat(new PaymentDetails("x", " ", " ").customerPhone()).isNull();
		assertThat(new PaymentDetails(" ", null, null).description()).isEqualTo("Оплата задолженности");
	}
}
