package ru.kredo.documents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.documents.internal.CertificatePdf;
import ru.kredo.platform.Sha256;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/** Issues certificates of repayment and checks them by their verification code. */
@Service
public class Certificates {

	/** Two codes colliding among 2^60 is far-fetched; retrying a few times makes it harmless. */
	private static final int CODE_ATTEMPTS = 3;
	/** The PDF names the debtor in full with his birth date: personal data, sealed at rest like any other. */
	private static final String SEALED_PDF = "repayment_certificates.pdf";

	private final JdbcClient jdbc;
	private final CertificatePdf pdfs;
	private final PersonalData personalData;
	private final Clock clock;

	Certificates(JdbcClient jdbc, CertificatePdf pdfs, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.pdfs = pdfs;
		this.personalData = personalData;
		this.clock = clock;
	}

	/**
	 * Issues the certificate for a closed debt. Issuing again for the same {@code debtRef} returns the certificate
	 * issued first, with its code and the very same PDF, so a code once handed out always stays valid.
	 */
	@Transactional
	public IssuedCertificate issue(TenantId tenant, RepaymentCertificate certificate) {
		Optional<IssuedCertificate> existing = find(tenant, certificate.debtRef());
		if (existing.isPresent()) {
			return existing.get();
		}
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			VerificationCode code = VerificationCode.random();
			byte[] pdf = pdfs.render(certificate, code);
			// A concurrent issue for the same debt, or a code already taken, inserts nothing; the lookup decides.
			jdbc.sql("""
					insert into repayment_certificates (id, tenant_id, debt_ref, code, pdf_sha256, pdf_sealed, agency_name,
					    debtor_masked, contract_masked, closed_on, issued_on, issued_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict do nothing""")
				.params(UUID.randomUUID(), tenant.value(), certificate.debtRef(), code.value(), Sha256.hex(pdf), seal(pdf),
						certificate.agency().fullName(), certificate.debtor().masked(),
						certificate.contract().maskedNumber(), certificate.closedOn(), certificate.issuedOn(),
						Timestamp.from(clock.instant()))
				.update();
			existing = find(tenant, certificate.debtRef());
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		throw new IllegalStateException("No free verification code after " + CODE_ATTEMPTS + " attempts");
	}

	/** The certificate issued for this debt, if any. */
	public Optional<IssuedCertificate> find(TenantId tenant, UUID debtRef) {
		return jdbc.sql("select id, code, pdf_sealed from repayment_certificates where tenant_id = ? and debt_ref = ?")
			.params(tenant.value(), debtRef)
			.query((row, n) -> new IssuedCertificate(row.getObject("id", UUID.class),
					new VerificationCode(row.getString("code")), open(row.getBytes("pdf_sealed"))))
			.optional();
	}

	/** The SHA-256 (hex) of the PDF issued for this debt: proof that a document presented later is unaltered. */
	public Optional<String> pdfSha256(TenantId tenant, UUID debtRef) {
		return jdbc.sql("select pdf_sha256 from repayment_certificates where tenant_id = ? and debt_ref = ?")
			.params(tenant.value(), debtRef)
			.query(String.class)
			.optional();
	}

	/**
	 * What the public page may show about the certificate with this code. The one lookup across tenants: whoever
	 * holds the paper knows only its code, and the code alone (60 random bits) names the certificate.
	 */
	public Optional<VerifiedCertificate> verify(VerificationCode code) {
		return jdbc.sql("""
				select agency_name, debtor_masked, contract_masked, closed_on, issued_on
				from repayment_certificates where code = ?""")
			.param(code.value())
			.query((row, n) -> new VerifiedCertificate(row.getString("agency_name"), row.getString("debtor_masked"),
					row.getString("contract_masked"), row.getObject("closed_on", LocalDate.class),
					row.getObject("issued_on", LocalDate.class)))
			.optional();
	}

	private byte[] seal(byte[] pdf) {
		return personalData.seal(SEALED_PDF, Base64.getEncoder().encodeToString(pdf)).bytes();
	}

	private byte[] open(byte[] sealed) {
		return Base64.getDecoder().decode(personalData.open(SEALED_PDF, new Sealed(sealed)));
	}
}
