package ru.kredo.cabinet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.tenancy.TenantId;

/**
 * What each signed-in debtor did in his agency's cabinet and when: signed in, looked at his debts and offers, signed
 * an offer, started and completed payments. Each entry also counts as the visitor's step in the {@link Funnel}, so
 * the anonymous funnel and the debtor are tied together at sign-in. A payment's success arrives later from the
 * payments module, without a visitor; it is matched to the debtor who started that payment here.
 */
@Service
public class CabinetActivity {

	/** A view repeated within this time belongs to the same visit, not a new line in the debtor's history. */
	public static final Duration SAME_VISIT = Duration.ofMinutes(30);

	private final JdbcClient jdbc;
	private final Funnel funnel;
	private final Clock clock;

	CabinetActivity(JdbcClient jdbc, Funnel funnel, Clock clock) {
		this.jdbc = jdbc;
		this.funnel = funnel;
		this.clock = clock;
	}

	public void signedIn(TenantId tenant, UUID visitor, ContactId debtor) {
		record(tenant, visitor, debtor, FunnelStep.CODE_CONFIRMED, null, null, null, clock.instant());
	}

	/** The debtor saw his debts ({@code DEBT_VIEWED}) or a debt's offer ({@code OFFER_VIEWED}). */
	public void viewed(TenantId tenant, UUID visitor, ContactId debtor, FunnelStep step, UUID debt) {
		if (step != FunnelStep.DEBT_VIEWED && step != FunnelStep.OFFER_VIEWED) {
			throw new IllegalArgumentException("Not a view: " + step);
		}
		Instant now = clock.instant();
		funnel.reached(tenant, visitor, step, now);
		jdbc.sql("""
				insert into cabinet_activity (tenant_id, contact_id, visitor, step, debt_id, at)
				select ?, ?, ?, ?, ?, ? where not exists (
				    select 1 from cabinet_activity where tenant_id = ? and contact_id = ? and step = ?
				    and debt_id is not distinct from ? and at > ?)""")
			.params(tenant.value(), debtor.value(), visitor, step.name(), debt, Timestamp.from(now), tenant.value(),
					debtor.value(), step.name(), debt, Timestamp.from(now.minus(SAME_VISIT)))
			.update();
	}

	public void offerAccepted(TenantId tenant, UUID visitor, ContactId debtor, UUID debt, Money amount) {
		record(tenant, visitor, debtor, FunnelStep.OFFER_ACCEPTED, debt, null, amount, clock.instant());
	}

	public void paymentStarted(TenantId tenant, UUID visitor, ContactId debtor, Payment payment) {
		// A combined payment («Оплатить всё») concerns several debts, so none in particular.
		record(tenant, visitor, debtor, FunnelStep.PAYMENT_STARTED, payment.isCombined() ? null : payment.payable().debtId(),
				payment.id().value(), payment.amount(), clock.instant());
	}

	/**
	 * A payment the debtor started in the cabinet succeeded: his visitor reaches the funnel's last step. Payments
	 * started elsewhere are none of the cabinet's business. Once per payment, however often it is announced.
	 */
	@ApplicationModuleListener
	void on(PaymentSucceeded paid) {
		jdbc.sql("""
				select contact_id, visitor, debt_id, amount from cabinet_activity
				where tenant_id = ? and payment_id = ? and step = 'PAYMENT_STARTED'""")
			.params(paid.tenantId().value(), paid.paymentId().value())
			.query((row, n) -> new Started(new ContactId(row.getObject("contact_id", UUID.class)),
					row.getObject("visitor", UUID.class), row.getObject("debt_id", UUID.class),
					Money.ofKopecks(row.getLong("amount"))))
			.optional()
			// The payment's whole amount, as it was started: a combined payment announces each of its parts, and the
			// first one records its success (payment and step are unique).
			.ifPresent(started -> record(paid.tenantId(), started.visitor(), started.debtor(), FunnelStep.PAYMENT_SUCCEEDED,
					started.debt(), paid.paymentId().value(), started.amount(), paid.succeededAt()));
	}

	/** The debtor's latest activity, newest first. */
	public List<Entry> of(TenantId tenant, ContactId debtor, int limit) {
		return jdbc.sql("""
				select step, at, debt_id, amount from cabinet_activity where tenant_id = ? and contact_id = ?
				order by at desc, id desc limit ?""")
			.params(tenant.value(), debtor.value(), limit)
			.query((row, n) -> {
				Object amount = row.getObject("amount");
				return new Entry(FunnelStep.valueOf(row.getString("step")), row.getTimestamp("at").toInstant(),
						row.getObject("debt_id", UUID.class), amount == null ? null : Money.ofKopecks(((Number) amount).longValue()));
			})
			.list();
	}

	/** When the debtor first opened the cabinet, from any of the browsers he later signed in from. */
	public Optional<Instant> firstVisit(TenantId tenant, ContactId debtor) {
		return jdbc.sql("""
				select min(at) from cabinet_funnel where tenant_id = ? and step = 'VISIT' and visitor in (
				    select visitor from cabinet_activity where tenant_id = ? and contact_id = ?)""")
			.params(tenant.value(), tenant.value(), debtor.value())
			.query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	private void record(TenantId tenant, UUID visitor, ContactId debtor, FunnelStep step, UUID debt, UUID payment, Money amount,
			Instant at) {
		funnel.reached(tenant, visitor, step, at);
		jdbc.sql("""
				insert into cabinet_activity (tenant_id, contact_id, visitor, step, debt_id, payment_id, amount, at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(tenant.value(), debtor.value(), visitor, step.name(), debt, payment,
					amount == null ? null : amount.kopecks(), Timestamp.from(at))
			.update();
	}

	/**
	 * One thing the debtor did.
	 *
	 * @param debt the debt it concerned, if one
	 * @param amount the offer's sum or the payment's amount, if any
	 */
	public record Entry(FunnelStep step, Instant at, UUID debt, Money amount) {
	}

	private record Started(ContactId debtor, UUID visitor, UUID debt, Money amount) {
	}
}
