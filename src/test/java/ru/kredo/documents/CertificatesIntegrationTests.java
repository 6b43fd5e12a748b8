package ru.kredo.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
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

	private TenantId collector() {
		return fixtures.tenant(TenantKind.COLLECTOR).tenant().id();
	}

	private static RepaymentCertificate withLaterIssueDate(RepaymentCertificate c) {
		return new RepaymentCertificate(c.debtRef(), c.agency(), c.debtor(), c.debtorBirthDate(), c.originalCreditor(),
				c.contract(), c.assignedOn(), c.totalRepaid().add(BigDecimal.ZERO), c.closedOn(), c.issuedOn().plusDays(5));
	}
}
