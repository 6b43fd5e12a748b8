package ru.kredo.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

class MoneyTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"12 345,67          | 1234567",
			"12345.67           | 1234567",
			"12345,67           | 1234567",
			"12 345 руб.        | 1234500",
			"12 345 руб         | 1234500",
			"12345р.            | 1234500",
			"1 234 567,8 ₽      | 123456780",
			"₽ 100              | 10000",
			"100 RUB            | 10000",
			"1,234,567.89       | 123456789",
			"1.234.567,89       | 123456789",
			"1,234.5            | 123450",
			"1,234,567          | 123456700",
			"0                  | 0",
			"0,5                | 50",
			"007                | 700",
			"2 000 000 000 000  | 200000000000000" })
	void readsAmountsAsRegistriesWriteThem(String text, long kopecks) {
		assertThat(MoneyText.parse(text)).isEqualTo(Money.ofKopecks(kopecks));
	}

	@Test
	void readsNonBreakingSpacesAsExcelExportsThem() {
		assertThat(MoneyText.parse("12\u00A0345,67")).isEqualTo(Money.ofKopecks(1_234_567));
		assertThat(MoneyText.parse("1\u202F000")).isEqualTo(Money.ofKopecks(100_000));
	}

	@Test
	void aBlankCellIsNoAmount() {
		assertThat(MoneyText.parse("  ")).isNull();
		assertThat(MoneyText.parse(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12,345", "12.345", "1 000,000" })
	void refusesWhatCouldBeThousandsOrAThirdDecimal(String text) {
		assertThatThrownBy(() -> MoneyText.parse(text)).isInstanceOf(Rejected.class)
			.hasMessage(text.equals("1 000,000") ? "money.unreadable" : "money.ambiguous");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12 34", "1,234,56", "12.345.6", "1234,567", "100.", ".5", "1e5", "12 345 долларов",
			"сто рублей", "N/A", "12345.678", "1 234 567 890 123 456" })
	void refusesGarbage(String text) {
		assertThatThrownBy(() -> MoneyText.parse(text)).isInstanceOf(Rejected.class).hasMessage("money.unreadable");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-100", "−100", "(100)" })
	void refusesNegativeAmounts(String text) {
		assertThatThrownBy(() -> MoneyText.parse(text)).isInstanceOf(Rejected.class).hasMessage("money.negative");
	}
}
