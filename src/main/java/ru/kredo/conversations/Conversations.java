package ru.kredo.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.platform.ControlCharacters;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Paging;
import ru.kredo.platform.RateLimiter;
import ru.kredo.platform.RateLimits;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.apikeys.ApiKeyId;
import ru.kredo.apikeys.ApiKeyPrincipal;
import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.TenantId;

/**
 * Conversations between an agency and its debtors: written by the debtor from his cabinet and by the agency's
 * operators from the inbox. Every query carries the tenant; a conversation or a file of another agency, or of another
 * debtor, is "not found". Nothing here is written on a read except the read marks the caller asks for.
 */
@Service
public class Conversations {

	static final String TEXT = "conversation_messages.text";
	static final String FILE_NAME = "conversation_attachments.file_name";
	static final String CONTENT = "conversation_attachments.content";
	private static final int MAX_FILE_NAME = 200;

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Contacts contacts;
	private final UserAccounts accounts;
	private final ApplicationEventPublisher events;
	private final ConversationLimits limits;
	private final Clock clock;
	private final FirstReply firstReply;
	private final RateLimiter perDebtor;
	private final TransactionTemplate transactions;
	/**
	 * The debtor's unread count, which the cabinet's header shows on every page of his: kept for {@link #UNREAD_FRESH}
	 * so that a page view does not read it. An answer or his reading on this node changes it at once; on another node
	 * within that time. The chat page itself reads the conversation, never this.
	 */
	private final Cache<DebtorKey, Integer> unread = Caffeine.newBuilder().maximumSize(100_000)
		.expireAfterWrite(UNREAD_FRESH).build();
	static final Duration UNREAD_FRESH = Duration.ofSeconds(30);

	Conversations(JdbcClient jdbc, PersonalData personalData, Contacts contacts, UserAccounts accounts,
			ApplicationEventPublisher events, ConversationLimits limits, Clock clock, FirstReply firstReply,
			RateLimits rateLimits, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.firstReply = firstReply;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.contacts = contacts;
		this.accounts = accounts;
		this.events = events;
		this.limits = limits;
		this.clock = clock;
		this.perDebtor = rateLimits.limiter("conversations.debtor", limits.messagesPerHour(), Duration.ofHours(1));
	}

	public ConversationLimits limits() {
		return limits;
	}

	/** The debtor's conversation with the agency, if he has ever written or been written to. */
	public Optional<Conversation> find(TenantId tenant, ContactId debtor) {
		return jdbc.sql("select * from conversations where tenant_id = ? and contact_id = ?")
			.params(tenant.value(), debtor.value()).query(Conversations::conversation).optional();
	}

