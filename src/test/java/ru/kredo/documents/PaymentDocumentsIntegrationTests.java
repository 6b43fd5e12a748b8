package ru.kredo.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.IntegrationTest;
import ru.kredo.money.Money;

/** The application's own template engine and bundles render the documents, fragments and all. */
@IntegrationTest
class PaymentDocumentsIntegrationTests {

	@Autowired
	PaymentDocuments documents;

	@Test
	void theApplicationRendersAStatementWithTheAgencyHeader() throws Exception {
		PaymentStatement statement = new PaymentStatement(SampleCertificates.agency(),
				new PersonName("Семёнова", "Анна", "Петровна"), new Contract("КД-2019/004512", LocalDate.of(2019, 4, 12)),
				"ПАО «Первый Банк»", LocalDate.of(2022, 6, 1), Money.ofRoubles("1000"),
				List.of(new StatementLine(LocalDate.of(2026, 9, 1), Money.ofRoubles("1000"), "СБП")), Money.ZERO,
				LocalDate.of(2026, 11, 23));

		try (PDDocument pdf = Loader.loadPDF(documents.statement(statement))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
				.contains("ООО ПКО «Пример Взыскания»", "ИНН 7701234560", "ВЫПИСКА О ПЛАТЕЖАХ",
						"Остаток задолженности на 23.11.2026: 0,00\u00a0руб.");
		}
	}
}
