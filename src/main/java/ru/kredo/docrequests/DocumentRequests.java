package ru.kredo.docrequests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.FirstReply;
import ru.kredo.conversations.Upload;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.ControlCharacters;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * Debtors' document requests: made from the cabinet, answered or declined by the agency from the inbox or the API.
 * An open request waits under the conversations' first-reply SLA ({@link FirstReply}: the agency's working time since
 * it was made). A debtor has at most {@link DocumentRequestLimits#maxOpenPerDebtor()} open at once, and one of a type per
 * debt. Each step is audited; every query carries the tenant, and another agency's request is not found.
 */
@Service
public class DocumentRequests {

	static final String COMMENT = "document_requests.comment";
	static final String REASON = "document_requests.decline_reason";
	private static final String COLUMNS = """
			r.id, r.tenant_id, r.contact_id, r.debt_id, r.type, r.comment, r.state, r.created_at, r.closed_at, r.closed_by,
			r.decline_reason, r.document_id, d.contract_number,
			c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as debtor
			from document_requests r join debts d on d.tenant_id = r.tenant_id and d.id = r.debt_id
			join contacts c on c.id = r.contact_id""";

	private final JdbcClient jdbc;
	private final Debts debts;
	private final DebtorDocuments documents;
	private final PersonalData personalData;
	private final FirstReply firstReply;
	private final DocumentRequestLimits limits;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	DocumentRequests(JdbcClient jdbc, Debts debts, DebtorDocuments documents, PersonalData personalData,
			FirstReply firstReply, DocumentRequestLimits limits, ApplicationEventPublisher events, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.debts = debts;
		this.documents = documents;
		this.personalData = personalData;
		this.firstReply = firstReply;
		this.limits = limits;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	public DocumentRequestLimits limits() {
		return limits;
	}

	/**
	 * The debtor asks for a document about one of his debts.
	 *
	 * @param debt one of his debts ({@code null}: none chosen)
	 * @param type {@code null}: none chosen
	 * @throws InvalidFields every wrong field at once: {@code type} ({@code docrequest.type-required}), {@code debt}
	 *         ({@code docrequest.debt-required}: none, or not one of his), {@code comment}
	 *         ({@code docrequest.comment-required} for {@link DocumentType#OTHER}, {@code docrequest.comment-too-long},
	 *         {@code request.control-character})
	 * @throws Rejected {@code docrequest.too-many-open}, {@code docrequest.already-open}
	 */
	@Transactional
	public DocumentRequest request(TenantId tenant, ContactId debtor, DebtId debt, DocumentType type, String comment) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (type == null) {
			errors.reject("type", new Rejected("docrequest.type-required"));
		}
		Debt his = debt == null ? null : ownDebt(tenant, debtor, debt);
		if (his == null) {
			errors.reject("debt", new Rejected("docrequest.debt-required"));
		}
		String text = errors.read("comment", () -> text(comment, type == DocumentType.OTHER, "docrequest.comment"));
		errors.throwIfAny();
		// One debtor's requests one at a time: the count and the duplicate are read and the request written together.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("document_requests:" + tenant.value() + ":" + debtor.value()).query((row, n) -> 1).list();
		long open = jdbc.sql("select count(*) from document_requests where tenant_id = ? and contact_id = ? and state = 'OPEN'")
			.params(tenant.value(), debtor.value()).query(Long.class).single();
		if (open >= limits.maxOpenPerDebtor()) {
			throw new Rejected("docrequest.too-many-open", limits.maxOpenPerDebtor());
		}
		boolean same = jdbc.sql("""
				select exists (select 1 from document_requests
				where tenant_id = ? and debt_id = ? and type = ? and state = 'OPEN')""")
			.params(tenant.value(), his.id().value(), type.name()).query(Boolean.class).single();
		if (same) {
			throw new Rejected("docrequest.already-open");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into document_requests (id, tenant_id, contact_id, debt_id, type, comment, state, created_at)
				values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(id, tenant.value(), debtor.value(), his.id().value(), type.name(),
					text.isEmpty() ? null : personalData.seal(COMMENT, text).bytes(), Timestamp.from(now))
			.update();
		audit.recordAbout(tenant, new AuditActor("debtor:" + debtor.value(), null), debtor.value(),
				AuditAction.DOCUMENT_REQUESTED,
				"document-request", id, "document-type:" + type.name());
		events.publishEvent(new DocumentRequested(tenant, id, debtor, type, now));
		return get(tenant, id);
	}

	/**
	 * The agency answers an open request with a PDF, which becomes one of the debtor's documents; he is told.
	 *
	 * @param operator who answered; {@code null} for an API key (the audit log names the key)
	 * @throws NotFound another agency's request
	 * @throws InvalidFields {@code file}: none, empty, too large, not a PDF
	 * @throws Rejected {@code docrequest.not-open}
	 */
	@Transactional
	public DocumentRequest answer(TenantId tenant, UUID id, UserId operator, Upload upload) {
		DocumentRequest request = get(tenant, id);
		DebtorDocuments.Pdf pdf;
		try {
			pdf = documents.checked(upload);
		}
		catch (Rejected refused) {
			throw new InvalidFields(Map.of("file", refused));
		}
		requireOpen(request);
		DebtorDocument document = documents.store(tenant, request.contactId(), DebtorDocuments.FROM_REQUEST,
				request.type().name(), pdf, operator);
		Instant now = clock.instant();
		close(tenant, id, "update document_requests set state = 'ANSWERED', closed_at = ?, closed_by = ?, document_id = ?",
				Timestamp.from(now), operator == null ? null : operator.value(), document.id());
		audit.recordAbout(request.contactId().value(), AuditAction.DOCUMENT_REQUEST_ANSWERED, "document-request", id,
				"document;" + document.id());
		events.publishEvent(new DocumentRequestClosed(tenant, id, request.contactId(), RequestState.ANSWERED, now));
		return get(tenant, id);
	}

	/**
	 * The agency declines an open request with a reason the debtor reads; he is told.
	 *
	 * @throws NotFound another agency's request
	 * @throws InvalidFields {@code reason}: {@code docrequest.reason-required}, {@code docrequest.reason-too-long},
	 *         {@code request.control-character}
	 * @throws Rejected {@code docrequest.not-open}
	 */
	@Transactional
	public DocumentRequest decline(TenantId tenant, UUID id, UserId operator, String reason) {
		DocumentRequest request = get(tenant, id);
		InvalidFields.Collector errors = new InvalidFields.Collector();
		String text = errors.read("reason", () -> text(reason, true, "docrequest.reason"));
		errors.throwIfAny();
		requireOpen(request);
		Instant now = clock.instant();
		close(tenant, id, "update document_requests set state = 'DECLINED', closed_at = ?, closed_by = ?, decline_reason = ?",
				Timestamp.from(now), operator == null ? null : operator.value(), personalData.seal(REASON, text).bytes());
		audit.recordAbout(request.contactId().value(), AuditAction.DOCUMENT_REQUEST_DECLINED, "document-request", id,
				"declined");
		events.publishEvent(new DocumentRequestClosed(tenant, id, request.contactId(), RequestState.DECLINED, now));
		return get(tenant, id);
	}

	/** The agency's request; another agency's is not found. */
	public DocumentRequest get(TenantId tenant, UUID id) {
		return jdbc.sql("select " + COLUMNS + " where r.tenant_id = ? and r.id = ?")
			.params(tenant.value(), id)
			.query(this::request)
			.optional()
			.orElseThrow(() -> new NotFound("document-request.not-found", id));
	}

	/** The debtor's requests, the latest first. */
	public List<DocumentRequest> ofDebtor(TenantId tenant, ContactId debtor) {
		return jdbc.sql("select " + COLUMNS + " where r.tenant_id = ? and r.contact_id = ? order by r.created_at desc, r.id")
			.params(tenant.value(), debtor.value())
			.query(this::request)
			.list();
	}

	/**
	 * The agency's requests, a page at a time with how many there are: open ones the longest waiting first (so the
	 * overdue first: one target for all), closed ones the latest first; of one debtor only when {@code debtor} is given.
	 */
	public ListPage<DocumentRequest> list(TenantId tenant, RequestFilter filter, ContactId debtor, Paging paging) {
		List<Object> params = new ArrayList<>(List.of(tenant.value()));
		String where = where(filter, debtor, params);
		long total = jdbc.sql("select count(*) from document_requests r" + where).params(params).query(Long.class).single();
		params.add(paging.offset());
		params.add(paging.limit());
		List<DocumentRequest> rows = jdbc.sql("select " + COLUMNS + where + " order by " + ORDER.sql() + " offset ? limit ?")
			.params(params)
			.query(this::request)
			.list();
		return ListPage.of(rows, total, paging);
	}

	/**
	 * The order of the list: open ones first, the longest waiting first (the key is empty for a closed one, and empty
	 * comes last), then the closed ones, the latest closed first; the id last.
	 */
	public static final Keyset.Order ORDER = Keyset.Order.of(
			Keyset.Key.ascending("(case when r.state = 'OPEN' then r.created_at end)", Instant.class),
			Keyset.Key.descending("r.closed_at", Instant.class), Keyset.Key.ascending("r.id", UUID.class));

	/**
	 * The same list for the API: a page of {@code limit} after the cursor {@code after} (or, without one, after the
	 * first {@code offset}) in {@link #ORDER}, with how many there are in all and the next page's cursor.
	 */
	public ApiList<DocumentRequest> list(TenantId tenant, RequestFilter filter, Keyset after, int offset, int limit) {
		List<Object> params = new ArrayList<>(List.of(tenant.value()));
		String where = where(filter, null, params);
		long total = jdbc.sql("select count(*) from document_requests r" + where).params(params).query(Long.class).single();
		String keyset = ORDER.after(after, params);
		params.add(after == null ? offset : 0);
		params.add(limit + 1);
		List<DocumentRequest> rows = jdbc.sql("select " + COLUMNS + where + " and " + keyset + " order by " + ORDER.sql()
				+ " offset ? limit ?")
			.params(params)
			.query(this::request)
			.list();
		return ApiList.keyed(rows, limit,
				request -> Keyset.of(request.isOpen() ? request.createdAt() : null, request.closedAt(), request.id()),
				total);
	}

	private String where(RequestFilter filter, ContactId debtor, List<Object> params) {
		StringBuilder where = new StringBuilder(" where r.tenant_id = ?");
		switch (filter) {
			case OPEN -> where.append(" and r.state = 'OPEN'");
			case OVERDUE -> {
				where.append(" and r.state = 'OPEN' and r.created_at <= ?");
				params.add(Timestamp.from(firstReply.overdueSince(clock.instant())));
			}
			case ANSWERED -> where.append(" and r.state = 'ANSWERED'");
			case DECLINED -> where.append(" and r.state = 'DECLINED'");
			case ALL -> {
			}
		}
		if (debtor != null) {
			where.append(" and r.contact_id = ?");
			params.add(debtor.value());
		}
		return where.toString();
	}

	/** How many requests the agency has open. */
	public long countOpen(TenantId tenant) {
		return jdbc.sql("select count(*) from document_requests where tenant_id = ? and state = 'OPEN'")
			.param(tenant.value()).query(Long.class).single();
	}

	/** Where an open request stands against the first-reply SLA; {@code null} for a closed one. */
	public FirstReply.Due due(DocumentRequest request) {
		return request.isOpen() ? firstReply.of(request.createdAt(), clock.instant()) : null;
	}

	private Debt ownDebt(TenantId tenant, ContactId debtor, DebtId id) {
		try {
			Debt debt = debts.get(tenant, id);
			return debt.contactId().equals(debtor) ? debt : null;
		}
		catch (NotFound notHis) {
			return null;
		}
	}

	private void requireOpen(DocumentRequest request) {
		if (!request.isOpen()) {
			throw new Rejected("docrequest.not-open");
		}
	}

	private void close(TenantId tenant, UUID id, String update, Object... values) {
		List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
		params.add(tenant.value());
		params.add(id);
		if (jdbc.sql(update + " where tenant_id = ? and id = ? and state = 'OPEN'").params(params).update() == 0) {
			throw new Rejected("docrequest.not-open");
		}
	}

	/** A comment or a reason: stripped, no control characters, within the limit; required when {@code required}. */
	private String text(String given, boolean required, String code) {
		String stripped = given == null ? "" : given.strip();
		ControlCharacters.requireNone(stripped);
		if (required && stripped.isEmpty()) {
			throw new Rejected(code + "-required");
		}
		if (stripped.codePointCount(0, stripped.length()) > limits.maxCommentLength()) {
			throw new Rejected(code + "-too-long", limits.maxCommentLength());
		}
		return stripped;
	}

	private DocumentRequest request(ResultSet row, int n) throws SQLException {
		byte[] comment = row.getBytes("comment");
		byte[] reason = row.getBytes("decline_reason");
		Timestamp closed = row.getTimestamp("closed_at");
		return new DocumentRequest(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
				new ContactId(row.getObject("contact_id", UUID.class)), row.getString("debtor"),
				new DebtId(row.getObject("debt_id", UUID.class)), row.getString("contract_number"),
				DocumentType.valueOf(row.getString("type")),
				comment == null ? "" : personalData.open(COMMENT, new Sealed(comment)),
				RequestState.valueOf(row.getString("state")), row.getTimestamp("created_at").toInstant(),
				closed == null ? null : closed.toInstant(), row.getObject("closed_by", UUID.class),
				reason == null ? null : personalData.open(REASON, new Sealed(reason)),
				row.getObject("document_id", UUID.class));
	}
}
