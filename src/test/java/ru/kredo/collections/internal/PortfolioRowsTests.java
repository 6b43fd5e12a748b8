package ru.kredo.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.kredo.collections.DebtComponent;
import ru.kredo.money.Money;
import ru.kredo.tabular.RowError;
import ru.kredo.tabular.SourceRow;

class PortfolioRowsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	private static final List<String> HEADER = List.of("ФИО", "Дата рождения", "Кредитор", "Номер договора",
			"Дата договора", "Дата уступки", "ОД", "Проценты", "Итого", "Оплачено", "DPD", "Регион", "Часовой пояс");

	private final PortfolioRows rows = new PortfolioRows(PortfolioColumns.of(HEADER, false), PortfolioDefaults.none(), TODAY);

	@Test
	void aContractNumberLosesTheSignWrittenBeforeIt() {
		assertThat(PortfolioRows.contractNumber("№ 123")).isEqualTo("123");
		assertThat(PortfolioRows.contractNumber("№123/45-К")).isEqualTo("123/45-К");
		assertThat(PortfolioRows.contractNumber("No. 77")).isEqualTo("77");
		assertThat(PortfolioRows.contractNumber("N123")).isEqualTo("N123");
		assertThat(PortfolioRows.contractNumber("№")).isEqualTo("№");
	}

	@Test
	void readsADebtAndItsDebtor() {
		PortfolioRow.Good good = (PortfolioRow.Good) read(2, "Иванов  Иван", "01.01.1980", "  ПАО   «Банк» ", "КД 1",
				"01.02.2020", "01.03.2024", "1 000,00", "250,5", "1 250,50", "250,50", "45", "Пермский край", "");

		assertThat(good.debtor().name().display()).isEqualTo("Иванов Иван");
		ImportedDebt debt = good.debt();
		assertThat(debt.originalCreditor()).isEqualTo("ПАО «Банк»");
		assertThat(debt.claim().of(DebtComponent.PRINCIPAL)).isEqualTo(Money.ofRoubles("1000.00"));
		assertThat(debt.claim().of(DebtComponent.INTEREST)).isEqualTo(Money.ofRoubles("250.50"));
		assertThat(debt.paid()).isEqualTo(Money.ofRoubles("250.50"));
		assertThat(debt.daysPastDue()).isEqualTo(45);
		assertThat(debt.region()).isEqualTo("Пермский край");
		assertThat(debt.timeZone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
	}

	@Test
	void anExplicitTimeZoneWinsAndAnUnknownRegionWithAZoneIsKeptAsWritten() {
		ImportedDebt explicit = ((PortfolioRow.Good) read(2, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "",
				"1000", "", "", "", "", "Якутия", "МСК+2")).debt();
		assertThat(explicit.timeZone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
		assertThat(explicit.region()).isEqualTo("Республика Саха (Якутия)");

		ImportedDebt unknown = ((PortfolioRow.Good) read(2, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "",
				"1000", "", "", "", "", "пос. Северный", "UTC+7")).debt();
		assertThat(unknown.region()).isEqualTo("пос. Северный");
		assertThat(unknown.timeZone()).isEqualTo(ZoneId.of("Asia/Novosibirsk"));

		ImportedDebt none = ((PortfolioRow.Good) read(2, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "",
				"1000", "", "", "", "", "", "")).debt();
		assertThat(none.region()).isNull();
		assertThat(none.timeZone()).isNull();
	}

	@Test
	void namesTheWrongCellOfABadRow() {
		assertBad(read(3, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "", "1000", "200", "1100", "", "", "", ""),
				3, "Итого", "portfolio.total-mismatch");
		assertBad(read(4, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "01.01.2019", "1000", "", "", "", "", "",
				""), 4, "Дата уступки", "portfolio.assigned-before-contract");
		assertBad(read(5, "Иванов Иван", "01.01.1980", "", "1", "01.02.2020", "", "1000", "", "", "", "", "", ""), 5,
				"Кредитор", "portfolio.creditor-required");
		assertBad(read(6, "Иванов Иван", "01.01.1980", "Банк", " ", "01.02.2020", "", "1000", "", "", "", "", "", ""), 6,
				"Номер договора", "portfolio.contract-required");
		assertBad(read(7, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2030", "", "1000", "", "", "", "", "", ""), 7,
				"Дата договора", "portfolio.date-in-future");
		assertBad(read(8, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "", "", "", "", "", "", "", ""), 8, "ОД",
				"portfolio.claim-empty");
		assertBad(read(9, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "", "1000", "", "", "", "-5", "", ""), 9,
				"DPD", "portfolio.days-past-due-invalid");
		assertBad(read(10, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "", "1000", "", "", "", "", "", "МСК+X"),
				10, "Часовой пояс", "portfolio.time-zone-unknown");
		assertBad(read(11, "Иванов", "01.01.1980", "Банк", "1", "01.02.2020", "", "1000", "", "", "", "", "", ""), 11, "ФИО",
				"import.full-name-incomplete");
		assertBad(read(12, "Иванов Иван", "01.01.1980", "Банк", "1", "01.02.2020", "", "1000 долларов", "", "", "", "", "",
				""), 12, "ОД", "money.unreadable");
	}

	@Test
	void theFormsCreditorAndAssignmentDateServeRowsWithoutTheirOwn() {
		PortfolioRows withDefaults = new PortfolioRows(PortfolioColumns.of(HEADER, true),
				new PortfolioDefaults("АО «Банк»", LocalDate.of(2025, 5, 5)), TODAY);

		ImportedDebt debt = ((PortfolioRow.Good) withDefaults.read(row(2, "Иванов Иван", "01.01.1980", "", "1",
				"01.02.2020", "", "1000", "", "", "", "", "", ""))).debt();

		assertThat(debt.originalCreditor()).isEqualTo("АО «Банк»");
		assertThat(debt.assignmentDate()).isEqualTo(LocalDate.of(2025, 5, 5));
	}

	private PortfolioRow read(long line, String... cells) {
		return rows.read(row(line, cells));
	}

	private static SourceRow row(long line, String... cells) {
		return new SourceRow(line, Arrays.asList(cells));
	}

	private static void assertBad(PortfolioRow result, long line, String column, String code) {
		assertThat(result).isInstanceOf(PortfolioRow.Bad.class);
		RowError error = ((PortfolioRow.Bad) result).error();
		assertThat(error.line()).isEqualTo(line);
		assertThat(error.column()).isEqualTo(column);
		assertThat(error.code()).isEqualTo(code);
	}
}
