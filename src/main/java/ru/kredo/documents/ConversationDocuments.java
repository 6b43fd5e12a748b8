package ru.kredo.documents;

import java.util.Map;

import org.springframework.stereotype.Service;

import ru.kredo.documents.internal.DocumentPdf;

/**
 * A conversation's transcript as a PDF, in Russian with the fonts that write Cyrillic, made on demand from what the
 * caller passes; like the payment documents it is not stored.
 */
@Service
public class ConversationDocuments {

	private final DocumentPdf pdf;

	ConversationDocuments(DocumentPdf pdf) {
		this.pdf = pdf;
	}

	public byte[] transcript(ConversationTranscript transcript) {
		return pdf.render("conversation-transcript", Map.of("t", transcript));
	}
}
