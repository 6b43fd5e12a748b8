package ru.kredo.crm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalId;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantId;

/**
 * What amoCRM's and Bitrix24's outcomes have in common ({@link AmoCrmOutcomes}, {@link Bitrix24Outcomes}): a queue,
 * one table per CRM, of the entities Kredo created that the CRM said have changed. Every {@code poll-interval} the due
 * rows are claimed ({@code skip locked}, leased for {@link #LEASE}: safe on N nodes), each is read back from the CRM by
 * the subclass ({@link #said}: never believed from the CRM's notice) and, when it says how the signal ended, the signal
 * is closed through {@link Signals#close} — as a manager's button does, {@code signal.outcome_recorded} included — with
 * the CRM as the actor in the audit log. A failed read is tried again after {@code backoff}, doubling, up to
 * {@code max-attempts}.
 */
abstract class CrmOutcomeReads implements SchedulingConfigurer {

	static final Duration LEASE = Duration.ofMinutes(3);

	private static final Logger log = LoggerFactory.getLogger(CrmOutcomeReads.class);

	/** A row due to be read back; {@code via} who queued it last: the CRM's push, or the sweep. */
	record Due(TenantId tenantId, String entityType, long entityId, UUID signalId, int attempts, String via) {
	}

	/** Queued by the sweep ({@link CrmOutcomeSweeps}): an outcome the CRM's push never brought. */
	static final String SWEEP = "SWEEP";

	/** Queued by the CRM's push (amoCRM's webhook, Bitrix24's event). */
	static final String PUSH = "PUSH";

	/**
	 * The upsert's tail every hint shares: a row already read to an outcome is left alone (once recorded, later changes
	 * are not read), anything else is due now; a push's hint marks the row a push's, a sweep's only a row no push has
	 * queued meanwhile.
	 */
	static final String HINTED = """
			set due_at = excluded.due_at, attempts = 0, updated_at = excluded.updated_at,
			    via = case when excluded.via = 'PUSH' or %1$s.due_at is null then excluded.via else %1$s.via end
			where %1$s.result is null""";

	/** What the table's result says when no outcome was recorded from the row. */
	static final List<String> NO_OUTCOME = List.of("ALREADY_CLOSED", "NOT_ALLOWED", "SIGNAL_GONE");

	/**
	 * Which CRM: which one ({@code kind}, as the deliveries' {@code crm} column names it), its queue's table, its
	 * accounts' table, its name in logs and errors, its actor and key in the audit log, and the exception its client
	 * throws for an answer it could not use (tried again later).
	 */
	record Crm(ru.kredo.crm.internal.Crm kind, String table, String accounts, String name, AuditActor actor,
			String auditKey, Class<? extends RuntimeException> errors) {
	}

