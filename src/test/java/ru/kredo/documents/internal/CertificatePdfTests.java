package ru.kredo.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ru.kredo.documents.SampleCertificates;
import ru.kredo.documents.VerificationCode;
import ru.kredo.platform.PublicAddress;

/** Renders a real certificate and reads it back as a PDF reader would: the Cyrillic must survive as text. */
class CertificatePdfTests {

	private final CertificatePdf pdfs = new CertificatePdf(TemplateEngines.documentPdf(), new PublicAddress("https://kredo.example.ru/"));

	@Test
	void theCertificateReadsInRussianWithTheDebtorsDetailsAndTheCode() throws Exception {
		VerificationCode code = new VerificationCode("7K3M-Q9XA-2B4T");
		byte[] pdf = pdfs.render(SampleCertificates.closedDebt(), code);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/repayment-certificate-sample.pdf"), pdf);

		String text = text(pdf).replaceAll("\\s+", " ");

		assertThat(text).contains("СПРАВКА", "о погашении задолженности", "от 23.11.2026",
				"ООО ПКО «Пример Взыскания»", "ИНН 7701234560", "ОГРН 1177746123455",
				"Семёнова Анна Петровна", "14.03.1985", "ПАО «Первый Банк»", "№ КД-2019/004512 от 12.04.2019",
				"01.06.2022", "123\u00a0456,78\u00a0руб.", "20.11.2026",
				"исполнены в полном объёме", "претензий к должнику по указанному договору не имеет",
				"7K3M-Q9XA-2B4T", "https://kredo.example.ru/verify?code=7K3M-Q9XA-2B4T");
	}

	@Test
	void theBundledFontIsEmbeddedSoNoReaderSubstitutesItsOwn() throws Exception {
		byte[] pdf = pdfs.render(SampleCertificates.closedDebt(), VerificationCode.random());
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			var resources = document.getPage(0).getResources();
			for (var name : resources.getFontNames()) {
				PDFont font = resources.getFont(name);
				assertThat(font.getName()).contains("DejaVuSans");
				assertThat(font.isEmbedded()).isTrue();
			}
			assertThat(resources.getFontNames()).isNotEmpty();
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Справка о погашении задолженности");
		}
	}

	@Test
	void theVerificationAddressCarriesTheCode() {
		assertThat(pdfs.verificationUrl(new VerificationCode("7K3M-Q9XA-2B4T")))
			.isEqualTo("https://kredo.example.ru/verify?code=7K3M-Q9XA-2B4T");
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}
}
