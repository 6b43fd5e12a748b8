package ru.kredo.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ru.kredo.documents.internal.TemplateEngines;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

class PaymentDocumentsTests {

	private static final PersonName DEBTOR = new PersonName("Семёнова", "Анна", "Петровна");
	private static final Contract CONTRACT = new Contract("КД-2019/004512", LocalDate.of(2019, 4, 12));

	private final PaymentDocuments documents = new PaymentDocuments(TemplateEngines.documentPdf());

	@Test
	void theScheduleListsEveryInstalmentAndTheTotalInRussian() throws Exception {
		PaymentSchedule schedule = new PaymentSchedule(SampleCertificates.agency(), DEBTOR, CONTRACT,
				LocalDate.of(2026, 11, 23), List.of(new Instalment(LocalDate.of(2026, 12, 15), Money.ofRoubles("15000")),
						new Instalment(LocalDate.of(2027, 1, 15), Money.ofRoubles("15000")),
						new Instalment(LocalDate.of(2027, 2, 15), Money.ofRoubles("12345.67"))),
				LocalDate.of(2026, 11, 23));

		String text = text(documents.schedule(schedule), "payment-schedule-sample.pdf");

		assertThat(text).contains("ГРАФИК ПЛАТЕЖЕЙ", "по договору № КД-2019/004512 от 12.04.2019",
				"Семёнова Анна Петровна", "15.12.2026", "15.01.2027", "15.02.2027", "12\u00a0345,67\u00a0руб.",
				"Итого 42\u00a0345,67\u00a0руб.", "+7 495 123-45-67");
	}

	@Test
	void aDiscountsScheduleStatesTheSettlementItPaysAndWhatALatePaymentDoes() throws Exception {
		PaymentSchedule schedule = new PaymentSchedule(SampleCertificates.agency(), DEBTOR, CONTRACT,
				LocalDate.of(2026, 11, 23), List.of(new Instalment(LocalDate.of(2026, 12, 7), Money.ofRoubles("4500.02")),
						new Instalment(LocalDate.of(2027, 1, 7), Money.ofRoubles("4500.01"))),
				LocalDate.of(2026, 11, 24), new Settlement(Money.ofRoubles("10000.03"), Money.ofRoubles("1000.00"),
						LocalDate.of(2026, 11, 23), 3));

		String text = text(documents.schedule(schedule), "payment-schedule-settlement-sample.pdf").replaceAll("\\s+", " ");

		assertThat(text).contains("Итого 9\u00a0000,03\u00a0руб.", "(ст. 415 ГК РФ) подписано должником 23.11.2026",
				"Задолженность на дату соглашения — 10\u00a0000,03\u00a0руб.", "остаток 1\u00a0000,00\u00a0руб. прощается",
				"в течение 3 дн. после своей даты");
		assertThat(text(documents.schedule(new PaymentSchedule(SampleCertificates.agency(), DEBTOR, CONTRACT,
				LocalDate.of(2026, 11, 23), List.of(new Instalment(LocalDate.of(2026, 12, 7), Money.ofRoubles("10"))),
				LocalDate.of(2026, 11, 24))), null)).doesNotContain("ст. 415");
	}

	@Test
	void theStatementListsPaymentsOldestFirstWithWhatIsStillOwed() throws Exception {
		PaymentStatement statement = new PaymentStatement(SampleCertificates.agency(), DEBTOR, CONTRACT,
				"ПАО «Первый Банк»", LocalDate.of(2022, 6, 1), Money.ofRoubles("150000.00"),
				List.of(new StatementLine(LocalDate.of(2026, 10, 5), Money.ofRoubles("20000"), "СБП"),
						new StatementLine(LocalDate.of(2026, 9, 1), Money.ofRoubles("10000.50"), "Банковская карта")),
				Money.ofRoubles("119999.50"), LocalDate.of(2026, 11, 23));

		String text = text(documents.statement(statement), "payment-statement-sample.pdf");

		assertThat(text).contains("ВЫПИСКА О ПЛАТЕЖАХ", "на 23.11.2026", "ПАО «Первый Банк»", "150\u00a0000,00\u00a0руб.",
				"Всего уплачено 30\u00a0000,50\u00a0руб.", "Остаток задолженности на 23.11.2026: 119\u00a0999,50\u00a0руб.");
		assertThat(text.indexOf("01.09.2026")).isLessThan(text.indexOf("05.10.2026"));
	}

	@Test
	void aStatementWithoutPaymentsSaysSo() throws Exception {
		PaymentStatement statement = new PaymentStatement(SampleCertificates.agency(), DEBTOR, CONTRACT,
				"ПАО «Первый Банк»", LocalDate.of(2022, 6, 1), Money.ofRoubles("150000"), List.of(),
				Money.ofRoubles("150000"), LocalDate.of(2026, 11, 23));

		assertThat(text(documents.statement(statement), null)).contains("Платежей за период не поступало.");
	}

