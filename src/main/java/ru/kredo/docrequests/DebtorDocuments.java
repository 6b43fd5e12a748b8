package ru.kredo.docrequests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.AttachmentId;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.FileType;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.platform.ControlCharacters;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.TooLarge;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.TenantId;

/**
 * The PDFs the agency gave a debtor, in one place (his «Документы»): answers to his requests and documents an operator
 * sent from the conversation. A file is checked as the conversation checks its files (by content, never by name: a
 * PDF here, and only a PDF; not empty; within {@link DocumentRequestLimits#maxFileSize()}; the name cleaned by
 * {@link Conversations#fileName}) and sealed, once: an answer's bytes here, a document sent from the conversation's
 * in the chat's file it was sent with, to which the document refers. Every query carries the tenant; another
 * agency's document, or another debtor's, is not found.
 */
@Service
public class DebtorDocuments {

	static final String TITLE = "debtor_documents.title";
	static final String FILE_NAME = "debtor_documents.file_name";
	static final String CONTENT = "debtor_documents.content";
	static final String FROM_REQUEST = "REQUEST";
	static final String FROM_CONVERSATION = "CONVERSATION";

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Conversations conversations;
	private final DocumentRequestLimits limits;
	private final AuditLog audit;
	private final Clock clock;

	DebtorDocuments(JdbcClient jdbc, PersonalData personalData, Conversations conversations,
			DocumentRequestLimits limits, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.conversations = conversations;
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
	}

	public DocumentRequestLimits limits() {
		return limits;
	}

	/**
	 * The agency sends the debtor of the conversation a PDF with a title: it is his document from now on, and a
	 * message of the agency's in the chat (the title, the file attached), which tells him as any answer does. Sent by
	 * one of its users (the inbox's «Отправить документ») or one of its API keys
	 * ({@code POST /api/v1/conversations/{id}/documents}): the chat's message is written by {@code by}, as
	 * {@link Conversations#reply(TenantId, ConversationId, Actor, String, Upload)} writes any answer, and the document
	 * records the user (none for a key; its message names the key).
	 *
	 * @throws NotFound another agency's conversation
	 * @throws InvalidFields {@code title} (required, too long, a control character) and {@code file} (none, empty,
	 *         too large, not a PDF), every one at once
	 */
	@Transactional
	public DebtorDocument send(TenantId tenant, ConversationId id, Actor by, String title, Upload upload) {
		UserId operator = by instanceof SignedInUser user ? user.userId() : null;
		Conversation conversation = conversations.get(tenant, id);
		InvalidFields.Collector errors = new InvalidFields.Collector();
		String checkedTitle = errors.read("title", () -> title(title));
		Pdf pdf = errors.read("file", () -> checked(upload));
		errors.throwIfAny();
		Message sent;
		try {
			sent = conversations.reply(tenant, conversation.id(), by, checkedTitle, upload);
		}
		catch (Rejected refused) {
			// The chat's own limits (its file size) may be tighter than this module's.
			throw new InvalidFields(Map.of(refused.code().startsWith("chat.attachment") ? "file" : "title", refused));
		}
		// The bytes are the chat's file, sealed and kept there (at least three years, docs/retention.md): the document
		// refers to it instead of sealing a second copy.
		DebtorDocument document = store(tenant, conversation.contactId(), FROM_CONVERSATION, checkedTitle, pdf, operator,
				sent.attachments().getFirst().id());
		audit.record(AuditAction.DOCUMENT_SENT, "contact", conversation.contactId().value(), "document;" + document.id());
		return document;
	}

	/** The debtor's documents, the latest first. */
	public List<DebtorDocument> ofDebtor(TenantId tenant, ContactId debtor) {
		return jdbc.sql("""
				select id, contact_id, source, title, file_name, size, created_at from debtor_documents
				where tenant_id = ? and contact_id = ? order by created_at desc, id""")
			.params(tenant.value(), debtor.value())
			.query(this::document)
			.list();
	}