	/** Queues those of the ids Kredo created for the tenant; who each queued row is now marked as queued by. */
	List<String> hint(TenantId tenant, String type, java.util.Collection<Long> ids, Instant now, String via) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				insert into %1$s (tenant_id, entity_type, entity_id, signal_id, due_at, updated_at, via)
				select distinct on (d.amo_entity_id) d.tenant_id, d.action, d.amo_entity_id, d.signal_id, ?, ?, ?
				from crm_amocrm_deliveries d
				where d.tenant_id = ? and d.crm = '%2$s' and d.action = ? and d.amo_entity_id = any(?)
				    and d.status = 'DONE'
				order by d.amo_entity_id, d.created_at desc
				on conflict (tenant_id, entity_type, entity_id) do update
				""".formatted(crm.table(), crm.kind().name()) + HINTED.formatted(crm.table()) + " returning via")
			.params(Timestamp.from(now), Timestamp.from(now), via, tenant.value(), type, ids.toArray(Long[]::new))
			.query(String.class).list();
	}

	/** For the sweep ({@link CrmOutcomeSweeps.Source}): which CRM. */
	public ru.kredo.crm.internal.Crm crm() {
		return crm.kind();
	}

	/** For the sweep: the queue's table. */
	public String table() {
		return crm.table();
	}

	/** For the sweep: the tenants connected to this CRM, in the order they connected. */
	public List<CrmOutcomeSweeps.Connection> connected() {
		return jdbc.sql("""
				select tenant_id, connected_at from %s
				where refresh_token_sealed is not null and connected_at is not null order by connected_at"""
			.formatted(crm.accounts()))
			.query((row, n) -> new CrmOutcomeSweeps.Connection(new TenantId(row.getObject(1, UUID.class)),
					row.getTimestamp(2).toInstant()))
			.list();
	}

	/** For the sweep: queues what it found; how many rows it queued that no push had. */
	public int queue(TenantId tenant, String list, List<Long> ids, Instant now) {
		return (int) hint(tenant, list, ids, now, SWEEP).stream().filter(SWEEP::equals).count();
	}

	/** How often the queue is read and how failures are tried again: the CRM's own settings. */
	record Polling(Duration interval, int batchSize, int maxAttempts, Duration backoff) {
	}

	/** Thrown by {@link #said} when the tenant's CRM is not connected any more: the row is finished with no outcome. */
	static final class NotConnected extends RuntimeException {

		NotConnected(String crm) {
			super(crm + " is not connected", null, false, false);
		}
	}

	protected final JdbcClient jdbc;
	private final Crm crm;
	private final Polling polling;
	private final Signals signals;
	private final AuditLog audit;
	private final TransactionTemplate transaction;
	private final Clock clock;

	CrmOutcomeReads(Crm crm, Polling polling, JdbcClient jdbc, Signals signals, AuditLog audit,
			TransactionTemplate transaction, Clock clock) {
		this.crm = crm;
		this.polling = polling;
		this.jdbc = jdbc;
		this.signals = signals;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * What the CRM says of the row's entity now: how the signal ended, or nothing yet. Throws {@link NotConnected}, or
	 * the CRM's own exception ({@link Crm#errors}) to be tried again.
	 */
	abstract Optional<Outcome> said(Due row);

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::poll, polling.interval(), polling.interval()));
	}

	void poll() {
		try {
			readDue(clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("reading outcomes back from {} failed; will try again at the next poll", crm.name(), ex);
		}
	}

	/** Reads back every row due at {@code now} (tests pass their own); returns how many were read. */
	public int readDue(Instant now) {
		List<Due> due = claim(now);
		due.forEach(row -> read(row, now));
		return due.size();
	}

	private List<Due> claim(Instant now) {
		return transaction.execute(status -> {
			List<Due> rows = jdbc.sql("""
					select tenant_id, entity_type, entity_id, signal_id, attempts, via from %s
					where due_at <= ? order by due_at limit ? for update skip locked""".formatted(crm.table()))
				.params(Timestamp.from(now), polling.batchSize())
				.query((row, n) -> new Due(new TenantId(row.getObject(1, UUID.class)), row.getString(2), row.getLong(3),
						row.getObject(4, UUID.class), row.getInt(5), row.getString(6)))
				.list();
			rows.forEach(row -> jdbc.sql("""
					update %s set due_at = ? where tenant_id = ? and entity_type = ? and entity_id = ?"""
				.formatted(crm.table()))
				.params(Timestamp.from(now.plus(LEASE)), row.tenantId().value(), row.entityType(), row.entityId())
				.update());
			return rows;
		});
	}

	private void read(Due row, Instant now) {
		try {
			Optional<Outcome> said = said(row);
			finish(row, said.isEmpty() ? null : record(row, said.get()), null, now);
		}
		catch (NotConnected gone) {
			finish(row, null, gone.getMessage(), now);
		}
		catch (RuntimeException ex) {
			if (crm.errors().isInstance(ex)) {
				failed(row, ex.getMessage(), now);
				return;
			}
			log.error("reading {} {} {} back failed", crm.name(), row.entityType(), row.entityId(), ex);
			failed(row, ex.getClass().getSimpleName(), now);
		}
	}

	/** Closes the signal, as a manager would, and audits it as the CRM's doing; what the row's result says. */
	private String record(Due row, Outcome said) {
		SignalId id = new SignalId(row.signalId());
		try {
			return transaction.execute(status -> {
				// A push's and the sweep's reads of one signal's entities may run at once (on two nodes, or a hint
				// arriving during a lease): one at a time per signal, so the second sees it closed and records nothing.
				jdbc.sql("select pg_advisory_xact_lock(?)")
					.param(id.value().getMostSignificantBits() ^ id.value().getLeastSignificantBits())
					.query(Object.class).single();
				Signal signal = signals.get(row.tenantId(), id);
				if (signal.status() == SignalStatus.CLOSED) {
					return "ALREADY_CLOSED";
				}
				Optional<Outcome> outcome = AmoCrmOutcomeMapping.allowed(said, signals.outcomes(row.tenantId(), signal));
				if (outcome.isEmpty()) {
					return "NOT_ALLOWED";
				}
				signals.close(row.tenantId(), id, outcome.get(), null);
				audit.recordAbout(row.tenantId(), crm.actor(), signal.contactId().value(), AuditAction.SIGNAL_CLOSED, "signal",
						id.value(),
						outcome.get().name() + ";" + crm.auditKey() + "-" + row.entityType().toLowerCase(Locale.ROOT) + ":"
								+ row.entityId() + (SWEEP.equals(row.via()) ? ";crm-recovered" : ""));
				return outcome.get().name();
			});
		}
		catch (Rejected closedMeanwhile) {
			return "ALREADY_CLOSED";
		}
		catch (NotFound gone) {
			return "SIGNAL_GONE";
		}
	}

	private void finish(Due row, String result, String error, Instant now) {
		jdbc.sql("""
				update %s set due_at = null, result = ?, last_error = ?, updated_at = ?
				where tenant_id = ? and entity_type = ? and entity_id = ?""".formatted(crm.table()))
			.params(result, error, Timestamp.from(now), row.tenantId().value(), row.entityType(), row.entityId())
			.update();
	}

	private void failed(Due row, String error, Instant now) {
		int attempts = row.attempts() + 1;
		Instant next = attempts >= polling.maxAttempts() ? null
				: now.plus(polling.backoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
		log.warn("reading {} {} {} back failed ({}); {}", crm.name(), row.entityType(), row.entityId(), error,
				next == null ? "giving up" : "next at " + next);
		jdbc.sql("""
				update %s set due_at = ?, attempts = ?, last_error = ?, updated_at = ?
				where tenant_id = ? and entity_type = ? and entity_id = ?""".formatted(crm.table()))
			.params(next == null ? null : Timestamp.from(next), attempts,
					error == null ? null : error.substring(0, Math.min(300, error.length())), Timestamp.from(now),
					row.tenantId().value(), row.entityType(), row.entityId())
			.update();
	}
}
