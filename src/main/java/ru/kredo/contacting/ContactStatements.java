package ru.kredo.contacting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.ContactStatement.Representative;
import ru.kredo.contacting.ContactStatement.State;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.ConversationLimits;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.FileType;
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
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * The debtor's statements of ст. 8 230-ФЗ made from his cabinet ({@code contact_statements}, docs/contact-rules.md
 * «Debtor's statements»): he refuses interaction, or names the advocate through whom alone he is to be contacted, with
 * the signed statement as a file (a PDF, JPEG or PNG by its content, within the conversations' file size, sealed). The
 * statement waits in the agency's inbox; an operator confirms it — then a {@link BarKind#REFUSAL} or
 * {@link BarKind#REPRESENTATIVE} bar stands ({@link ContactBars}, source {@code statement:<id>}) — or declines it with
 * a reason the debtor reads. The debtor withdraws it at any time (ст. 8 lets him cancel it): a confirmed one's bar is
 * lifted. A refusal is taken only once four months have passed since his debt fell overdue (ст. 8). A confirmation
 * or a decline is texted to him through the gate ({@link StatementNotices}, a reply). Every step is audited; every query carries the tenant, and another agency's statement is not found.
 */
@Service
public class ContactStatements {

	/** The longest representative's name, address or e-mail, and an operator's reason, in characters. */
	public static final int MAX_FIELD = 300;
	public static final int MAX_REASON = 2000;
	/** A refusal may be sent once this many months have passed since the debt fell overdue (ст. 8 230-ФЗ). */
	public static final int REFUSAL_AFTER_MONTHS = 4;

	static final String NAME = "contact_statements.representative_name";
	static final String PHONE = "contact_statements.representative_phone";
	static final String ADDRESS = "contact_statements.representative_address";
	static final String EMAIL = "contact_statements.representative_email";
	static final String FILE_NAME = "contact_statements.file_name";
	static final String CONTENT = "contact_statements.content";
	static final String REASON = "contact_statements.decline_reason";
	private static final Pattern E_MAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	private static final String COLUMNS = """
			s.id, s.tenant_id, s.contact_id, s.kind, s.state, s.representative_name, s.representative_phone,
			s.representative_address, s.representative_email, s.file_name, s.content_type, s.size, s.created_at,
			s.answered_at, s.decline_reason, s.withdrawn_at,
			c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as debtor
			from contact_statements s join contacts c on c.id = s.contact_id""";

	private final JdbcClient jdbc;
	private final ContactBars bars;
	private final Debts debts;
	private final TenantClocks clocks;
	private final PersonalData personalData;
	private final ConversationLimits limits;
	private final AuditLog audit;
	private final Clock clock;
	private final StatementNotices notices;

	ContactStatements(JdbcClient jdbc, ContactBars bars, Debts debts, TenantClocks clocks, PersonalData personalData,
			ConversationLimits limits, AuditLog audit, Clock clock, StatementNotices notices) {
		this.jdbc = jdbc;
		this.bars = bars;
		this.debts = debts;
		this.clocks = clocks;
		this.personalData = personalData;
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
		this.notices = notices;
	}

	/** The largest file a statement takes, for the page's hint. */
	public ConversationLimits limits() {
		return limits;
	}

	/**
	 * The first day the debtor may refuse interaction: four months after the earliest day one of his open debts fell
	 * overdue; empty when none of them says since when it is overdue (then the operator judges).
	 */
	public Optional<LocalDate> refusalFrom(TenantId tenant, ContactId debtor) {
		LocalDate today = clocks.today(tenant);
		return debts.ofContact(tenant, debtor).stream()
			.filter(debt -> !debt.isClosed() && debt.daysPastDue() != null)
			.map(Debt::daysPastDue)
			.max(Integer::compare)
			.map(days -> today.minusDays(days).plusMonths(REFUSAL_AFTER_MONTHS));
	}

	/**
	 * The debtor refuses interaction, with his signed statement.
	 *
	 * @throws InvalidFields {@code file}
	 * @throws Rejected {@code statement.refusal-too-early} (with the day it may be sent), {@code statement.already}
	 */
	@Transactional
	public ContactStatement refuse(TenantId tenant, ContactId debtor, Upload file) {
		Map<String, Rejected> wrong = new LinkedHashMap<>();
		Checked checked = check(file, wrong);
		if (!wrong.isEmpty()) {
			throw new InvalidFields(wrong);
		}
		Optional<LocalDate> from = refusalFrom(tenant, debtor);
		if (from.isPresent() && clocks.today(tenant).isBefore(from.get())) {
			throw new Rejected("statement.refusal-too-early",
					from.get().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		}
		return insert(tenant, debtor, BarKind.REFUSAL, null, checked);
	}

	/**
	 * The debtor names his representative, an advocate (ч. 4 ст. 8), with his signed statement: every wrong field is
	 * named at once.
	 *
	 * @throws InvalidFields {@code name}, {@code phone}, {@code address}, {@code email}, {@code advocate}, {@code file}
	 * @throws Rejected {@code statement.already}
	 */
	@Transactional
	public ContactStatement nameRepresentative(TenantId tenant, ContactId debtor, String name, String phone,
			String address, String email, boolean advocate, Upload file) {
		Map<String, Rejected> wrong = new LinkedHashMap<>();
		String givenName = text("name", name, wrong);
		String givenPhone = null;
		try {
			givenPhone = PhoneNumber.parse(phone).display();
		}
		catch (Rejected refused) {
			wrong.put("phone", refused);
		}
		String givenAddress = text("address", address, wrong);
		String givenEmail = text("email", email, wrong);
		if (givenEmail != null && !E_MAIL.matcher(givenEmail).matches()) {
			wrong.put("email", new Rejected("statement.email-invalid"));
		}
		if (!advocate) {
			wrong.put("advocate", new Rejected("statement.advocate-only"));
		}
		Checked checked = check(file, wrong);
		if (!wrong.isEmpty()) {
			throw new InvalidFields(wrong);
		}
		return insert(tenant, debtor, BarKind.REPRESENTATIVE,
				new Representative(givenName, givenPhone, givenAddress, givenEmail), checked);
	}

	/**
	 * An operator accepts a waiting statement: its bar stands from now ({@link ContactBars#mark}).
	 *
	 * @throws Rejected {@code statement.not-waiting}
	 */
	@Transactional
	public ContactStatement confirm(TenantId tenant, UUID id, UUID user, AuditActor actor) {
		ContactStatement statement = locked(tenant, id);
		if (!statement.isWaiting()) {
			throw new Rejected("statement.not-waiting");
		}
		jdbc.sql("""
				update contact_statements set state = 'CONFIRMED', answered_at = ?, answered_by = ?
				where tenant_id = ? and id = ?""")
			.params(Timestamp.from(clock.instant()), user, tenant.value(), id)
			.update();
		bars.mark(tenant, statement.contactId(), statement.kind(), null, statement.barSource(), null, actor);
		audit.recordAbout(tenant, actor, statement.contactId().value(), AuditAction.CONTACT_STATEMENT_CONFIRMED,
				"contact-statement", id, statement.kind().name());
		// After the bar: a representative confirmed is the one told (from now on the agency writes only to him).
		notices.statementAnswered(tenant, statement.contactId());
		return get(tenant, id);
	}

	/**
	 * An operator does not accept a waiting statement, saying why; the debtor reads the reason in his cabinet.
	 *
	 * @throws InvalidFields {@code reason}
	 * @throws Rejected {@code statement.not-waiting}
	 */
	@Transactional
	public ContactStatement decline(TenantId tenant, UUID id, String reason, UUID user, AuditActor actor) {
		ContactStatement statement = locked(tenant, id);
		String stripped = reason == null ? "" : reason.strip();
		ControlCharacters.requireNone(stripped);
		if (stripped.isEmpty()) {
			throw new InvalidFields(Map.of("reason", new Rejected("statement.reason-required")));
		}
		if (stripped.codePointCount(0, stripped.length()) > MAX_REASON) {
			throw new InvalidFields(Map.of("reason", new Rejected("statement.reason-too-long", MAX_REASON)));
		}
		if (!statement.isWaiting()) {
			throw new Rejected("statement.not-waiting");
		}
		jdbc.sql("""
				update contact_statements set state = 'DECLINED', answered_at = ?, answered_by = ?, decline_reason = ?
				where tenant_id = ? and id = ?""")
			.params(Timestamp.from(clock.instant()), user, personalData.seal(REASON, stripped).bytes(), tenant.value(),
					id)
			.update();
		audit.recordAbout(tenant, actor, statement.contactId().value(), AuditAction.CONTACT_STATEMENT_DECLINED,
				"contact-statement", id, statement.kind().name());
		notices.statementAnswered(tenant, statement.contactId());
		return get(tenant, id);
	}

	/**
	 * The debtor withdraws his statement, waiting or in force; the bar it made is lifted. Another debtor's is not found.
	 *
	 * @throws Rejected {@code statement.not-withdrawable} (declined or withdrawn already)
	 */
	@Transactional
	public ContactStatement withdraw(TenantId tenant, ContactId debtor, UUID id) {
		ContactStatement statement = locked(tenant, id);
		if (!statement.contactId().equals(debtor)) {
			throw new NotFound("statement.not-found", id);
		}
		if (!statement.isWithdrawable()) {
			throw new Rejected("statement.not-withdrawable");
		}
		jdbc.sql("update contact_statements set state = 'WITHDRAWN', withdrawn_at = ? where tenant_id = ? and id = ?")
			.params(Timestamp.from(clock.instant()), tenant.value(), id)
			.update();
		AuditActor him = debtorActor(debtor);
		// Only the bar this statement made: a refusal an operator marked from a paper statement stays.
		boolean ours = bars.history(tenant, debtor).stream()
			.anyMatch(bar -> bar.isStanding() && bar.bar().kind() == statement.kind()
					&& statement.barSource().equals(bar.source()));
		if (ours) {
			bars.lift(tenant, debtor, statement.kind(), null, him);
		}
		audit.recordAbout(tenant, him, debtor.value(), AuditAction.CONTACT_STATEMENT_WITHDRAWN, "contact-statement", id,
				statement.kind().name());
		return get(tenant, id);
	}

	/** @throws NotFound another agency's, or none */
	public ContactStatement get(TenantId tenant, UUID id) {
		return jdbc.sql("select " + COLUMNS + " where s.tenant_id = ? and s.id = ?")
			.params(tenant.value(), id)
			.query(this::statement).optional()
			.orElseThrow(() -> new NotFound("statement.not-found", id));
	}

	/** The agency's statements, waiting first, newest first; {@code waitingOnly} the waiting ones alone. */
	public ListPage<ContactStatement> list(TenantId tenant, boolean waitingOnly, Paging paging) {
		String where = " where s.tenant_id = ?" + (waitingOnly ? " and s.state = 'SUBMITTED'" : "");
		long total = jdbc.sql("select count(*) from contact_statements s" + where).param(tenant.value())
			.query(Long.class).single();
		List<ContactStatement> items = jdbc.sql("select " + COLUMNS + where
				+ " order by s.state <> 'SUBMITTED', s.created_at desc, s.id limit ? offset ?")
			.params(tenant.value(), paging.limit(), paging.offset())
			.query(this::statement).list();
		return ListPage.of(items, total, paging);
	}

	/**
	 * The order of the API's list, the page's: waiting ones first (their first key is empty, and empty comes first
	 * in a descending key), then the answered and withdrawn; newest first within each; the id last.
	 */
	public static final Keyset.Order ORDER = Keyset.Order.of(
			Keyset.Key.descending("(case when s.state = 'SUBMITTED' then null else s.created_at end)", Instant.class),
			Keyset.Key.descending("s.created_at", Instant.class), Keyset.Key.ascending("s.id", UUID.class));

	/**
	 * The same list for the API: a page of {@code limit} after the cursor {@code after} (or, without one, after the
	 * first {@code offset}) in {@link #ORDER}, with how many there are in all and the next page's cursor: a statement
	 * made or answered meanwhile shifts no row.
	 */
	public ApiList<ContactStatement> list(TenantId tenant, boolean waitingOnly, Keyset after, int offset, int limit) {
		String where = " where s.tenant_id = ?" + (waitingOnly ? " and s.state = 'SUBMITTED'" : "");
		long total = jdbc.sql("select count(*) from contact_statements s" + where).param(tenant.value())
			.query(Long.class).single();
		List<Object> params = new ArrayList<>(List.of(tenant.value()));
		String keyset = ORDER.after(after, params);
		params.add(after == null ? offset : 0);
		params.add(limit + 1);
		List<ContactStatement> rows = jdbc.sql("select " + COLUMNS + where + " and " + keyset + " order by "
				+ ORDER.sql() + " offset ? limit ?")
			.params(params)
			.query(this::statement).list();
		return ApiList.keyed(rows, limit,
				s -> Keyset.of(s.isWaiting() ? null : s.createdAt(), s.createdAt(), s.id()), total);
	}

	public long countWaiting(TenantId tenant) {
		return jdbc.sql("select count(*) from contact_statements where tenant_id = ? and state = 'SUBMITTED'")
			.param(tenant.value()).query(Long.class).single();
	}

	/** A debtor's statements, newest first. */
	public List<ContactStatement> ofDebtor(TenantId tenant, ContactId debtor) {
		return jdbc.sql("select " + COLUMNS + " where s.tenant_id = ? and s.contact_id = ? order by s.created_at desc, s.id")
			.params(tenant.value(), debtor.value())
			.query(this::statement).list();
	}

	/** A statement's file, opened: its name, type and bytes. @throws NotFound another agency's, or none */
	public File file(TenantId tenant, UUID id) {
		return jdbc.sql("select file_name, content_type, content from contact_statements where tenant_id = ? and id = ?")
			.params(tenant.value(), id)
			.query((row, n) -> new File(personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))),
					row.getString("content_type"), personalData.openBytes(CONTENT, new Sealed(row.getBytes("content")))))
			.optional()
			.orElseThrow(() -> new NotFound("statement.not-found", id));
	}

	/** A statement's file as it is given back. */
	public record File(String name, String mediaType, byte[] content) {
	}

	private ContactStatement insert(TenantId tenant, ContactId debtor, BarKind kind, Representative representative,
			Checked file) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into contact_statements (id, tenant_id, contact_id, kind, state, representative_name,
					    representative_phone, representative_address, representative_email, file_name, content_type,
					    size, content, created_at)
					values (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, tenant.value(), debtor.value(), kind.name(), sealed(NAME, representative, Representative::name),
						sealed(PHONE, representative, Representative::phone),
						sealed(ADDRESS, representative, Representative::address),
						sealed(EMAIL, representative, Representative::email),
						personalData.seal(FILE_NAME, file.name()).bytes(), file.type().mediaType(), file.content().length,
						personalData.sealBytes(CONTENT, file.content()).bytes(), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException already) {
			throw new Rejected("statement.already");
		}
		audit.recordAbout(tenant, debtorActor(debtor), debtor.value(), AuditAction.CONTACT_STATEMENT_MADE,
				"contact-statement", id, kind.name());
		return get(tenant, id);
	}

	private byte[] sealed(String field, Representative representative,
			java.util.function.Function<Representative, String> part) {
		return representative == null ? null : personalData.seal(field, part.apply(representative)).bytes();
	}

	private ContactStatement locked(TenantId tenant, UUID id) {
		jdbc.sql("select id from contact_statements where tenant_id = ? and id = ? for update")
			.params(tenant.value(), id)
			.query(UUID.class).optional()
			.orElseThrow(() -> new NotFound("statement.not-found", id));
		return get(tenant, id);
	}

	private static AuditActor debtorActor(ContactId debtor) {
		return new AuditActor("debtor:" + debtor.value(), null);
	}

	private static String text(String field, String value, Map<String, Rejected> wrong) {
		String stripped = value == null ? "" : value.strip();
		try {
			ControlCharacters.requireNone(stripped);
		}
		catch (Rejected refused) {
			wrong.put(field, refused);
			return null;
		}
		if (stripped.isEmpty()) {
			wrong.put(field, new Rejected("statement." + field + "-required"));
			return null;
		}
		if (stripped.codePointCount(0, stripped.length()) > MAX_FIELD) {
			wrong.put(field, new Rejected("statement.field-too-long", MAX_FIELD));
			return null;
		}
		return stripped;
	}

	/** The signed statement: a PDF, JPEG or PNG by its content, not empty, within the conversations' file size. */
	private Checked check(Upload upload, Map<String, Rejected> wrong) {
		if (upload == null) {
			wrong.put("file", new Rejected("statement.file-required"));
			return null;
		}
		byte[] content = upload.content();
		if (content.length == 0) {
			wrong.put("file", new Rejected("statement.file-empty"));
			return null;
		}
		if (content.length > limits.maxAttachmentSize().toBytes()) {
			wrong.put("file", limits.attachmentTooLarge());
			return null;
		}
		Optional<FileType> type = FileType.of(content);
		if (type.isEmpty()) {
			wrong.put("file", new Rejected("statement.file-type"));
			return null;
		}
		return new Checked(Conversations.fileName(upload.fileName(), type.get()), type.get(), content);
	}

	private record Checked(String name, FileType type, byte[] content) {
	}

	private ContactStatement statement(ResultSet row, int n) throws SQLException {
		BarKind kind = BarKind.valueOf(row.getString("kind"));
		Representative representative = kind != BarKind.REPRESENTATIVE ? null
				: new Representative(open(NAME, row.getBytes("representative_name")),
						open(PHONE, row.getBytes("representative_phone")),
						open(ADDRESS, row.getBytes("representative_address")),
						open(EMAIL, row.getBytes("representative_email")));
		Timestamp answered = row.getTimestamp("answered_at");
		Timestamp withdrawn = row.getTimestamp("withdrawn_at");
		byte[] reason = row.getBytes("decline_reason");
		return new ContactStatement(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
				new ContactId(row.getObject("contact_id", UUID.class)), kind, State.valueOf(row.getString("state")),
				representative, open(FILE_NAME, row.getBytes("file_name")), row.getString("content_type"),
				row.getInt("size"), row.getTimestamp("created_at").toInstant(),
				answered == null ? null : answered.toInstant(), reason == null ? null : open(REASON, reason),
				withdrawn == null ? null : withdrawn.toInstant(), row.getString("debtor"));
	}

	private String open(String field, byte[] sealed) {
		return sealed == null ? null : personalData.open(field, new Sealed(sealed));
	}
}
