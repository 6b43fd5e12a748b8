package ru.kredo.documents.internal;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import ru.kredo.documents.RepaymentCertificate;
import ru.kredo.documents.VerificationCode;
import ru.kredo.platform.PublicAddress;

/** Renders a certificate of repayment, with its verification code and address as text and as a QR code. */
@Component
public class CertificatePdf {

	private final DocumentPdf documents;
	private final PublicAddress address;

	public CertificatePdf(DocumentPdf documents, PublicAddress address) {
		this.documents = documents;
		this.address = address;
	}

	public byte[] render(RepaymentCertificate certificate, VerificationCode code) {
		String url = verificationUrl(code);
		return documents.render("repayment-certificate", Map.of("c", certificate, "code", code.value(),
				"verificationUrl", url, "qrCode", QrCode.pngDataUri(url)));
	}

	/** Where anyone checks the certificate: printed on it. */
	public String verificationUrl(VerificationCode code) {
		return UriComponentsBuilder.fromUriString(address.base()).path("/verify").queryParam("code", code.value()).build()
			.toUriString();
	}
}
