package ru.kredo.crm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.crm.internal.AmoCrmAccounts.Account;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalId;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantId;

/**
 * Outcomes that flow back from amoCRM ({@code docs/crm-amocrm.md}, «Outcomes from amoCRM»). A webhook names tasks and
 * leads that changed ({@link #hinted}); only those Kredo created for a signal are kept, as rows due to be read back.
 * Every {@code poll-interval} the due rows are read from amoCRM (never believed from the webhook) and, when the task
 * was completed or the lead won or lost, the signal is closed through {@link Signals#close} — as a manager's button
 * does, {@code signal.outcome_recorded} included — with amoCRM as the actor in the audit log. A failed read is tried
 * again after {@code backoff}, doubling, up to {@code max-attempts}.
 */
@Component
public class AmoCrmOutcomes implements SchedulingConfigurer {

	/** Who the audit log names for an outcome that came from amoCRM. */
	public static final AuditActor ACTOR = new AuditActor("crm:amocrm", "amoCRM");

	static final Duration LEASE = Duration.ofMinutes(3);

	private static final Logger log = LoggerFactory.getLogger(AmoCrmOutcomes.class);

	/** A row due to be read back. */
	record Due(TenantId tenantId, String entityType, long entityId, UUID signalId, int attempts) {
	}

	private final JdbcClient jdbc;
	private final AmoCrmAccounts accounts;
	private final AmoCrmApi api;
	private final Signals signals;
	private final AuditLog audit;
	private final AmoCrmProperties properties;
	private final TransactionTemplate transaction;
	private final Clock clock;

	AmoCrmOutcomes(JdbcClient jdbc, AmoCrmAccounts accounts, AmoCrmApi api, Signals signals, AuditLog audit,
			AmoCrmProperties properties, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.api = api;
		this.signals = signals;
		this.audit = audit;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.pollInterval(), properties.pollInterval()));
	}

	void poll() {
		try {
			readDue(clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("reading outcomes back from amoCRM failed; will try again at the next poll", ex);
		}
	}

	/**
	 * A webhook of {@code tenant} said these tasks and leads changed: those Kredo created (its deliveries of the tenant
	 * name them) are due to be read back at {@code now}; any other id is ignored. Once a row has given its signal an
	 * outcome, later changes are not read. Returns how many of the ids were Kredo's.
	 */
	@Transactional
	public int hinted(TenantId tenant, Collection<Long> tasks, Collection<Long> leads, Instant now) {
		return hint(tenant, "TASK", tasks, now) + hint(tenant, "LEAD", leads, now);
	}

	private int hint(TenantId tenant, String type, Collection<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				insert into crm_amocrm_outcomes (tenant_id, entity_type, entity_id, signal_id, due_at, updated_at)
				select distinct on (d.amo_entity_id) d.tenant_id, d.action, d.amo_entity_id, d.signal_id, ?, ?
				from crm_amocrm_deliveries d
				where d.tenant_id = ? and d.crm = 'AMOCRM' and d.action = ? and d.amo_entity_id = any(?)
				    and d.status = 'DONE'
				order by d.amo_entity_id, d.created_at desc
				on conflict (tenant_id, entity_type, entity_id) do update
				set due_at = excluded.due_at, attempts = 0, updated_at = excluded.updated_at
				where crm_amocrm_outcomes.result is null""")
			.params(Timestamp.from(now), Timestamp.from(now), tenant.value(), type, ids.toArray(Long[]::new))
			.update();
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
					select tenant_id, entity_type, entity_id, signal_id, attempts from crm_amocrm_outcomes
					where due_at <= ? order by due_at limit ? for update skip locked""")
				.params(Timestamp.from(now), properties.batchSize())
				.query((row, n) -> new Due(new TenantId(row.getObject(1, UUID.class)), row.getString(2), row.getLong(3),
						row.getObject(4, UUID.class), row.getInt(5)))
				.list();
			rows.forEach(row -> jdbc.sql("""
					update crm_amocrm_outcomes set due_at = ? where tenant_id = ? and entity_type = ? and entity_id = ?""")
				.params(Timestamp.from(now.plus(LEASE)), row.tenantId().value(), row.entityType(), row.entityId())
				.update());
			return rows;
		});
	}

	private void read(Due row, Instant now) {
		try {
			Optional<Account> account = accounts.find(row.tenantId()).filter(Account::connected);
			if (account.isEmpty()) {
				finish(row, null, "amoCRM is not connected", now);
				return;
			}
			String subdomain = account.get().subdomain();
			Optional<Outcome> said = row.entityType().equals("TASK")
					? api.task(row.tenantId(), subdomain, row.entityId())
						.flatMap(task -> AmoCrmOutcomeMapping.ofTask(task.completed(), task.result()))
					: api.lead(row.tenantId(), subdomain, row.entityId())
						.flatMap(lead -> AmoCrmOutcomeMapping.ofLeadStatus(lead.statusId()));
			if (said.isEmpty()) {
				finish(row, null, null, now);
				return;
			}
			finish(row, record(row, said.get()), null, now);
		}
		catch (AmoCrmException ex) {
			failed(row, ex.getMessage(), now);
		}
		catch (RuntimeException ex) {
			log.error("reading amoCRM {} {} back failed", row.entityType(), row.entityId(), ex);
			failed(row, ex.getClass().getSimpleName(), now);
		}
	}

	/** Closes the signal, as a manager would, and audits it as amoCRM's doing; what the row's result says. */
	private String record(Due row, Outcome said) {
		SignalId id = new SignalId(row.signalId());
		try {
			return transaction.execute(status -> {
				Signal signal = signals.get(row.tenantId(), id);
				if (signal.status() == SignalStatus.CLOSED) {
					return "ALREADY_CLOSED";
				}
				Optional<Outcome> outcome = AmoCrmOutcomeMapping.allowed(said, signals.outcomes(row.tenantId(), signal));
				if (outcome.isEmpty()) {
					return "NOT_ALLOWED";
				}
				signals.close(row.tenantId(), id, outcome.get(), null);
				audit.record(row.tenantId(), ACTOR, AuditAction.SIGNAL_CLOSED, "signal", id.value(),
						outcome.get().name() + ";amocrm-" + row.entityType().toLowerCase(java.util.Locale.ROOT) + ":"
								+ row.entityId());
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
				update crm_amocrm_outcomes set due_at = null, result = ?, last_error = ?, updated_at = ?
				where tenant_id = ? and entity_type = ? and entity_id = ?""")
			.params(result, error, Timestamp.from(now), row.tenantId().value(), row.entityType(), row.entityId())
			.update();
	}

	private void failed(Due row, String error, Instant now) {
		int attempts = row.attempts() + 1;
		Instant next = attempts >= properties.maxAttempts() ? null
				: now.plus(properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
		log.warn("reading amoCRM {} {} back failed ({}); {}", row.entityType(), row.entityId(), error,
				next == null ? "giving up" : "next at " + next);
		jdbc.sql("""
				update crm_amocrm_outcomes set due_at = ?, attempts = ?, last_error = ?, updated_at = ?
				where tenant_id = ? and entity_type = ? and entity_id = ?""")
			.params(next == null ? null : Timestamp.from(next), attempts,
					error == null ? null : error.substring(0, Math.min(300, error.length())), Timestamp.from(now),
					row.tenantId().value(), row.entityType(), row.entityId())
			.update();
	}
}