	/** The documents of these ids (a list of requests' answers), by id. */
	public Map<UUID, DebtorDocument> byIds(TenantId tenant, List<UUID> ids) {
		Map<UUID, DebtorDocument> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select id, contact_id, source, title, file_name, size, created_at from debtor_documents
				where tenant_id = ? and id = any(?)""")
			.params(tenant.value(), ids.toArray(UUID[]::new))
			.query(this::document)
			.list()
			.forEach(document -> found.put(document.id(), document));
		return found;
	}

	/** One of the debtor's own documents, for him to download; anyone else's is not found. */
	public DocumentFile fileOf(TenantId tenant, ContactId debtor, UUID id) {
		DocumentFile file = file(tenant, id);
		if (!file.contactId().equals(debtor)) {
			throw new NotFound("document.not-found", id);
		}
		return file;
	}

	/**
	 * A document of the agency's debtors, for its staff: its own bytes (an answer to a request), or the file of the
	 * chat it was sent with (from the conversation), kept once.
	 */
	public DocumentFile file(TenantId tenant, UUID id) {
		Stored stored = jdbc.sql("""
				select id, contact_id, file_name, content, attachment_id from debtor_documents
				where tenant_id = ? and id = ?""")
			.params(tenant.value(), id)
			.query((row, n) -> new Stored(row.getObject("id", UUID.class),
					new ContactId(row.getObject("contact_id", UUID.class)),
					personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))), row.getBytes("content"),
					row.getObject("attachment_id", UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFound("document.not-found", id));
		byte[] content = stored.attachment() != null
				? conversations.attachment(tenant, new AttachmentId(stored.attachment())).content()
				: personalData.openBytes(CONTENT, new Sealed(stored.content()));
		return new DocumentFile(stored.id(), stored.contactId(), stored.fileName(), content);
	}

	/** A document's row: its own sealed bytes, or the chat's file that holds them. */
	private record Stored(UUID id, ContactId contactId, String fileName, byte[] content, UUID attachment) {
	}

	DebtorDocument store(TenantId tenant, ContactId debtor, String source, String title, Pdf pdf, UserId by) {
		return store(tenant, debtor, source, title, pdf, by, null);
	}

	/** Keeps the document: its bytes sealed here, or, when the chat already keeps them ({@code attachment}), not again. */
	private DebtorDocument store(TenantId tenant, ContactId debtor, String source, String title, Pdf pdf, UserId by,
			AttachmentId attachment) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into debtor_documents (id, tenant_id, contact_id, source, title, file_name, size, content,
				    attachment_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, tenant.value(), debtor.value(), source, personalData.seal(TITLE, title).bytes(),
					personalData.seal(FILE_NAME, pdf.name()).bytes(), pdf.content().length,
					attachment != null ? null : personalData.sealBytes(CONTENT, pdf.content()).bytes(),
					attachment == null ? null : attachment.value(), by == null ? null : by.value(),
					Timestamp.from(now))
			.update();
		return new DebtorDocument(id, debtor, source, title, pdf.name(), pdf.content().length, now);
	}

	/** The file, if it is a PDF by its content, not empty and within the limit. */
	Pdf checked(Upload upload) {
		if (upload == null) {
			throw new Rejected("docrequest.file-required");
		}
		byte[] content = upload.content();
		if (content.length == 0) {
			throw new Rejected("docrequest.file-empty");
		}
		if (content.length > limits.maxFileSize().toBytes()) {
			throw new TooLarge("docrequest.file-too-large", limits.maxFileMegabytes());
		}
		if (FileType.of(content).filter(type -> type == FileType.PDF).isEmpty()) {
			throw new Rejected("docrequest.file-not-pdf");
		}
		return new Pdf(Conversations.fileName(upload.fileName(), FileType.PDF), content);
	}

	private String title(String title) {
		String stripped = title == null ? "" : title.strip();
		ControlCharacters.requireNone(stripped);
		if (stripped.isEmpty()) {
			throw new Rejected("docrequest.title-required");
		}
		if (stripped.codePointCount(0, stripped.length()) > limits.maxTitleLength()) {
			throw new Rejected("docrequest.title-too-long", limits.maxTitleLength());
		}
		return stripped;
	}

	private DebtorDocument document(ResultSet row, int n) throws SQLException {
		return new DebtorDocument(row.getObject("id", UUID.class), new ContactId(row.getObject("contact_id", UUID.class)),
				row.getString("source"), personalData.open(TITLE, new Sealed(row.getBytes("title"))),
				personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))), row.getInt("size"),
				row.getTimestamp("created_at").toInstant());
	}

	/** A checked PDF: its cleaned name and its bytes. */
	record Pdf(String name, byte[] content) {
	}
}
