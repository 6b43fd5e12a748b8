package ru.kredo.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

/** Roubles written the Russian way, in one piece: no-break spaces, a decimal comma, two decimals. */
class AmountsTests {

	private final Amounts amounts = new Amounts();

	@Test
	void groupsThousandsWithNoBreakSpacesAndWritesADecimalComma() {
		assertThat(Amounts.text(new BigDecimal("26366.15"))).isEqualTo("26\u00a0366,15\u00a0₽");
		assertThat(Amounts.text(new BigDecimal("1234567.8"))).isEqualTo("1\u00a0234\u00a0567,80\u00a0₽");
		assertThat(Amounts.digits(new BigDecimal("0"))).isEqualTo("0,00");
		assertThat(Amounts.digits(new BigDecimal("999.99"))).isEqualTo("999,99");
		assertThat(Amounts.digits(new BigDecimal("1000"))).isEqualTo("1\u00a0000,00");
		assertThat(Amounts.wholeDigits(new BigDecimal("500000"))).isEqualTo("500\u00a0000");
		// No ordinary space anywhere: an amount never breaks across lines.
		assertThat(Amounts.text(new BigDecimal("873806.15"))).doesNotContain(" ").doesNotContain(".");
	}

	@Test
	void theTemplatesBeanTakesNumbersAndAmounts() {
		Money money = Money.ofRoubles("26366.15");
		assertThat(amounts.roubles(money)).isEqualTo("26\u00a0366,15\u00a0₽");
		assertThat(amounts.grouped(26366L)).isEqualTo("26\u00a0366,00");
		assertThat(amounts.whole(500000)).isEqualTo("500\u00a0000");
		assertThat(amounts.roubles(null)).isEmpty();
	}

	@Test
	void aRefusalWritesItsAmountsTheSameWay() {
		Money money = Money.ofRoubles("3000.00");
		assertThat(new Rejected("cabinet.amount-above-balance", money, 7).arguments()).containsExactly("3\u00a0000,00", 7);
	}
}