	/** The agency's conversation; another agency's is not found. */
	public Conversation get(TenantId tenant, ConversationId id) {
		return jdbc.sql("select * from conversations where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value()).query(Conversations::conversation).optional()
			.orElseThrow(() -> new NotFound("conversation.not-found", id));
	}

	/** The whole conversation, oldest first; the debtor's view leaves out internal notes. */
	public List<Message> history(TenantId tenant, ConversationId id, boolean forStaff) {
		return after(tenant, id, 0, forStaff);
	}

	/** The messages after {@code afterId}, oldest first (what a live page missed while it reconnected). */
	public List<Message> after(TenantId tenant, ConversationId id, long afterId, boolean forStaff) {
		return after(tenant, id, afterId, forStaff, Integer.MAX_VALUE);
	}

	/**
	 * At most {@code limit} messages after {@code afterId}, oldest first: a conversation read a page at a time (the
	 * REST API), the last id read being where the next page starts.
	 */
	public List<Message> after(TenantId tenant, ConversationId id, long afterId, boolean forStaff, int limit) {
		// An answer through the API names the key that wrote it, as an operator's names the operator (staff only).
		List<Message> messages = jdbc.sql("""
				select m.id, m.conversation_id, m.author, m.user_id,
				    coalesce(u.display_name, 'API: ' || k.name) as display_name, m.text, m.created_at
				from conversation_messages m left join users u on u.id = m.user_id
				left join api_keys k on k.id = m.api_key_id
				where m.tenant_id = ? and m.conversation_id = ? and m.id > ? and (? or m.author <> 'NOTE')
				order by m.id limit ?""")
			.params(tenant.value(), id.value(), afterId, forStaff, limit)
			.query((row, n) -> message(row, List.of()))
			.list();
		if (messages.isEmpty()) {
			return messages;
		}
		Map<Long, List<Attachment>> files = new LinkedHashMap<>();
		jdbc.sql("""
				select id, message_id, file_name, content_type, size from conversation_attachments
				where tenant_id = ? and conversation_id = ? and message_id between ? and ? order by message_id, id""")
			.params(tenant.value(), id.value(), messages.getFirst().id(), messages.getLast().id())
			.query(row -> {
				files.computeIfAbsent(row.getLong("message_id"), k -> new ArrayList<>()).add(attachment(row));
			});
		return messages.stream()
			.map(m -> files.containsKey(m.id()) ? new Message(m.id(), m.conversationId(), m.author(), m.userId(),
					m.operatorName(), m.text(), m.at(), files.get(m.id())) : m)
			.toList();
	}

	/** One message of the conversation, as staff (or, {@code forStaff} false, the debtor) see it. */
	public Optional<Message> message(TenantId tenant, ConversationId id, long messageId, boolean forStaff) {
		return after(tenant, id, messageId - 1, forStaff).stream().filter(m -> m.id() == messageId).findFirst();
	}

	/**
	 * The debtor writes, with a file or without: his conversation is started if it was not. Refused, with the reason,
	 * when it is empty, too long, too many for the hour, or its file is not a PDF, JPEG or PNG or is too large.
	 */
	public Message fromDebtor(TenantId tenant, ContactId debtor, String text, Upload upload) {
		String checked = checkedText(text, upload);
		Checked file = upload == null ? null : checked(upload);
		// Before the transaction: the limit's bucket is a row of its own, taken on a connection of its own; taken inside,
		// every request would hold two of the pool's connections at once.
		if (!perDebtor.tryTake(tenant.value() + "/" + debtor.value())) {
			throw new Rejected("chat.too-many-messages", limits.messagesPerHour());
		}
		return transactions.execute(status -> store(tenant, debtor, checked, file));
	}

	private Message store(TenantId tenant, ContactId debtor, String checked, Checked file) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into conversations (id, tenant_id, contact_id, created_at, last_message_at)
				values (?, ?, ?, ?, ?) on conflict (tenant_id, contact_id) do nothing""")
			.params(UUID.randomUUID(), tenant.value(), debtor.value(), Timestamp.from(now), Timestamp.from(now))
			.update();
		Conversation conversation = jdbc.sql("""
				update conversations set last_message_at = ?, waiting_since = coalesce(waiting_since, ?),
				    staff_unread = staff_unread + 1
				where tenant_id = ? and contact_id = ? returning *""")
			.params(Timestamp.from(now), Timestamp.from(now), tenant.value(), debtor.value())
			.query(Conversations::conversation).single();
		return insert(conversation, Author.DEBTOR, null, checked, file, now);
	}

	/** An operator answers the debtor (with a file or without): the debtor's waiting ends, and he has one more unread. */
	@Transactional
	public Message reply(TenantId tenant, ConversationId id, UserId operator, String text, Upload upload) {
		return answer(tenant, id, () -> Writer.user(operator(tenant, operator).id()), text, upload);
	}

	/**
	 * The agency answers the debtor as {@code by}: one of its users (the inbox) or one of its API keys (the REST API).
	 * The same answer either way: the text and file checked alike, the debtor's waiting and the first-reply clock end,
	 * he has one more unread, his open pages hear of it and, away, he is told ({@link DebtorNotices}). He sees it as the
	 * agency's; staff see who wrote it, the operator or the key.
	 */
	@Transactional
	public Message reply(TenantId tenant, ConversationId id, Actor by, String text, Upload upload) {
		return answer(tenant, id, () -> writer(tenant, by), text, upload);
	}

	private Message answer(TenantId tenant, ConversationId id, java.util.function.Supplier<Writer> writer, String text,
			Upload upload) {
		Conversation conversation = get(tenant, id);
		String checked = checkedText(text, upload);
		Checked file = upload == null ? null : checked(upload);
		Writer user = writer.get();
		Instant now = clock.instant();
		Conversation answered = jdbc.sql("""
				update conversations set last_message_at = ?, waiting_since = null, debtor_unread = debtor_unread + 1,
				    staff_unread = 0, staff_read_at = ?
				where tenant_id = ? and id = ? returning *""")
			.params(Timestamp.from(now), Timestamp.from(now), tenant.value(), conversation.id().value())
			.query(Conversations::conversation).single();
		// After the commit: a page read before it would keep the old count.
		DebtorKey key = new DebtorKey(tenant, answered.contactId());
		afterCommit(() -> unread.invalidate(key));
		return insert(answered, Author.OPERATOR, user, checked, file, now);
	}

	/** An internal note: staff see it in the conversation, the debtor never does; it answers nothing. */
	@Transactional
	public Message note(TenantId tenant, ConversationId id, UserId operator, String text) {
		return note(tenant, id, () -> Writer.user(operator(tenant, operator).id()), text);
	}

	/** An internal note by one of the agency's users or API keys ({@code by}); the debtor never sees it. */
	@Transactional
	public Message note(TenantId tenant, ConversationId id, Actor by, String text) {
		return note(tenant, id, () -> writer(tenant, by), text);
	}

	private Message note(TenantId tenant, ConversationId id, java.util.function.Supplier<Writer> writer, String text) {
		Conversation conversation = get(tenant, id);
		String checked = checkedText(text, null);
		return insert(conversation, Author.NOTE, writer.get(), checked, null, clock.instant());
	}

	/** Who writes for the agency: one of its users or one of its API keys, never both. */
	private record Writer(UserId user, ApiKeyId apiKey) {

		static Writer user(UserId user) {
			return new Writer(user, null);
		}
	}

	private Writer writer(TenantId tenant, Actor by) {
		if (by instanceof SignedInUser user && user.tenantId().equals(tenant)) {
			return Writer.user(operator(tenant, user.userId()).id());
		}
		if (by instanceof ApiKeyPrincipal key && key.tenantId().equals(tenant)) {
			return new Writer(null, key.keyId());
		}
		throw new IllegalArgumentException("Not one of the agency's users or keys: " + by.auditName());
	}

	/** The debtor has read the agency's answers. */
	public void readByDebtor(TenantId tenant, ContactId debtor) {
		jdbc.sql("""
				update conversations set debtor_unread = 0, debtor_read_at = ?
				where tenant_id = ? and contact_id = ? and debtor_unread > 0""")
			.params(Timestamp.from(clock.instant()), tenant.value(), debtor.value()).update();
		unread.put(new DebtorKey(tenant, debtor), 0);
	}

	/** The agency has read the debtor's messages. */
	public void readByStaff(TenantId tenant, ConversationId id) {
		jdbc.sql("""
				update conversations set staff_unread = 0, staff_read_at = ?
				where tenant_id = ? and id = ? and staff_unread > 0""")
			.params(Timestamp.from(clock.instant()), tenant.value(), id.value()).update();
	}

	/** How many of the agency's answers the debtor has not read. */
	public int unreadForDebtor(TenantId tenant, ContactId debtor) {
		return unread.get(new DebtorKey(tenant, debtor), key -> jdbc.sql(
				"select coalesce(max(debtor_unread), 0) from conversations where tenant_id = ? and contact_id = ?")
			.params(tenant.value(), debtor.value()).query(Integer.class).single());
	}

	private record DebtorKey(TenantId tenant, ContactId debtor) {
	}

	/** How many of the agency's conversations have messages no operator has read. */
	public long unreadForStaff(TenantId tenant) {
		return jdbc.sql("select count(*) from conversations where tenant_id = ? and staff_unread > 0")
			.param(tenant.value()).query(Long.class).single();
	}

	/** The operator takes the conversation for himself. */
	public Conversation take(TenantId tenant, ConversationId id, UserId operator) {
		return assign(tenant, id, operator);
	}

	/** Assigns the conversation to one of the agency's operators, or to no one ({@code null}). */
	public Conversation assign(TenantId tenant, ConversationId id, UserId operator) {
		get(tenant, id);
		if (operator != null) {
			operator(tenant, operator);
		}
		return jdbc.sql("update conversations set assignee = ? where tenant_id = ? and id = ? returning *")
			.params(operator == null ? null : operator.value(), tenant.value(), id.value())
			.query(Conversations::conversation).single();
	}

	/**
	 * The inbox, a page at a time with how many there are: conversations waiting for an answer first (the longest
	 * waiting first, so the overdue ones: one target for all means a longer wait is never due later), then the latest.
	 */
	public ListPage<InboxLine> inbox(TenantId tenant, InboxFilter filter, UserId me, Paging paging) {
		String where = switch (filter) {
			case MINE -> " and assignee = ?";
			case UNASSIGNED -> " and assignee is null";
			case ALL -> "";
			case OVERDUE -> " and waiting_since <= ?";
		};
		List<Object> params = new ArrayList<>(List.of(tenant.value()));
		if (filter == InboxFilter.MINE) {
			params.add(me.value());
		}
		if (filter == InboxFilter.OVERDUE) {
			params.add(Timestamp.from(firstReply.overdueSince(clock.instant())));
		}
		long total = jdbc.sql("select count(*) from conversations where tenant_id = ?" + where).params(params)
			.query(Long.class).single();
		params.add(paging.offset());
		params.add(paging.limit());
		List<Conversation> rows = jdbc.sql("""
				select * from conversations where tenant_id = ?%s
				order by waiting_since nulls last, last_message_at desc, id offset ? limit ?""".formatted(where))
			.params(params).query(Conversations::conversation).list();
		return ListPage.of(lines(tenant, rows), total, paging);
	}

	/** The inbox's order: waiting ones first, the longest waiting first, then the latest; the id last. */
	public static final Keyset.Order ORDER = Keyset.Order.of(Keyset.Key.ascending("waiting_since", Instant.class),
			Keyset.Key.descending("last_message_at", Instant.class), Keyset.Key.ascending("id", UUID.class));

	/**
	 * The agency's conversations that {@code filter} lets through, in the inbox's order ({@link #ORDER}): a page of
	 * {@code limit} after the cursor {@code after} (or, without one, after the first {@code offset}), with how many
	 * there are in all and the next page's cursor.
	 */
	public ApiList<InboxLine> list(TenantId tenant, ConversationFilter filter, Keyset after, int offset, int limit) {
		StringBuilder where = new StringBuilder(" where tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(tenant.value()));
		if (filter.unread() != null) {
			where.append(filter.unread() ? " and staff_unread > 0" : " and staff_unread = 0");
		}
		if (filter.waiting() != null) {
			where.append(filter.waiting() ? " and waiting_since is not null" : " and waiting_since is null");
		}
		if (filter.overdue()) {
			where.append(" and waiting_since <= ?");
			params.add(Timestamp.from(firstReply.overdueSince(clock.instant())));
		}
		if (filter.assigned() != null) {
			where.append(filter.assigned() ? " and assignee is not null" : " and assignee is null");
		}
		if (filter.assignee() != null) {
			where.append(" and assignee = ?");
			params.add(filter.assignee().value());
		}
		long total = jdbc.sql("select count(*) from conversations" + where).params(params).query(Long.class).single();
		where.append(" and ").append(ORDER.after(after, params));
		params.add(after == null ? offset : 0);
		params.add(limit + 1);
		List<Conversation> rows = jdbc.sql("select * from conversations" + where + " order by " + ORDER.sql()
				+ " offset ? limit ?")
			.params(params).query(Conversations::conversation).list();
		return ApiList.keyed(lines(tenant, rows), limit,
				line -> Keyset.of(line.conversation().waitingSince(), line.conversation().lastMessageAt(),
						line.conversation().id().value()), total);
	}

	/** One conversation as the list shows it, with its debtor's and assignee's names. */
	public Optional<InboxLine> line(TenantId tenant, Conversation conversation) {
		return lines(tenant, List.of(conversation)).stream().findFirst();
	}

	/**
	 * The lines of a page of conversations with their debtors' and assignees' names, read in one statement each for
	 * the whole page (not one per line: docs/conversations.md, «API»).
	 */
	private List<InboxLine> lines(TenantId tenant, List<Conversation> rows) {
		Map<ContactId, FullName> debtors = contacts.names(tenant, rows.stream().map(Conversation::contactId).toList());
		Map<UserId, User> assignees = accounts.find(rows.stream().map(Conversation::assignee)
			.filter(java.util.Objects::nonNull).toList());
		return rows.stream()
			.map(c -> new InboxLine(c, debtors.get(c.contactId()).display(), c.assignee() == null ? null
					: Optional.ofNullable(assignees.get(c.assignee())).map(User::displayName).orElse("")))
			.toList();
	}

	/** A file of the agency's conversations, for its staff. */
	public AttachmentFile attachment(TenantId tenant, AttachmentId id) {
		return jdbc.sql("""
				select conversation_id, file_name, content_type, content from conversation_attachments
				where tenant_id = ? and id = ?""")
			.params(tenant.value(), id.value())
			.query((row, n) -> file(row)).optional()
			.orElseThrow(() -> new NotFound("attachment.not-found", id));
	}

	/** A file of the debtor's own conversation (his or the agency's, never a note's); any other is not found. */
	public AttachmentFile attachmentOf(TenantId tenant, ContactId debtor, AttachmentId id) {
		return jdbc.sql("""
				select a.conversation_id, a.file_name, a.content_type, a.content from conversation_attachments a
				join conversations c on c.tenant_id = a.tenant_id and c.id = a.conversation_id
				join conversation_messages m on m.id = a.message_id
				where a.tenant_id = ? and a.id = ? and c.contact_id = ? and m.author <> 'NOTE'""")
			.params(tenant.value(), id.value(), debtor.value())
			.query((row, n) -> file(row)).optional()
			.orElseThrow(() -> new NotFound("attachment.not-found", id));
	}

	private AttachmentFile file(ResultSet row) throws SQLException {
		return new AttachmentFile(new ConversationId(row.getObject("conversation_id", UUID.class)),
				personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))),
				FileType.ofMediaType(row.getString("content_type")),
				personalData.openBytes(CONTENT, new Sealed(row.getBytes("content"))));
	}

	private Message insert(Conversation conversation, Author author, Writer writer, String text, Checked file,
			Instant now) {
		UserId user = writer == null ? null : writer.user();
		long id = jdbc.sql("""
				insert into conversation_messages (tenant_id, conversation_id, author, user_id, api_key_id, text,
				    created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(conversation.tenantId().value(), conversation.id().value(), author.name(),
					user == null ? null : user.value(),
					writer == null || writer.apiKey() == null ? null : writer.apiKey().value(),
					personalData.seal(TEXT, text).bytes(), Timestamp.from(now))
			.query(Long.class).single();
		List<Attachment> attachments = List.of();
		if (file != null) {
			AttachmentId attachment = new AttachmentId(UUID.randomUUID());
			jdbc.sql("""
					insert into conversation_attachments (id, tenant_id, conversation_id, message_id, file_name,
					    content_type, size, content) values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(attachment.value(), conversation.tenantId().value(), conversation.id().value(), id,
						personalData.seal(FILE_NAME, file.name()).bytes(), file.type().mediaType(), file.content().length,
						personalData.sealBytes(CONTENT, file.content()).bytes())
				.update();
			attachments = List.of(new Attachment(attachment, file.name(), file.type(), file.content().length));
		}
		// Published in the transaction: the pages hear of it after the commit (internal/Announcements), and the
		// publication registry keeps it for the listeners of other modules (webhooks) until they have handled it.
		events.publishEvent(new MessagePosted(conversation.tenantId(), conversation.id(), conversation.contactId(), id,
				author, now));
		return new Message(id, conversation.id(), author, user, null, text, now, attachments);
	}

	private void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	private String checkedText(String text, Upload upload) {
		String stripped = text == null ? "" : text.strip();
		ControlCharacters.requireNone(stripped);
		if (stripped.isEmpty() && upload == null) {
			throw new Rejected("chat.message-empty");
		}
		if (stripped.codePointCount(0, stripped.length()) > limits.maxMessageLength()) {
			throw new Rejected("chat.message-too-long", limits.maxMessageLength());
		}
		return stripped;
	}

	/** The file, if it is one the conversation takes: not empty, within the size, a PDF, JPEG or PNG by its content. */
	Checked checked(Upload upload) {
		byte[] content = upload.content();
		if (content.length == 0) {
			throw new Rejected("chat.attachment-empty");
		}
		if (content.length > limits.maxAttachmentSize().toBytes()) {
			throw limits.attachmentTooLarge();
		}
		FileType type = FileType.of(content).orElseThrow(() -> new Rejected("chat.attachment-type"));
		return new Checked(fileName(upload.fileName(), type), type, content);
	}

	/** The name shown and given on download: its last path segment, no control characters, not too long. */
	public static String fileName(String given, FileType type) {
		String name = given.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "file." + type.extension();
		}
		return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
	}

	private User operator(TenantId tenant, UserId id) {
		if (!accounts.exists(tenant, id)) {
			throw new NotFound("user.not-found", id);
		}
		return accounts.get(tenant, id);
	}

	private Message message(ResultSet row, List<Attachment> attachments) throws SQLException {
		UUID user = row.getObject("user_id", UUID.class);
		return new Message(row.getLong("id"), new ConversationId(row.getObject("conversation_id", UUID.class)),
				Author.valueOf(row.getString("author")), user == null ? null : new UserId(user),
				row.getString("display_name"), personalData.open(TEXT, new Sealed(row.getBytes("text"))),
				row.getTimestamp("created_at").toInstant(), attachments);
	}

	private Attachment attachment(ResultSet row) throws SQLException {
		return new Attachment(new AttachmentId(row.getObject("id", UUID.class)),
				personalData.open(FILE_NAME, new Sealed(row.getBytes("file_name"))),
				FileType.ofMediaType(row.getString("content_type")), row.getInt("size"));
	}

	private static Conversation conversation(ResultSet row, int n) throws SQLException {
		UUID assignee = row.getObject("assignee", UUID.class);
		Timestamp waiting = row.getTimestamp("waiting_since");
		return new Conversation(new ConversationId(row.getObject("id", UUID.class)),
				new TenantId(row.getObject("tenant_id", UUID.class)),
				new ContactId(row.getObject("contact_id", UUID.class)), assignee == null ? null : new UserId(assignee),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("last_message_at").toInstant(),
				waiting == null ? null : waiting.toInstant(), row.getInt("staff_unread"), row.getInt("debtor_unread"));
	}

	/** A file that passed {@link #checked}: its name as shown, its type by content, its bytes. */
	record Checked(String name, FileType type, byte[] content) {
	}
}
