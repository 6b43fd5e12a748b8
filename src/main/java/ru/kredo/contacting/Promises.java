package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.audit.AuditActor;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.Debts;
import ru.kredo.collections.PaymentApplied;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.TenantId;

/**
 * Debtors' promises to pay, made on operators' calls ({@link Calls#recordOutcome}): the follow-ups the inbox shows on
 * their date (the agency's) and after, marked overdue, until kept. A promise is kept when the payments applied to the
 * debtor's debts since it was made reach its amount (whichever debt they went to: money he brings is what he
 * promised), checked as each payment is applied ({@link PaymentApplied}, in the payment's own transaction).
 */
@Service
public class Promises {

	private static final String COLUMNS = "id, contact_id, debt_id, call_id, amount, due_on, promised_at, kept_at, actor";

	private final JdbcClient jdbc;
	private final Debts debts;

	Promises(JdbcClient jdbc, Debts debts) {
		this.jdbc = jdbc;
		this.debts = debts;
	}

	void record(TenantId tenant, ContactId debtor, DebtId debt, UUID callId, Money amount, LocalDate dueOn,
			Instant promisedAt, AuditActor actor) {
		jdbc.sql("insert into contact_promises (" + COLUMNS + ", tenant_id) values (?, ?, ?, ?, ?, ?, ?, null, ?, ?)")
			.params(UUID.randomUUID(), debtor.value(), debt.value(), callId, amount.kopecks(), dueOn,
					Timestamp.from(promisedAt), actor.name(), tenant.value())
			.update();
	}

	/** The agency's unkept promises due on {@code today} or before (overdue), the oldest date first. */
	public ListPage<Promise> due(TenantId tenant, LocalDate today, Paging paging) {
		List<Promise> page = jdbc.sql("select " + COLUMNS + """
				 from contact_promises where tenant_id = ? and kept_at is null and due_on <= ?
				order by due_on, promised_at, id offset ? limit ?""")
			.params(tenant.value(), today, paging.offset(), paging.limit())
			.query((row, n) -> promise(row))
			.list();
		long total = jdbc.sql("select count(*) from contact_promises where tenant_id = ? and kept_at is null and due_on <= ?")
			.params(tenant.value(), today)
			.query(Long.class)
			.single();
		return ListPage.of(page, total, paging);
	}

	/** The API's order of the promises due: the oldest date first, then when promised; the id last. */
	public static final Keyset.Order ORDER = Keyset.Order.of(Keyset.Key.ascending("due_on", LocalDate.class),
			Keyset.Key.ascending("promised_at", Instant.class), Keyset.Key.ascending("id", UUID.class));

	/**
	 * The promises due for the API: a page of {@code limit} after the cursor {@code after} (or, without one, after the
	 * first {@code offset}) in {@link #ORDER}, with how many there are and the next page's cursor: a promise kept or
	 * made meanwhile shifts no row.
	 */
	public ApiList<Promise> due(TenantId tenant, LocalDate today, Keyset after, int offset, int limit) {
		List<Object> params = new ArrayList<>(List.of(tenant.value(), today));
		String keyset = ORDER.after(after, params);
		params.add(after == null ? offset : 0);
		params.add(limit + 1);
		List<Promise> rows = jdbc.sql("select " + COLUMNS + " from contact_promises where tenant_id = ? "
				+ "and kept_at is null and due_on <= ? and " + keyset + " order by " + ORDER.sql() + " offset ? limit ?")
			.params(params)
			.query((row, n) -> promise(row))
			.list();
		long total = jdbc.sql("select count(*) from contact_promises where tenant_id = ? and kept_at is null and due_on <= ?")
			.params(tenant.value(), today)
			.query(Long.class)
			.single();
		return ApiList.keyed(rows, limit, promise -> Keyset.of(promise.dueOn(), promise.promisedAt(), promise.id()),
				total);
	}

	/** The debtor's promises, the latest first. */
	public List<Promise> ofDebtor(TenantId tenant, ContactId debtor) {
		return jdbc.sql("select " + COLUMNS + " from contact_promises where tenant_id = ? and contact_id = ? "
				+ "order by promised_at desc, id")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> promise(row))
			.list();
	}

	/** A payment on one of his debts may keep his open promises: each whose amount the payments since reach. */
	@EventListener
	void on(PaymentApplied paid) {
		if (paid.debtorId() == null) {
			return;
		}
		List<Promise> open = jdbc.sql("select " + COLUMNS
				+ " from contact_promises where tenant_id = ? and contact_id = ? and kept_at is null")
			.params(paid.tenantId().value(), paid.debtorId().value())
			.query((row, n) -> promise(row))
			.list();
		if (open.isEmpty()) {
			return;
		}
		List<DebtPayment> his = debts.payments(paid.tenantId(),
				debts.ofContact(paid.tenantId(), paid.debtorId()).stream().map(Debt::id).toList())
			.values().stream().flatMap(List::stream).toList();
		Instant at = paid.at() == null ? Instant.now() : paid.at();
		for (Promise promise : open) {
			Money since = his.stream()
				.filter(p -> !p.paidAt().isBefore(promise.promisedAt()))
				.map(DebtPayment::amount)
				.reduce(Money.ZERO, Money::plus);
			if (!promise.amount().exceeds(since)) {
				jdbc.sql("update contact_promises set kept_at = ? where id = ? and kept_at is null")
					.params(Timestamp.from(at), promise.id())
					.update();
			}
		}
	}

	private static Promise promise(java.sql.ResultSet row) throws java.sql.SQLException {
		return new Promise(row.getObject("id", UUID.class), new ContactId(row.getObject("contact_id", UUID.class)),
				new DebtId(row.getObject("debt_id", UUID.class)), row.getObject("call_id", UUID.class),
				Money.ofKopecks(row.getLong("amount")), row.getObject("due_on", LocalDate.class),
				row.getTimestamp("promised_at").toInstant(),
				row.getTimestamp("kept_at") == null ? null : row.getTimestamp("kept_at").toInstant(), row.getString("actor"));
	}
}
