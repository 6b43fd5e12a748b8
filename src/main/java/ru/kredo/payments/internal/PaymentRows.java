package ru.kredo.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.money.Money;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentPart;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.payments.ReceivedPayment;
import ru.kredo.tenancy.TenantId;

/** The {@code payments} table and its combined payments' {@code payment_parts}; every statement names the tenant. */
@Repository
public class PaymentRows {

	private static final String COLUMNS = "id, tenant_id, debt_id, amount_kopecks, method, status, idempotence_key, "
			+ "provider, provider_payment_id, confirmation_url, return_url, created_at, updated_at, settled_at, "
			// A combined payment's parts, in their order, beside it: [[debt_id, amount_kopecks, description], …].
			+ "(select json_agg(json_build_array(x.debt_id, x.amount_kopecks, x.description) order by x.position)"
			+ " from payment_parts x where x.payment_id = payments.id) as parts";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	PaymentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new payment unless the tenant already has one under its idempotence key; returns the stored one. A
	 * combined payment's parts are stored with it, in the same transaction: the database refuses, at commit, one whose
	 * parts do not add up to it.
	 */
	public Payment insertOrFind(Payment payment) {
		int inserted = jdbc.sql("""
				insert into payments (id, tenant_id, debt_id, amount_kopecks, method, status, idempotence_key, provider,
				                      return_url, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, idempotence_key) do nothing""")
			.params(payment.id().value(), payment.tenantId().value(),
					payment.isCombined() ? null : payment.payable().debtId(),
					payment.amount().kopecks(), payment.method().name(), payment.status().name(),
					payment.idempotenceKey(), payment.provider(), payment.returnUrl(), Timestamp.from(payment.createdAt()),
					Timestamp.from(payment.updatedAt()))
			.update();
		if (inserted == 1) {
			for (int position = 0; position < payment.parts().size(); position++) {
				PaymentPart part = payment.parts().get(position);
				jdbc.sql("""
						insert into payment_parts (payment_id, tenant_id, debt_id, amount_kopecks, position, description)
						values (?, ?, ?, ?, ?, ?)""")
					.params(payment.id().value(), payment.tenantId().value(), part.payable().debtId(),
							part.amount().kopecks(), position, part.description())
					.update();
			}
		}
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and idempotence_key = ?")
			.params(payment.tenantId().value(), payment.idempotenceKey())
			.query(PaymentRows::payment)
			.single();
	}