	@Test
	void aScheduleIsInDateOrder() {
		assertThatThrownBy(() -> new PaymentSchedule(SampleCertificates.agency(), DEBTOR, CONTRACT,
				LocalDate.of(2026, 11, 23), List.of(new Instalment(LocalDate.of(2027, 1, 15), Money.ofRoubles("10")),
						new Instalment(LocalDate.of(2026, 12, 15), Money.ofRoubles("10"))),
				LocalDate.of(2026, 11, 23)))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("schedule.dates-out-of-order"));
	}

	@Test
	void aStatementOnlyHoldsPaymentsOfItsPeriod() {
		assertThatThrownBy(() -> new PaymentStatement(SampleCertificates.agency(), DEBTOR, CONTRACT, "ПАО «Первый Банк»",
				LocalDate.of(2022, 6, 1), Money.ofRoubles("10"), List.of(new StatementLine(LocalDate.of(2026, 12, 1), Money.ofRoubles("1"), "СБП")),
				Money.ofRoubles("10"), LocalDate.of(2026, 11, 23)))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("statement.payment-out-of-period"));
	}

	@Test
	void theCopyOfASignedAgreementPrintsItsTextAsReadAndItsSignature() throws Exception {
		SettlementAgreement agreement = agreement("Агентство прощает вам часть долга (ст. 415 ГК РФ).\n"
				+ "Платёж 1: 4\u00a0500,02\u00a0₽ до 07.12.2026\nПлатёж 2: 4\u00a0500,01\u00a0₽ до 07.01.2027\n"
				+ "Если платёж не поступит к своей дате, соглашение утратит силу.", "+7 *** ***-45-67",
				ZonedDateTime.of(2026, 11, 23, 14, 5, 9, 0, ZoneId.of("Europe/Moscow")));

		String text = text(documents.agreement(agreement), "settlement-agreement-sample.pdf");

		assertThat(text).contains("СОГЛАШЕНИЕ", "о прощении части долга (копия)", "от 23.11.2026", "Семёнова Анна Петровна",
				"ООО ПКО «Пример Взыскания»", "10\u00a0000,03\u00a0руб.", "9\u00a0000,03\u00a0руб.", "1\u00a0000,00\u00a0руб.",
				"07.12.2026", "07.01.2027", "Итого 9\u00a0000,03\u00a0руб.",
				"Агентство прощает вам часть долга (ст. 415 ГК РФ).", "Платёж 1: 4\u00a0500,02\u00a0₽ до 07.12.2026",
				"Если платёж не поступит к своей дате, соглашение утратит силу.",
				"Подписано простой электронной подписью", "Дата и время подписания: 23.11.2026 14:05:09 МСК",
				"Запись подписи № 5f0c8a52-0d0e-4f1b-9c53-6a1f1f7b2c11", "Код отправлен на номер +7 *** ***-45-67");
	}

	@Test
	void aCopyOfAnOlderSignatureSaysWhatWasNotKeptAndATimeOutsideMoscowNamesItsZone() throws Exception {
		String text = text(documents.agreement(agreement(null, null,
				ZonedDateTime.of(2026, 11, 23, 16, 5, 9, 0, ZoneId.of("Asia/Yekaterinburg")))), null);

		assertThat(text).contains("Текст, который должник прочитал при подписании, не сохранялся",
				"Номер, на который был отправлен код, при подписании не сохранялся",
				"Дата и время подписания: 23.11.2026 16:05:09 UTC+05:00, Asia/Yekaterinburg")
			.doesNotContain("Код отправлен на номер");
	}

	private static SettlementAgreement agreement(String text, String phone, ZonedDateTime signedAt) {
		return new SettlementAgreement(SampleCertificates.agency(), DEBTOR, CONTRACT, "ПАО «Первый Банк»",
				"0b7f2c7e-3a57-4f4e-8f7e-2a9a1c1d2e3f", Money.ofRoubles("10000.03"), Money.ofRoubles("9000.03"),
				List.of(new Instalment(LocalDate.of(2026, 12, 7), Money.ofRoubles("4500.02")),
						new Instalment(LocalDate.of(2027, 1, 7), Money.ofRoubles("4500.01"))),
				text, signedAt, "5f0c8a52-0d0e-4f1b-9c53-6a1f1f7b2c11", phone, LocalDate.of(2026, 12, 6));
	}

	private static String text(byte[] pdf, String keepAs) throws Exception {
		if (keepAs != null) {
			Files.createDirectories(Path.of("target"));
			Files.write(Path.of("target", keepAs), pdf);
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
