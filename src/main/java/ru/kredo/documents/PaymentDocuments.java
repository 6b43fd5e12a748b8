package ru.kredo.documents;

import java.util.Map;

import org.springframework.stereotype.Service;

import ru.kredo.documents.internal.DocumentPdf;

/**
 * The payment schedule, the statement of payments and the copy of a signed settlement agreement as PDFs, made on
 * demand from what the caller passes. Unlike the certificate they confirm nothing to third parties, so they carry no
 * code and are not stored: the agreement's copy is made each time from what was kept when it was signed.
 */
@Service
public class PaymentDocuments {

	private final DocumentPdf pdf;

	PaymentDocuments(DocumentPdf pdf) {
		this.pdf = pdf;
	}

	public byte[] schedule(PaymentSchedule schedule) {
		return pdf.render("payment-schedule", Map.of("s", schedule));
	}

	public byte[] statement(PaymentStatement statement) {
		return pdf.render("payment-statement", Map.of("s", statement));
	}

	public byte[] agreement(SettlementAgreement agreement) {
		return pdf.render("settlement-agreement", Map.of("a", agreement));
	}
}
