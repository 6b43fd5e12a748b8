package ru.kredo.crm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import ru.kredo.crm.internal.Bitrix24Accounts.Account;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalId;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantId;

/**
 * Outcomes that flow back from Bitrix24 ({@code docs/crm-bitrix24.md}, «Outcomes from Bitrix24»), as amoCRM's do
 * ({@link AmoCrmOutcomes}). An event names a task or deal that changed ({@link #hinted}); only those Kredo created for a
 * signal are kept, as rows due to be read back. Every {@code poll-interval} the due rows are read from the portal
 * ({@code tasks.task.get}, {@code crm.deal.get}; never believed from the event) and, when the task was completed or
 * the deal moved to a won or lost stage, the signal is closed through {@link Signals#close} — as a manager's button
 * does, {@code signal.outcome_recorded} included — with Bitrix24 as the actor in the audit log. A failed read is tried
 * again after {@code backoff}, doubling, up to {@code max-attempts}.
 */
@Component
public class Bitrix24Outcomes implements SchedulingConfigurer {

	/** Who the audit log names for an outcome that came from Bitrix24. */
	public static final AuditActor ACTOR = new AuditActor("crm:bitrix24", "Битрикс24");

	/** A task's status once its responsible user completed it (4 is «supposedly completed», awaiting control). */
	static final int TASK_COMPLETED = 5;

	static final Duration LEASE = Duration.ofMinutes(3);

	private static final Logger log = LoggerFactory.getLogger(Bitrix24Outcomes.class);

	/** A row due to be read back. */
	record Due(TenantId tenantId, String entityType, long entityId, UUID signalId, int attempts) {
	}

	private final JdbcClient jdbc;
	private final Bitrix24Accounts accounts;
	private final Bitrix24Api api;
	private final Signals signals;
	private final AuditLog audit;
	private final Bitrix24Properties properties;
	private final TransactionTemplate transaction;
	private final Clock clock;

	Bitrix24Outcomes(JdbcClient jdbc, Bitrix24Accounts accounts, Bitrix24Api api, Signals signals, AuditLog audit,
			Bitrix24Properties properties, TransactionTemplate transaction, Clock clock) {
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
			log.error("reading outcomes back from Bitrix24 failed; will try again at the next poll", ex);
		}
	}

	/**
	 * An event of {@code tenant}'s portal said this task or deal ({@code type} TASK or DEAL) changed: when Kredo created
	 * it (a Bitrix24 delivery of the tenant names it) it is due to be read back at {@code now}; any other id is ignored.
	 * Once a row has given its signal an outcome, later changes are not read. Whether the id was Kredo's.
	 */
	@Transactional
	public boolean hinted(TenantId tenant, String type, long id, Instant now) {
		return jdbc.sql("""
				insert into crm_bitrix24_outcomes (tenant_id, entity_type, entity_id, signal_id, due_at, updated_at)
				select d.tenant_id, d.action, d.amo_entity_id, d.signal_id, ?, ?
				from crm_amocrm_deliveries d
				where d.tenant_id = ? and d.crm = 'BITRIX24' and d.action = ? and d.amo_entity_id = ?
				    and d.status = 'DONE'
				order by d.created_at desc limit 1
				on conflict (tenant_id, entity_type, entity_id) do update
				set due_at = excluded.due_at, attempts = 0, updated_at = excluded.updated_at
				where crm_bitrix24_outcomes.result is null""")
			.params(Timestamp.from(now), Timestamp.from(now), tenant.value(), type, id)
			.update() > 0;
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
					select tenant_id, entity_type, entity_id, signal_id, attempts from crm_bitrix24_outcomes
					where due_at <= ? order by due_at limit ? for update skip locked""")
				.params(Timestamp.from(now), properties.batchSize())
				.query((row, n) -> new Due(new TenantId(row.getObject(1, UUID.class)), row.getString(2), row.getLong(3),
						row.getObject(4, UUID.class), row.getInt(5)))
				.list();
			rows.forEach(row -> jdbc.sql("""
					update crm_bitrix24_outcomes set due_at = ? where tenant_id = ? and entity_type = ? and entity_id = ?""")
				.params(Timestamp.from(now.plus(LEASE)), row.tenantId().value(), row.entityType(), row.entityId())
				.update());
			return rows;
		});
	}

	private void read(Due row, Instant now) {
		try {
			Optional<Account> account = accounts.find(row.tenantId()).filter(Account::connected);
			if (account.isEmpty()) {
				finish(row, null, "Bitrix24 is not connected", now);
				return;
			}
			String portal = account.get().portal();
			Optional<Outcome> said = row.entityType().equals("TASK")
					? api.task(row.tenantId(), portal, row.entityId()).flatMap(task -> ofTask(task.status()))
					: api.deal(row.tenantId(), portal, row.entityId()).flatMap(deal -> ofDeal(deal.stageSemantics()));
			if (said.isEmpty()) {
				finish(row, null, null, now);
				return;
			}
			finish(row, record(row, said.get()), null, now);
		}
		catch (Bitrix24Exception ex) {
			failed(row, ex.getMessage(), now);
		}
		catch (RuntimeException ex) {
			log.error("reading Bitrix24 {} {} back failed", row.entityType(), row.entityId(), ex);
			failed(row, ex.getClass().getSimpleName(), now);
		}
	}

	/** A task completed says the manager reached the person; any other status says nothing yet. */
	static Optional<Outcome> ofTask(int status) {
		return status == TASK_COMPLETED ? Optional.of(Outcome.REACHED) : Optional.empty();
	}

	/** A deal in a won stage (semantics S) is {@link Outcome#DEAL}, in a lost one (F) {@link Outcome#NOT_INTERESTED}. */
	static Optional<Outcome> ofDeal(String semantics) {
		return switch (semantics) {
			case "S" -> Optional.of(Outcome.DEAL);
			case "F" -> Optional.of(Outcome.NOT_INTERESTED);
			default -> Optional.empty();
		};
	}

	/** Closes the signal, as a manager would, and audits it as Bitrix24's doing; what the row's result says. */
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
						outcome.get().name() + ";bitrix24-" + row.entityType().toLowerCase(java.util.Locale.ROOT) + ":"
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
				update crm_bitrix24_outcomes set due_at = null, result = ?, last_error = ?, updated_at = ?
				where tenant_id = ? and entity_type = ? and entity_id = ?""")
			.params(result, error, Timestamp.from(now), row.tenantId().value(), row.entityType(), row.entityId())
			.update();
	}

	private void failed(Due row, String error, Instant now) {
		int attempts = row.attempts() + 1;
		Instant next = attempts >= properties.maxAttempts() ? null
				: now.plus(properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
		log.warn("reading Bitrix24 {} {} back failed ({}); {}", row.entityType(), row.entityId(), error,
				next == null ? "giving up" : "next at " + next);
		jdbc.sql("""
				update crm_bitrix24_outcomes set due_at = ?, attempts = ?, last_error = ?, updated_at = ?
				where tenant_id = ? and entity_type = ? and entity_id = ?""")
			.params(next == null ? null : Timestamp.from(next), attempts,
					error == null ? null : error.substring(0, Math.min(300, error.length())), Timestamp.from(now),
					row.tenantId().value(), row.entityType(), row.entityId())
			.update();
	}
}
