package ru.kredo.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class CertificatesIntegrationTests {

	@Autowired
	Certificates certificates;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuingAgainForTheSameDebtHandsOutTheSameCertificate() {
		TenantId tenant = collector();
		RepaymentCertificate certificate = SampleCertificates.closedDebt();

		IssuedCertificate first = certificates.issue(tenant, certificate);
		IssuedCertificate again = certificates.issue(tenant, withLaterIssueDate(certificate));

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.verificationCode()).isEqualTo(first.verificationCode());
		assertThat(again.pdf()).isEqualTo(first.pdf());
	}

	@Test
	void theHashOfTheIssuedPdfIsKept() throws Exception {
		TenantId tenant = collector();
		RepaymentCertificate certificate = SampleCertificates.closedDebt();

		IssuedCertificate issued = certificates.issue(tenant, certificate);

		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(issued.pdf()));
		assertThat(certificates.pdfSha256(tenant, certificate.debtRef())).contains(sha256);
		assertThat(issued.pdf()).startsWith("%PDF".getBytes());
	}

	@Test
	void theStoredPdfIsSealedNotReadable() {
		TenantId tenant = collector();
		RepaymentCertificate certificate = SampleCertificates.closedDebt();
		certificates.issue(tenant, certificate);

		byte[] stored = jdbc.sql("select pdf_sealed from repayment_certificates where tenant_id = ? and debt_ref = ?")
			.params(tenant.value(), certificate.debtRef())
			.query(byte[].class)
			.single();

		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF", "DejaVu");
	}

	@Test
	void aGenuineCodeShowsOnlyMaskedDetails() {
		IssuedCertificate issued = certificates.issue(collector(), SampleCertificates.closedDebt());

		assertThat(certificates.verify(issued.verificationCode())).hasValueSatisfying(verified -> {
			assertThat(verified.agencyName()).isEqualTo("ООО ПКО «Пример Взыскания»");
			assertThat(verified.debtor()).isEqualTo("Семёнова А. П.");
			assertThat(verified.contractNumber()).isEqualTo("**-****/**4512");
			assertThat(verified.closedOn()).isEqualTo(SampleCertificates.closedDebt().closedOn());
			assertThat(verified.issuedOn()).isEqualTo(SampleCertificates.closedDebt().issuedOn());
		});
	}

	@Test
	void anotherTenantNeitherSeesNorSharesACertificateForTheSameDebtReference() {
		TenantId one = collector();
		TenantId other = collector();
		RepaymentCertificate certificate = SampleCertificates.closedDebt();

		IssuedCertificate issued = certificates.issue(one, certificate);

		assertThat(certificates.find(other, certificate.debtRef())).isEmpty();
		assertThat(certificates.pdfSha256(other, certificate.debtRef())).isEmpty();
		assertThat(certificates.issue(other, certificate).verificationCode()).isNotEqualTo(issued.verificationCode());
	}

	@Test
	void aSettledDebtsCertificateStatesTheDebtWhatWasPaidWhatWasForgivenUnderWhichAgreementAndOnlyThenFulfilment()
			throws Exception {
		RepaymentCertificate sample = SampleCertificates.closedDebt();
		RepaymentCertificate settled = new RepaymentCertificate(sample.debtRef(), sample.agency(), sample.debtor(),
				sample.debtorBirthDate(), sample.originalCreditor(), sample.contract(), sample.assignedOn(),
				Money.ofRoubles("520878.10"), Money.ofRoubles("442746.39"), new Forgiveness(Money.ofRoubles("78131.71"),
						"a5b1c3d4-0000-4000-8000-000000000001", java.time.LocalDateTime.of(2026, 11, 2, 14, 5),
						"c0de0000-0000-4000-8000-000000000002"),
				sample.closedOn(), sample.issuedOn());

		String text = text(certificates.issue(collector(), settled).pdf());

		assertThat(text).contains("Сумма задолженности 520\u00a0878,10\u00a0руб.", "Всего уплачено 442\u00a0746,39\u00a0руб.",
				"Прощено (ст. 415 ГК РФ) 78\u00a0131,71\u00a0руб.",
				"Соглашение о прощении долга № a5b1c3d4-0000-4000-8000-000000000001 от 02.11.2026",
				"простой электронной подписью (код из SMS) 02.11.2026 14:05 МСК",
				"запись подписи № c0de0000-0000-4000-8000-000000000002")
			.doesNotContain("Всего уплачено 520\u00a0878,10\u00a0руб.", "подтверждает, что задолженность");
		assertThat(text.indexOf("78\u00a0131,71")).isLessThan(text.indexOf("исполнены в полном объёме"));
	}

	@Test
	void aDebtPaidInFullHasNothingForgivenAndNoAgreementLine() throws Exception {
		String text = text(certificates.issue(collector(), SampleCertificates.closedDebt()).pdf());

		assertThat(text).contains("Сумма задолженности 123\u00a0456,78\u00a0руб.", "Всего уплачено 123\u00a0456,78\u00a0руб.",
				"Прощено (ст. 415 ГК РФ) 0,00\u00a0руб.", "долг не прощался", "исполнены в полном объёме")
			.doesNotContain("Основание прощения", "Соглашение о прощении");
	}

	@Test
	void aCertificateWhosePaidAndForgivenDoNotMakeTheDebtIsRefused() {
		RepaymentCertificate sample = SampleCertificates.closedDebt();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RepaymentCertificate(sample.debtRef(),
				sample.agency(), sample.debtor(), sample.debtorBirthDate(), sample.originalCreditor(), sample.contract(),
				sample.assignedOn(), Money.ofRoubles("1000.00"), Money.ofRoubles("1000.00"),
				new Forgiveness(Money.ofRoubles("150.00"), "1", java.time.LocalDateTime.of(2026, 11, 2, 14, 5), "2"),
				sample.closedOn(), sample.issuedOn()))
			.hasMessage("certificate.amounts-do-not-add-up");
	}

	private static String text(byte[] pdf) throws Exception {
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private TenantId collector() {
		return fixtures.tenant(TenantKind.COLLECTOR).tenant().id();
	}

	private static RepaymentCertificate withLaterIssueDate(RepaymentCertificate c) {
		return new RepaymentCertificate(c.debtRef(), c.agency(), c.debtor(), c.debtorBirthDate(), c.originalCreditor(),
				c.contract(), c.assignedOn(), c.totalRepaid().plus(Money.ZERO), c.closedOn(), c.issuedOn().plusDays(5));
	}
}
