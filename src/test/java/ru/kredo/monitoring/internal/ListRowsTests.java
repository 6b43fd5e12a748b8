package ru.kredo.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.FullName;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.tabular.SourceRow;

class ListRowsTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	static final List<String> HEADER = List.of("ФИО", "Дата рождения", "Паспорт", "Телефон", "Телефон 2", "Сегмент",
			"Дата согласия", "Менеджер");
	static final UserId MANAGER = new UserId(UUID.randomUUID());

	final ListRows rows = new ListRows(Columns.of(HEADER),
			new ImportDefaults(Segment.PROSPECT, 6, TODAY.minusDays(1), "Подбор кредита", ConsentMethod.PAPER),
			Map.of("анна петрова", MANAGER), TODAY);

	@Test
	void readsAGoodRowIntoAPersonAndHisTerms() {
		RowResult.Good good = (RowResult.Good) read(7, "Семёнова Анна Петровна", "14.03.1985", "45 10 № 987654",
				"", "8 (916) 555-12-34", "должник", "01.11.2026", "Анна  Петрова");

		assertThat(good.line()).isEqualTo(7);
		assertThat(good.person().name()).isEqualTo(new FullName("Семёнова", "Анна", "Петровна"));
		assertThat(good.person().birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
		assertThat(good.person().passport().display()).isEqualTo("4510 987654");
		assertThat(good.person().phone().e164()).isEqualTo("+79165551234");
		assertThat(good.terms().segment()).isEqualTo(Segment.DEBTOR);
		assertThat(good.terms().consent().givenOn()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(good.terms().managerId()).isEqualTo(MANAGER);
	}

	@Test
	void takesTheFormsSegmentAndConsentWhenTheRowHasNone() {
		RowResult.Good good = (RowResult.Good) read(2, "Иванов Иван", "1980-01-01", "", "", "", "", "", "Кто-то");

		assertThat(good.terms().segment()).isEqualTo(Segment.PROSPECT);
		assertThat(good.terms().consent().givenOn()).isEqualTo(TODAY.minusDays(1));
		assertThat(good.terms().consent().purpose()).isEqualTo("Подбор кредита");
		assertThat(good.terms().managerId()).isNull();
		assertThat(good.unknownManager()).isEqualTo("Кто-то");
		assertThat(good.person().name().middleName()).isNull();
	}

	@Test
	void findsTheManagerWrittenLastNameFirst() {
		ListRows crm = new ListRows(Columns.of(List.of("ФИО", "Дата рождения", "Ответственный")),
				new ImportDefaults(Segment.PROSPECT, 6, null, "", null),
				Map.of(ListRows.nameKey("Анна Петрова"), MANAGER), TODAY);

		RowResult.Good good = (RowResult.Good) crm.read(new SourceRow(2, List.of("Иванов Иван", "01.01.1980", "Петрова  Анна")));

		assertThat(good.terms().managerId()).isEqualTo(MANAGER);
		assertThat(good.unknownManager()).isNull();
	}

	@Test
	void aCrmsIdColumnUnderAnyOfItsNamesIsThePersonsExternalIdTrimmed() {
		for (String header : List.of("ID", "Id", "id", "External ID", "Внешний ID", "ИД", "external_id")) {
			ListRows crm = new ListRows(Columns.of(List.of(header, "ФИО", "Дата рождения")),
					new ImportDefaults(Segment.PROSPECT, 6, null, "", null), Map.of(), TODAY);

			RowResult.Good good = (RowResult.Good) crm.read(new SourceRow(2, List.of(" 1042 ", "Иванов Иван", "01.01.1980")));
			RowResult.Good none = (RowResult.Good) crm.read(new SourceRow(3, List.of("  ", "Петров Пётр", "01.01.1981")));

			assertThat(good.person().externalId()).as(header).isEqualTo("1042");
			assertThat(none.person().externalId()).as(header).isNull();
		}
		ListRows crm = new ListRows(Columns.of(List.of("ID", "ФИО", "Дата рождения")),
				new ImportDefaults(Segment.PROSPECT, 6, null, "", null), Map.of(), TODAY);
		RowResult.Bad tooLong = (RowResult.Bad) crm.read(new SourceRow(4, List.of("Я".repeat(101), "Иванов Иван", "01.01.1980")));
		assertThat(tooLong.error()).isEqualTo(new ru.kredo.tabular.RowError(4, "ID", "contact.external-id-too-long", List.of("100")));
		assertThat(((RowResult.Good) crm.read(new SourceRow(5, List.of("Я".repeat(100), "Иванов Иван", "01.01.1980"))))
			.person().externalId()).hasSize(100);
	}

	@Test
	void aRowWhoseOnlyPhoneIsWrongIsKeptWithoutItAndTheColumnNoted() {
		RowResult.Good good = (RowResult.Good) read(5, "Иванов Иван", "01.01.1980", "", "916123456", "", "", "", "");

		assertThat(good.person().phone()).isNull();
		assertThat(good.note()).isEqualTo(new ru.kredo.tabular.RowError(5, "Телефон", "import.note.phone-invalid", List.of()));
		assertThat(good.unknownManager()).isNull();
	}

	@Test
	void aTotalAndTheSignatureUnderTheTableAreSkippedNotRejected() {
		assertThat(rows.read(new SourceRow(9, List.of("Итого: 7 клиентов", "", "", "", "", "", "", ""))))
			.isEqualTo(new RowResult.Skipped(new ru.kredo.tabular.RowError(9, null, "import.note.row-summary", List.of())));
		assertThat(rows.read(new SourceRow(11, List.of("Руководитель отдела продаж ______ Петров", "", "", "", "", "", "", ""))))
			.isInstanceOf(RowResult.Skipped.class);
		assertThat(rows.read(new SourceRow(12, List.of("Петров П. П.", "", "", "", "", "", "", ""))))
			.as("anything under the signature").isInstanceOf(RowResult.Skipped.class);
	}

	@Test
	void takesTheRowsConsentPurposeWhenTheFileHasOne() {
		ListRows crm = new ListRows(Columns.of(List.of("Фамилия", "Имя", "Дата рождения", "Дата согласия", "Цель согласия")),
				new ImportDefaults(Segment.PROSPECT, 6, null, "", null), Map.of(), TODAY);

		RowResult.Good own = (RowResult.Good) crm.read(new SourceRow(2,
				List.of("Смирнова", "Ольга", "12.04.1985", "01.11.2026", " Рефинансирование ")));
		RowResult.Bad none = (RowResult.Bad) crm.read(new SourceRow(3, List.of("Смирнов", "Олег", "12.04.1985", "01.11.2026", "")));

		assertThat(own.terms().consent().purpose()).isEqualTo("Рефинансирование");
		assertThat(own.terms().consent().givenOn()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(none.error().code()).isEqualTo("consent.purpose-required");
		assertThat(Field.of("Цель согласия")).contains(Field.CONSENT_PURPOSE);
		assertThat(Field.of("Consent purpose")).contains(Field.CONSENT_PURPOSE);
	}

	@Test
	void readsPhonesInEveryCommonRussianNotationAndTakesTheFirstValidOne() {
		for (String phone : List.of("+7 916 123-45-67", "8 (916) 123-45-67", "89161234567", "9161234567",
				"7-916-123-45-67", "+7(916)1234567")) {
			RowResult.Good good = (RowResult.Good) read(2, "Иванов Иван", "01.01.1980", "", phone, "", "", "", "");
			assertThat(good.person().phone().e164()).as(phone).isEqualTo("+79161234567");
		}
		RowResult.Good second = (RowResult.Good) read(2, "Иванов Иван", "01.01.1980", "", "нет", "8 916 765 43 21", "", "", "");
		assertThat(second.person().phone().e164()).isEqualTo("+79167654321");
	}

	@Test
	void saysWhichColumnIsWrongAndWhy() {
		assertBad(read(3, "Иванов Иван", "31.02.1990", "", "", "", "", "", ""), 3, "Дата рождения",
				"date-not-in-calendar");
		assertBad(read(4, "Иванов Иван", "01.01.1980", "45АБ 123456", "", "", "", "", ""), 4, "Паспорт",
				"contact.passport-invalid");
		assertBad(read(6, "Иванов", "01.01.1980", "", "", "", "", "", ""), 6, "ФИО", "import.full-name-incomplete");
		assertBad(read(7, "Иванов Иван", "", "", "", "", "", "", ""), 7, "Дата рождения", "import.birth-date-required");
		assertBad(read(8, "Иванов Иван", "01.01.2030", "", "", "", "", "", ""), 8, "Дата рождения",
				"contact.birth-date-invalid");
		assertBad(read(9, "Иванов Иван", "01.01.1980", "", "", "", "VIP", "", ""), 9, "Сегмент", "import.segment-unknown");
		assertBad(read(10, "Иванов Иван", "01.01.1980", "", "", "", "", "01.01.2027", ""), 10, "Дата согласия",
				"import.consent-date-in-future");
		assertBad(read(11, "Иван0в Иван", "01.01.1980", "", "", "", "", "", ""), 11, "ФИО",
				"contact.last-name-invalid");
	}

	@Test
	void echoesNoPersonalDataInTheReason() {
		RowResult.Bad bad = (RowResult.Bad) read(3, "Иванов Иван", "01.01.1980", "4510 12345X", "", "", "", "", "");
		assertThat(bad.error().args()).isEmpty();
		RowResult.Bad segment = (RowResult.Bad) read(3, "Иванов Иван", "01.01.1980", "", "", "", "VIP", "", "");
		assertThat(segment.error().args()).containsExactly("VIP");
	}

	@Test
	void readsThreeNameColumnsAndAPassportInSeriesAndNumber() {
		ListRows three = new ListRows(Columns.of(List.of("Фамилия", "Имя", "Отчество", "ДР", "Серия", "Номер")),
				new ImportDefaults(Segment.ACTIVE, 6, null, "", null), Map.of(), TODAY);

		RowResult.Good good = (RowResult.Good) three.read(new SourceRow(2,
				List.of("Мамедов", "Рашид", "Али оглы", "08.08.1983", "45 16", "890123")));
		assertThat(good.person().name()).isEqualTo(new FullName("Мамедов", "Рашид", "Али оглы"));
		assertThat(good.person().passport().display()).isEqualTo("4516 890123");
		assertThat(good.terms().consent()).isNull();

		assertBad(three.read(new SourceRow(3, List.of("Мамедов", "", "", "08.08.1983", "", ""))), 3, "Имя",
				"contact.first-name-invalid");
	}

	private RowResult read(long line, String... cells) {
		return rows.read(new SourceRow(line, Arrays.asList(cells)));
	}

	private static void assertBad(RowResult result, long line, String column, String code) {
		assertThat(result).isInstanceOf(RowResult.Bad.class);
		RowResult.Bad bad = (RowResult.Bad) result;
		assertThat(bad.line()).isEqualTo(line);
		assertThat(bad.error().column()).isEqualTo(column);
		assertThat(bad.error().code()).isEqualTo(code);
	}
}