	public Optional<Payment> findByKey(TenantId tenant, String idempotenceKey) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and idempotence_key = ?")
			.params(tenant.value(), idempotenceKey)
			.query(PaymentRows::payment)
			.optional();
	}

	/** Until the transaction ends, no one else starts a payment of this payable (see Payments.startWithin). */
	public void lockPayable(TenantId tenant, PayableRef payable) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('payments:' || ? || ':' || ?, 0))")
			.params(tenant.value().toString(), payable.debtId().toString())
			.query()
			.singleValue();
	}

	/**
	 * What the payable's payments under way come to: those the provider took since {@code since} and nobody has paid
	 * or canceled yet, and those being sent to it since {@code sending} (a payment the provider never took cannot be
	 * paid; counting it longer would only hold up the next try). A combined payment counts with its part of the
	 * payable.
	 */
	public Money underWay(TenantId tenant, PayableRef payable, Instant since, Instant sending) {
		return Money.ofKopecks(jdbc.sql("""
				select coalesce(sum(coalesce(x.amount_kopecks, p.amount_kopecks)), 0)
				from payments p left join payment_parts x on x.payment_id = p.id and x.debt_id = ?
				where p.tenant_id = ? and (p.debt_id = ? or x.debt_id is not null)
				  and ((p.status = 'PENDING' and p.created_at > ?)
				       or (p.status = 'CREATED' and p.creation_unknown_at is null and p.created_at > ?))""")
			.params(payable.debtId(), tenant.value(), payable.debtId(), Timestamp.from(since), Timestamp.from(sending))
			.query(Long.class)
			.single());
	}

	/** Records that sending the payment to its provider ended without knowing whether the provider created it. */
	public void markCreationUnknown(Payment payment, Instant at) {
		jdbc.sql("update payments set creation_unknown_at = ? where tenant_id = ? and id = ? and status = 'CREATED'")
			.params(Timestamp.from(at), payment.tenantId().value(), payment.id().value())
			.update();
	}

	/**
	 * Forgets a payment its provider refused to create: it never existed there, must not count as under way, and the
	 * same idempotence key may try again.
	 */
	public void forgetRefused(Payment payment) {
		jdbc.sql("delete from payments where tenant_id = ? and id = ? and status = 'CREATED'")
			.params(payment.tenantId().value(), payment.id().value())
			.update();
	}

	/**
	 * The payable's payments whose creation is unknown, started since {@code since}, oldest first: its own and the
	 * combined ones with a part of it.
	 */
	public List<Payment> creationUnknown(TenantId tenant, PayableRef payable, Instant since) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and status = 'CREATED'"
				+ " and (debt_id = ? or id in (select payment_id from payment_parts where tenant_id = ? and debt_id = ?))"
				+ " and creation_unknown_at is not null and created_at > ? order by created_at")
			.params(tenant.value(), payable.debtId(), tenant.value(), payable.debtId(), Timestamp.from(since))
			.query(PaymentRows::payment)
			.list();
	}

	public Optional<Payment> find(TenantId tenant, PaymentId id) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(PaymentRows::payment)
			.optional();
	}

	/** The payment, locked until the transaction ends, so concurrent notifications apply one after the other. */
	public Optional<Payment> lock(TenantId tenant, PaymentId id) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and id = ? for update")
			.params(tenant.value(), id.value())
			.query(PaymentRows::payment)
			.optional();
	}

	/** The payable's payments, newest first: its own, and the combined ones with a part of it. */
	public List<Payment> ofPayable(TenantId tenant, PayableRef payable) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and (debt_id = ?"
				+ " or id in (select payment_id from payment_parts where tenant_id = ? and debt_id = ?))"
				+ " order by created_at desc")
			.params(tenant.value(), payable.debtId(), tenant.value(), payable.debtId())
			.query(PaymentRows::payment)
			.list();
	}

	/**
	 * The payments of these payables still waiting on the provider's page since {@code since}, newest first: their own
	 * and the combined ones with a part of any of them, in one statement (a debtor's page reads them on every view).
	 */
	public List<Payment> continuableOfAny(TenantId tenant, List<PayableRef> payables, Instant since) {
		UUID[] debts = payables.stream().map(PayableRef::debtId).toArray(UUID[]::new);
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and status = 'PENDING'"
				+ " and confirmation_url is not null and created_at > ? and (debt_id = any(?) or debt_id is null"
				+ " and id in (select payment_id from payment_parts where tenant_id = ? and debt_id = any(?)))"
				+ " order by created_at desc")
			.params(tenant.value(), Timestamp.from(since), debts, tenant.value(), debts)
			.query(PaymentRows::payment)
			.list();
	}

	/**
	 * Records what the provider says it has returned of a succeeded payment (a refund made in its cabinet), when that is
	 * more than was recorded: refunds only add up, so a stale answer changes nothing.
	 *
	 * @return whether it recorded more than before
	 */
	public boolean recordRefunded(Payment payment, Money refunded) {
		return jdbc.sql("update payments set refunded = ? where tenant_id = ? and id = ? and refunded < ? and status = 'SUCCEEDED'")
			.params(refunded.kopecks(), payment.tenantId().value(), payment.id().value(), refunded.kopecks())
			.update() > 0;
	}

	/** What was returned of each of these payments that had anything returned. */
	public java.util.Map<PaymentId, Money> refunded(TenantId tenant, java.util.Collection<PaymentId> ids) {
		java.util.Map<PaymentId, Money> refunded = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return refunded;
		}
		jdbc.sql("select id, refunded from payments where tenant_id = ? and id = any(?::uuid[]) and refunded > 0")
			.params(tenant.value(), ids.stream().map(id -> id.value().toString()).toArray(String[]::new))
			.query((row, n) -> refunded.put(new PaymentId(row.getObject("id", UUID.class)),
					Money.ofKopecks(row.getLong("refunded"))))
			.list();
		return refunded;
	}

	/** Saves a moved payment; the receipt, when given, is the provider's final answer. */
	public void update(Payment payment, String receipt) {
		jdbc.sql("""
				update payments set status = ?, provider_payment_id = ?, confirmation_url = ?, updated_at = ?,
				       settled_at = ?, receipt = coalesce(cast(? as jsonb), receipt)
				where tenant_id = ? and id = ?""")
			.params(payment.status().name(), payment.providerPaymentId(), payment.confirmationUrl(),
					Timestamp.from(payment.updatedAt()), timestamp(payment.settledAt()), receipt,
					payment.tenantId().value(), payment.id().value())
			.update();
	}

	/**
	 * Stores a payment received outside Kredo, already settled, with the day it was received and its reference; the
	 * caller has checked, under the payable's lock, that no payment has its idempotence key.
	 *
	 * @return {@code false}, storing nothing, when the debt already has a payment received that day under that
	 *         reference, or the tenant a payment under that idempotence key (one the lock did not cover: another
	 *         debt's)
	 */
	public boolean insertReceived(Payment payment, LocalDate receivedOn, String reference) {
		return jdbc.sql("""
				insert into payments (id, tenant_id, debt_id, amount_kopecks, method, status, idempotence_key, provider,
				                      return_url, created_at, updated_at, settled_at, received_on, reference)
				values (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(payment.id().value(), payment.tenantId().value(), payment.payable().debtId(),
					payment.amount().kopecks(), payment.method().name(), payment.status().name(), payment.idempotenceKey(),
					payment.provider(), Timestamp.from(payment.createdAt()), Timestamp.from(payment.updatedAt()),
					Timestamp.from(payment.settledAt()), java.sql.Date.valueOf(receivedOn), reference)
			.update() == 1;
	}

	/** The payment under this key, if it was received outside Kredo, with its day and reference. */
	public Optional<ReceivedPayment> findReceived(TenantId tenant, String idempotenceKey) {
		return jdbc.sql("select " + COLUMNS + ", received_on, reference from payments"
				+ " where tenant_id = ? and idempotence_key = ? and method = 'OUTSIDE'")
			.params(tenant.value(), idempotenceKey)
			.query(PaymentRows::received)
			.optional();
	}

	/** The payable's payments received outside Kredo, newest received first. */
	public List<ReceivedPayment> received(TenantId tenant, PayableRef payable) {
		return jdbc.sql("select " + COLUMNS + ", received_on, reference from payments"
				+ " where tenant_id = ? and debt_id = ? and method = 'OUTSIDE' order by received_on desc, created_at desc")
			.params(tenant.value(), payable.debtId())
			.query(PaymentRows::received)
			.list();
	}

	private static ReceivedPayment received(ResultSet row, int rowNumber) throws SQLException {
		return new ReceivedPayment(payment(row, rowNumber), row.getDate("received_on").toLocalDate(),
				row.getString("reference"));
	}

	/** The provider's final answer about a settled payment, as it gave it. */
	public Optional<String> receipt(TenantId tenant, PaymentId id) {
		return jdbc.sql("select receipt::text from payments where tenant_id = ? and id = ? and receipt is not null")
			.params(tenant.value(), id.value())
			.query(String.class)
			.optional();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Payment payment(ResultSet row, int rowNumber) throws SQLException {
		UUID debt = row.getObject("debt_id", UUID.class);
		List<PaymentPart> parts = new ArrayList<>();
		String json = row.getString("parts");
		if (json != null) {
			for (JsonNode part : JSON.readTree(json)) {
				parts.add(new PaymentPart(new PayableRef(UUID.fromString(part.get(0).asString())),
						Money.ofKopecks(part.get(1).asLong()), part.get(2).asString()));
			}
		}
		return new Payment(new PaymentId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				debt == null ? null : new PayableRef(debt), Money.ofKopecks(row.getLong("amount_kopecks")),
				PaymentMethod.valueOf(row.getString("method")), PaymentStatus.valueOf(row.getString("status")),
				row.getString("idempotence_key"), row.getString("provider"), row.getString("provider_payment_id"),
				row.getString("confirmation_url"), row.getString("return_url"), instant(row, "created_at"),
				instant(row, "updated_at"), instant(row, "settled_at"), parts);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
