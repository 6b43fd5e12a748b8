package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantClockMoved;
import ru.kredo.tenancy.TenantId;

/**
 * The held messages' queue (docs/contact-rules.md «Queue»): every {@code kredo.contacting.queue-delay}, the HELD rows
 * due by their tenant's now (a sandbox's test clock counts) are claimed {@code for update skip locked}, at most
 * {@code kredo.contacting.queue-batch} a transaction, so several nodes share the queue and none sends a row twice. Each
 * is asked of the rules again under its debtor's lock (batch rows in debtor order, so two nodes never wait on each
 * other): a bar marked meanwhile refuses it, a limit filled meanwhile holds it again, a moment past its
 * {@code not_after} drops it as stale; otherwise it is sent after the batch commits. A sandbox's clock moving drains
 * its queue at once.
 */
@Component
class HeldMessages {

	private static final Logger log = LoggerFactory.getLogger(HeldMessages.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Contacting gate;
	private final PersonalData personalData;
	private final Clock clock;
	private final int batch;

	HeldMessages(JdbcClient jdbc, TransactionTemplate transactions, Contacting gate, PersonalData personalData,
			Clock clock, @Value("${kredo.contacting.queue-batch:20}") int batch) {
		if (batch < 1) {
			throw new IllegalArgumentException("kredo.contacting.queue-batch must be 1 or more: " + batch);
		}
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.gate = gate;
		this.personalData = personalData;
		this.clock = clock;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${kredo.contacting.queue-delay:1m}",
			initialDelayString = "${kredo.contacting.queue-delay:1m}")
	void scheduled() {
		try {
			drain(null, clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("The held messages' queue stopped; the next run goes on", ex);
		}
	}

	/** A sandbox's clock moved: what its new now makes due goes at once (docs/sandbox.md). */
	@EventListener
	void on(TenantClockMoved moved) {
		drain(moved.tenantId(), clock.instant());
	}

	/**
	 * Asks the rules again about every held message due by {@code systemNow} (moved by its tenant's test clock), of
	 * {@code only} that tenant when given; how many rows were claimed.
	 */
	int drain(TenantId only, Instant systemNow) {
		int claimed = 0;
		while (true) {
			Integer done = transactions.execute(status -> batch(only, systemNow));
			if (done == null || done == 0) {
				return claimed;
			}
			claimed += done;
		}
	}

	private record Held(UUID id, TenantId tenant, ContactId debtor, DebtId debt, Channel channel, Initiative initiative,
			String purpose, byte[] address, byte[] body, Instant notAfter, int daysAhead, Recipient recipient) {
	}

	private int batch(TenantId only, Instant systemNow) {
		List<Held> rows = jdbc.sql("""
				select a.id, a.tenant_id, a.contact_id, a.debt_id, a.channel, a.initiative, a.purpose, a.address, a.body,
				       a.not_after, t.clock_offset_days, a.recipient
				from contact_attempts a join tenants t on t.id = a.tenant_id
				where a.state = 'HELD' and a.due_at <= cast(? as timestamptz) + make_interval(days => t.clock_offset_days)
				  and (cast(? as uuid) is null or a.tenant_id = ?)
				order by a.tenant_id, a.contact_id, a.due_at
				limit ?
				for update of a skip locked""")
			.params(Timestamp.from(systemNow), only == null ? null : only.value(), only == null ? null : only.value(),
					batch)
			.query((row, n) -> new Held(row.getObject("id", UUID.class),
					new TenantId(row.getObject("tenant_id", UUID.class)),
					new ContactId(row.getObject("contact_id", UUID.class)),
					row.getObject("debt_id", UUID.class) == null ? null : new DebtId(row.getObject("debt_id", UUID.class)),
					Channel.valueOf(row.getString("channel")), Initiative.valueOf(row.getString("initiative")),
					row.getString("purpose"), row.getBytes("address"), row.getBytes("body"),
					row.getTimestamp("not_after") == null ? null : row.getTimestamp("not_after").toInstant(),
					row.getInt("clock_offset_days"), Recipient.valueOf(row.getString("recipient"))))
			.list();
		List<Runnable> sends = new ArrayList<>();
		AgencyWordings wordings = gate.batch();
		for (Held held : rows) {
			Instant now = systemNow.plus(java.time.Duration.ofDays(held.daysAhead()));
			gate.lock(held.tenant(), held.debtor());
			String text = personalData.open("contact_attempts.body", new Sealed(held.body()));
			// Asked again, it goes to whom it would go now: a representative confirmed meanwhile gets it, and once his
			// statement is withdrawn it goes back to the debtor. To the debtor as before, to the address it was held for.
			// (his own address on file is read only when the message is no longer the debtor's as it was held)
			java.util.Optional<Contacting.Route> representative = gate.toRepresentative(held.tenant(), held.debtor(),
					held.channel());
			boolean asHeld = representative.isEmpty() && held.recipient() == Recipient.DEBTOR && held.address() != null;
			Contacting.Route route = asHeld ? new Contacting.Route(Recipient.DEBTOR, held.channel(), null)
					: representative.orElseGet(() -> gate.route(held.tenant(), held.debtor(), held.channel(),
							held.initiative(), null));
			String address = asHeld ? personalData.open("contact_attempts.address", new Sealed(held.address()))
					: route.address();
			// … and by the channel it would go by now (a text to a debtor with no phone but an e-mail goes by e-mail)
			Channel channel = asHeld ? held.channel() : route.channel();
			if (!asHeld) {
				readdress(held.id(), route.recipient(), channel, address);
			}
			Reason unnamed = gate.unnamed(wordings, held.tenant(), channel, held.initiative(), text);
			Decision decision = address == null
					? (route.recipient() == Recipient.REPRESENTATIVE ? Decision.refuse(Reason.REPRESENTATIVE)
							: Decision.drop(Reason.NO_ADDRESS))
					: unnamed != null ? Decision.refuse(unnamed)
					: held.notAfter() != null && now.isAfter(held.notAfter()) ? Decision.drop(Reason.STALE)
					: gate.decide(held.tenant(), held.debtor(), channel, held.initiative(), held.debt(),
							held.notAfter(), now, route.recipient());
			switch (decision.verdict()) {
				case SEND -> {
					update(held.id(), "SENT", null, null, held.initiative() == Initiative.COLLECTION, now);
					sends.add(() -> gate.deliverAfterCommit(held.id(), held.tenant(), channel, held.purpose(),
							address, text, wordings));
				}
				case HOLD -> update(held.id(), "HELD", decision.reason(), decision.at(), false, now);
				case REFUSE -> update(held.id(), "REFUSED", decision.reason(), null, false, now);
				case DROP -> update(held.id(), "DROPPED", decision.reason(), null, false, now);
			}
		}
		sends.forEach(Runnable::run);
		return rows.size();
	}

	/** The row now goes to {@code recipient} at {@code address} (sealed; {@code null}: nowhere). */
	private void readdress(UUID id, Recipient recipient, Channel channel, String address) {
		jdbc.sql("update contact_attempts set recipient = ?, channel = ?, address = ? where id = ?")
			.params(recipient.name(), channel.name(),
					address == null ? null : personalData.seal("contact_attempts.address", address).bytes(), id)
			.update();
	}

	private void update(UUID id, String state, Reason reason, Instant dueAt, boolean counted, Instant now) {
		jdbc.sql("""
				update contact_attempts set state = ?, reason = ?, due_at = coalesce(?, due_at), counted = ?,
				    sent_at = case when ? = 'SENT' then ? else sent_at end, updated_at = ?
				where id = ?""")
			.params(state, reason == null ? null : reason.name(), dueAt == null ? null : Timestamp.from(dueAt), counted,
					state, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}
}
