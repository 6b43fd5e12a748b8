package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.payments.Money;
import ru.kredo.platform.Rejected;

class OfferTests {

	@Test
	void theDiscountIsRoundedDownToTheKopeckSoTheDebtorNeverPaysAFractionMore() {
		assertThat(Offer.discounted(Money.ofRoubles("10000.00"), 15)).isEqualTo(Money.ofRoubles("8500.00"));
		assertThat(Offer.discounted(Money.ofKopecks(999), 15)).isEqualTo(Money.ofKopecks(850));
	}

	@Test
	void anAcceptedOfferTellsWhatIsLeftToPayAndWhatIsSaved() {
		Offer offer = new Offer(UUID.randomUUID(), new DebtId(UUID.randomUUID()), "Старые долги", 10,
				Money.ofRoubles("10000.00"), Money.ofRoubles("9000.00"), LocalDate.of(2026, 12, 1), Offer.Status.ACCEPTED,
				Money.ofRoubles("4000.00"));

		assertThat(offer.leftToPay()).isEqualTo(Money.ofRoubles("5000.00"));
		assertThat(offer.saved()).isEqualTo(Money.ofRoubles("1000.00"));
	}

	@Test
	void aRuleOffersOneToFiftyPerCentForOneToAYearOfDays() {
		assertThatThrownBy(() -> new OfferRule(null, "Щедро", 0, Money.ZERO, 60, 30))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.discount-invalid"));
		assertThatThrownBy(() -> new OfferRule(null, "Навсегда", 0, Money.ZERO, 10, 0))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.terms-invalid"));
		assertThatThrownBy(() -> new OfferRule(null, " ", 0, Money.ZERO, 10, 30))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("offer.rule-name-required"));
	}
}
