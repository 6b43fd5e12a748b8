package ru.kredo.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.kredo.money.Money;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.tenancy.TenantId;

/** The {@code payments} table; every statement names the tenant. */
@Repository
public class PaymentRows {

	private static final String COLUMNS = "id, tenant_id, debt_id, amount_kopecks, method, status, idempotence_key, "
			+ "provider, provider_payment_id, confirmation_url, return_url, created_at, updated_at, settled_at";

	private final JdbcClient jdbc;

	PaymentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new payment unless the tenant already has one under its idempotence key; returns the stored one. */
	public Payment insertOrFind(Payment payment) {
		jdbc.sql("""
				insert into payments (id, tenant_id, debt_id, amount_kopecks, method, status, idempotence_key, provider,
				                      return_url, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, idempotence_key) do nothing""")
			.params(payment.id().value(), payment.tenantId().value(), payment.payable().debtId(),
					payment.amount().kopecks(), payment.method().name(), payment.status().name(),
					payment.idempotenceKey(), payment.provider(), payment.returnUrl(), Timestamp.from(payment.createdAt()),
					Timestamp.from(payment.updatedAt()))
			.update();
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
	 * paid; counting it longer would only hold up the next try).
	 */
	public Money underWay(TenantId tenant, PayableRef payable, Instant since, Instant sending) {
		return Money.ofKopecks(jdbc.sql("""
				select coalesce(sum(amount_kopecks), 0) from payments
				where tenant_id = ? and debt_id = ?
				  and ((status = 'PENDING' and created_at > ?)
				       or (status = 'CREATED' and creation_unknown_at is null and created_at > ?))""")
			.params(tenant.value(), payable.debtId(), Timestamp.from(since), Timestamp.from(sending))
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

	/** The payable's payments whose creation is unknown, started since {@code since}, oldest first. */
	public List<Payment> creationUnknown(TenantId tenant, PayableRef payable, Instant since) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and debt_id = ? and status = 'CREATED'"
				+ " and creation_unknown_at is not null and created_at > ? order by created_at")
			.params(tenant.value(), payable.debtId(), Timestamp.from(since))
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

	/** The payments of these payables still waiting on the provider's page since {@code since}, newest first. */
	public List<Payment> continuable(TenantId tenant, List<PayableRef> payables, Instant since) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and debt_id = any(?)"
				+ " and status = 'PENDING' and confirmation_url is not null and created_at > ? order by created_at desc")
			.params(tenant.value(), payables.stream().map(PayableRef::debtId).toArray(java.util.UUID[]::new),
					Timestamp.from(since))
			.query(PaymentRows::payment)
			.list();
	}

	public List<Payment> ofPayable(TenantId tenant, PayableRef payable) {
		return jdbc.sql("select " + COLUMNS + " from payments where tenant_id = ? and debt_id = ? order by created_at desc")
			.params(tenant.value(), payable.debtId())
			.query(PaymentRows::payment)
			.list();
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
		return new Payment(new PaymentId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				new PayableRef(row.getObject("debt_id", UUID.class)), Money.ofKopecks(row.getLong("amount_kopecks")),
				PaymentMethod.valueOf(row.getString("method")), PaymentStatus.valueOf(row.getString("status")),
				row.getString("idempotence_key"), row.getString("provider"), row.getString("provider_payment_id"),
				row.getString("confirmation_url"), row.getString("return_url"), instant(row, "created_at"),
				instant(row, "updated_at"), instant(row, "settled_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
