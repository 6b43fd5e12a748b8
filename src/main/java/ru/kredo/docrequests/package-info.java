/**
 * Documents on request, and documents an operator sends (collection agencies only; {@code docs/conversations.md},
 * «Documents on request»). A debtor asks his agency from the cabinet's «Документы» for a document Kredo does not make
 * by itself ({@link ru.kredo.docrequests.DocumentType}: a copy of the notice of assignment, an extract of the
 * assignment agreement for his debt, a calculation of the debt, a certificate for a bank, other) with a comment; the
 * request waits in the agency's inbox under the conversations' first-reply SLA
 * ({@link ru.kredo.conversations.FirstReply}) until an operator answers it with a PDF or declines it with a reason he
 * reads ({@link ru.kredo.docrequests.DocumentRequests}). An operator also sends a PDF from the conversation
 * ({@link ru.kredo.docrequests.DebtorDocuments#send}): it is a message in the chat and one of the debtor's documents.
 * Files are checked by content and sealed as the conversation's are.
 * <p>
 * Publishes {@link ru.kredo.docrequests.DocumentRequested} when a debtor asks (for webhooks:
 * {@code document_request.created}) and {@link ru.kredo.docrequests.DocumentRequestClosed} when the agency answers or
 * declines; the debtor is told through the conversations' one outbound port,
 * {@link ru.kredo.conversations.DebtorNotices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document requests")
package ru.kredo.docrequests;
