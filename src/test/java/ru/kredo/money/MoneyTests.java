package ru.kredo.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

class MoneyTests {

	@Test
	void readsRoublesAsTheUserTypesThemExactToTheKopeck() {
		assertThat(Money.ofRoubles("1250,50").kopecks()).isEqualTo(125_050);
		assertThat(Money.ofRoubles("1250.5").kopecks()).isEqualTo(125_050);
		assertThat(Money.ofRoubles("0.01").kopecks()).isEqualTo(1);
		assertThat(Money.ofRoubles(" 7 ").kopecks()).isEqualTo(700);
	}

	@Test
	void writesRoublesWithTwoDecimalsAsProvidersWantThem() {
		assertThat(Money.ofKopecks(10_000)).hasToString("100.00");
		assertThat(Money.ofKopecks(5)).hasToString("0.05");
		assertThat(Money.ofKopecks(125_050).roubles()).isEqualByComparingTo("1250.50").satisfies(r -> assertThat(r.scale()).isEqualTo(2));
	}

	@Test
	void addsTenthsWithoutTheDriftOfFloatingPoint() {
		Money sum = Money.ZERO;
		for (int i = 0; i < 10; i++) {
			sum = sum.plus(Money.ofRoubles("0.10"));
		}
		assertThat(sum).isEqualTo(Money.ofRoubles("1.00"));
	}

	@Test
	void refusesNegativeAmountsAndFractionsOfAKopeck() {
		assertThatThrownBy(() -> Money.ofKopecks(-1)).isInstanceOf(Rejected.class).hasMessage("money.negative");
		assertThatThrownBy(() -> Money.ofRoubles("-5")).isInstanceOf(Rejected.class).hasMessage("money.invalid");
		assertThatThrownBy(() -> Money.ofRoubles("1.005")).isInstanceOf(Rejected.class).hasMessage("money.invalid");
		assertThatThrownBy(() -> Money.ofRoubles(new BigDecimal("1.005"))).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> Money.ofRoubles("сто")).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> Money.ofRoubles((String) null)).isInstanceOf(Rejected.class);
	}

	@Test
	void aDifferenceBelowZeroIsRefused() {
		assertThatThrownBy(() -> Money.ofRoubles("1").minus(Money.ofRoubles("1.01"))).isInstanceOf(Rejected.class);
		assertThat(Money.ofRoubles("5").minus(Money.ofRoubles("5"))).isEqualTo(Money.ZERO);
	}
}
