package ru.kredo.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ru.kredo.contacts.PersonField;
import ru.kredo.platform.Rejected;

class PortfolioColumnsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Сумма основного долга      | PRINCIPAL",
			"ОД                         | PRINCIPAL",
			"Остаток ОД, руб.           | PRINCIPAL",
			"Principal                  | PRINCIPAL",
			"Проценты                   | INTEREST",
			"Пени/штрафы                | PENALTIES",
			"Неустойка                  | PENALTIES",
			"Госпошлина                 | STATE_DUTY",
			"Государственная пошлина    | STATE_DUTY",
			"Комиссии                   | FEES",
			"Общая сумма задолженности  | TOTAL",
			"Дата уступки               | ASSIGNMENT_DATE",
			"Дата цессии                | ASSIGNMENT_DATE",
			"Цедент                     | ORIGINAL_CREDITOR",
			"Первоначальный кредитор    | ORIGINAL_CREDITOR",
			"Original creditor          | ORIGINAL_CREDITOR",
			"Номер договора             | CONTRACT_NUMBER",
			"№ договора                 | CONTRACT_NUMBER",
			"№ КД                       | CONTRACT_NUMBER",
			"Contract number            | CONTRACT_NUMBER",
			"Дата договора              | CONTRACT_DATE",
			"Дата выдачи кредита        | CONTRACT_DATE",
			"Регион                     | REGION",
			"Часовой пояс               | TIME_ZONE",
			"Дней просрочки             | DAYS_PAST_DUE",
			"DPD                        | DAYS_PAST_DUE",
			"Days past due              | DAYS_PAST_DUE",
			"Оплачено                   | PAID",
			"Сумма платежей             | PAID" })
	void recognizesRegistryHeadersAsBanksAndAgenciesWriteThem(String header, PortfolioField field) {
		assertThat(PortfolioField.WORDS.recognize(header)).as(header).contains(field);
	}

	@Test
	void mapsTheDebtorsAndTheDebtsColumnsInAnyOrderAndListsTheRest() {
		PortfolioColumns columns = PortfolioColumns.of(List.of("Адрес", "ОД", "Номер договора", "ФИО должника",
				"Дата договора", "Цедент", "Дата рождения", "Телефон домашний", "Телефон мобильный"), false);

		assertThat(columns.debt().first(PortfolioField.PRINCIPAL)).contains(1);
		assertThat(columns.debt().first(PortfolioField.CONTRACT_NUMBER)).contains(2);
		assertThat(columns.person().columns().first(PersonField.FULL_NAME)).contains(3);
		assertThat(columns.person().columns().all(PersonField.PHONE)).containsExactly(7, 8);
		assertThat(columns.hasComponents()).isTrue();
		assertThat(columns.ignored()).containsExactly("Адрес");
	}

	@Test
	void tellsAHeaderFromATitleAboveIt() {
		assertThat(PortfolioColumns.looksLikeHeader(List.of("Реестр уступаемых прав требования", "", ""))).isFalse();
		assertThat(PortfolioColumns.looksLikeHeader(List.of("Приложение № 1 к договору цессии", "Дата", "15.01.2025")))
			.isFalse();
		assertThat(PortfolioColumns.looksLikeHeader(List.of("№ п/п", "ФИО", "Дата рождения", "Номер договора", "ОД")))
			.isTrue();
	}

	@Test
	void refusesARegistryThatCannotSayWhoseDebtUnderWhichContractForHowMuch() {
		assertThatThrownBy(() -> PortfolioColumns.of(List.of("ФИО", "ДР", "Цедент", "Дата договора", "ОД"), false))
			.isInstanceOf(Rejected.class).hasMessage("portfolio.contract-column-missing");
		assertThatThrownBy(() -> PortfolioColumns.of(List.of("ФИО", "ДР", "Цедент", "Номер договора", "ОД"), false))
			.isInstanceOf(Rejected.class).hasMessage("portfolio.contract-date-column-missing");
		assertThatThrownBy(() -> PortfolioColumns.of(List.of("ФИО", "ДР", "Номер договора", "Дата договора", "ОД"), false))
			.isInstanceOf(Rejected.class).hasMessage("portfolio.creditor-column-missing");
		assertThatThrownBy(() -> PortfolioColumns.of(List.of("ФИО", "ДР", "Цедент", "Номер договора", "Дата договора"),
				false))
			.isInstanceOf(Rejected.class).hasMessage("portfolio.amount-column-missing");
		assertThatThrownBy(() -> PortfolioColumns.of(List.of("Цедент", "Номер договора", "Дата договора", "ОД"), false))
			.isInstanceOf(Rejected.class).hasMessage("import.name-column-missing");
		// The form may name the creditor of the whole registry.
		assertThat(PortfolioColumns.of(List.of("ФИО", "ДР", "Номер договора", "Дата договора", "Итого"), true)
			.hasComponents()).isFalse();
	}
}
