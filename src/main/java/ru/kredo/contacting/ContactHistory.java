package ru.kredo.contacting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor's contact log as people read it: every attempt, newest first, a page at a time or whole for the export.
 * Texts and addresses are sealed ({@code contact_attempts.body}, {@code contact_attempts.address}) and opened only
 * here, for those who may see them.
 */
@Service
public class ContactHistory {

	private static final Logger log = LoggerFactory.getLogger(ContactHistory.class);
	private static final String COLUMNS = "id, debt_id, channel, initiative, state, reason, counted, purpose, address, "
			+ "body, due_at, sent_at, outcome, actor, created_at, recipient";

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	ContactHistory(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** A page of the debtor's log, newest first, with how many rows it has. */
	public ListPage<LoggedAttempt> page(TenantId tenant, ContactId debtor, Paging paging) {
		List<LoggedAttempt> rows = jdbc.sql("select " + COLUMNS + """
				 from contact_attempts where tenant_id = ? and contact_id = ?
				order by created_at desc, id offset ? limit ?""")
			.params(tenant.value(), debtor.value(), paging.offset(), paging.limit())
			.query((row, n) -> attempt(row))
			.list();
		long total = jdbc.sql("select count(*) from contact_attempts where tenant_id = ? and contact_id = ?")
			.params(tenant.value(), debtor.value())
			.query(Long.class)
			.single();
		return ListPage.of(rows, total, paging);
	}

	/** The API's order of the log: newest first, the id last. */
	public static final Keyset.Order ORDER = Keyset.Order.of(Keyset.Key.descending("created_at", Instant.class),
			Keyset.Key.ascending("id", UUID.class));

	/**
	 * The log for the API: a page of {@code limit} after the cursor {@code after} (or, without one, after the first
	 * {@code offset}), newest first, with how many rows it has and the next page's cursor: an attempt logged meanwhile
	 * shifts no row.
	 */
	public ApiList<LoggedAttempt> page(TenantId tenant, ContactId debtor, Keyset after, int offset, int limit) {
		List<Object> params = new ArrayList<>(List.of(tenant.value(), debtor.value()));
		String keyset = ORDER.after(after, params);
		params.add(after == null ? offset : 0);
		params.add(limit + 1);
		List<LoggedAttempt> rows = jdbc.sql("select " + COLUMNS + " from contact_attempts where tenant_id = ? "
				+ "and contact_id = ? and " + keyset + " order by " + ORDER.sql() + " offset ? limit ?")
			.params(params)
			.query((row, n) -> attempt(row))
			.list();
		long total = jdbc.sql("select count(*) from contact_attempts where tenant_id = ? and contact_id = ?")
			.params(tenant.value(), debtor.value())
			.query(Long.class)
			.single();
		return ApiList.keyed(rows, limit, attempt -> Keyset.of(attempt.createdAt(), attempt.id()), total);
	}

	/** The debtor's whole log, newest first (the export). */
	public List<LoggedAttempt> all(TenantId tenant, ContactId debtor) {
		return jdbc.sql("select " + COLUMNS + " from contact_attempts where tenant_id = ? and contact_id = ? "
				+ "order by created_at desc, id")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> attempt(row))
			.list();
	}

	/** The attempt's text (a message's, a call's note), opened; {@code null} when it has none. */
	public String text(LoggedAttempt attempt) {
		return open(Calls.BODY, attempt.body());
	}

	/** Where it went (a phone, an e-mail), opened; {@code null} when it has none. */
	public String address(LoggedAttempt attempt) {
		return open(Calls.ADDRESS, attempt.address());
	}

	private String open(String field, Sealed sealed) {
		if (sealed == null) {
			return null;
		}
		try {
			return personalData.open(field, sealed);
		}
		catch (IllegalStateException unreadable) {
			// Sealed under another field's name or key: say so in the row rather than lose the whole log.
			log.warn("A contact attempt's {} does not open: {}", field, unreadable.getMessage());
			return "…";
		}
	}

	private static LoggedAttempt attempt(java.sql.ResultSet row) throws java.sql.SQLException {
		UUID debt = row.getObject("debt_id", UUID.class);
		return new LoggedAttempt(row.getObject("id", UUID.class), debt == null ? null : new DebtId(debt),
				Channel.valueOf(row.getString("channel")), Initiative.valueOf(row.getString("initiative")),
				row.getString("state"), row.getString("reason") == null ? null : Reason.valueOf(row.getString("reason")),
				row.getBoolean("counted"), row.getString("purpose"),
				row.getBytes("address") == null ? null : new Sealed(row.getBytes("address")),
				row.getBytes("body") == null ? null : new Sealed(row.getBytes("body")),
				row.getTimestamp("due_at") == null ? null : row.getTimestamp("due_at").toInstant(),
				row.getTimestamp("sent_at") == null ? null : row.getTimestamp("sent_at").toInstant(),
				row.getString("outcome") == null ? null : CallOutcome.valueOf(row.getString("outcome")),
				row.getString("actor"), row.getTimestamp("created_at").toInstant(),
				Recipient.valueOf(row.getString("recipient")));
	}
}
