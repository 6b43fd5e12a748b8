package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NonDataRowsTests {

	// A registry: № п/п, ФИО, birth date (a key), contract (a key), amount.
	final NonDataRows rows = new NonDataRows(List.of(2, 3));

	@Test
	void aRecordIsNeverSkippedEvenUnderATotal() {
		assertThat(skip(2, "1", "Итогов Иван", "01.01.1980", "КД-1", "1000")).isEmpty();
		assertThat(skip(3, "ИТОГО", "", "", "", "1000")).contains(NonDataRows.SUMMARY);
		assertThat(skip(4, "2", "Всеволодов Пётр", "01.01.1981", "КД-2", "500")).isEmpty();
	}

	@Test
	void totalsAreKnownByTheirWordInAnyCellAndAnyCase() {
		for (String total : List.of("ИТОГО", "Итого:", "итого по реестру", "Всего", "ВСЕГО: 2 должника", "Total",
				"Grand total")) {
			assertThat(new NonDataRows(List.of(2, 3)).skip(new SourceRow(9, Arrays.asList("", total, "", "", "30 000,00"))))
				.as(total).map(RowError::code).contains(NonDataRows.SUMMARY);
		}
		assertThat(skip(9, "", "", "", "Итого", "30000")).as("the word in a key cell").contains(NonDataRows.SUMMARY);
	}

	@Test
	void signaturesStampsAndDashesAreFootersAndSoIsAnythingAfterThem() {
		assertThat(skip(20, "Генеральный директор ООО «ПКО»", "", "____________", "", "Иванов И. И.")).contains(NonDataRows.FOOTER);
		assertThat(skip(21, "М.П.")).contains(NonDataRows.FOOTER);
		assertThat(skip(22, "Иванов И. И.")).as("after a footer").contains(NonDataRows.FOOTER);
		NonDataRows fresh = new NonDataRows(List.of(2, 3));
		assertThat(fresh.skip(new SourceRow(5, List.of("-", "—", "", "", "0,00")))).map(RowError::code)
			.contains(NonDataRows.FOOTER);
	}

	@Test
	void aRowMissingItsKeysIsAnErrorToReportUnlessItReadsLikeATotalOrAFooter() {
		assertThat(skip(5, "3", "Смирнов Олег", "", "", "1000")).isEmpty();
		assertThat(skip(6, "4", "Директоров Олег", "", "", "1000")).as("a surname, not a signature").isEmpty();
	}

	private Optional<String> skip(long line, String... cells) {
		return rows.skip(new SourceRow(line, Arrays.asList(cells))).map(RowError::code);
	}
}
