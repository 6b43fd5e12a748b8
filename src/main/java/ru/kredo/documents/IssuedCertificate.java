package ru.kredo.documents;

import java.util.UUID;

/**
 * A certificate as issued: what the debtor downloads.
 *
 * @param pdf the document, byte for byte the one whose SHA-256 is stored
 */
public record IssuedCertificate(UUID id, VerificationCode verificationCode, byte[] pdf) {

	public IssuedCertificate {
		pdf = pdf.clone();
	}

	@Override
	public byte[] pdf() {
		return pdf.clone();
	}
}
