package ru.kredo.crm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.crm.internal.Bitrix24Accounts.Account;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantId;

/**
 * Outcomes that flow back from Bitrix24 ({@code docs/crm-bitrix24.md}, «Outcomes from Bitrix24»), as amoCRM's do
 * ({@link AmoCrmOutcomes}). An event names a task or deal that changed ({@link #hinted}); only those Kredo created for a
 * signal are kept, as rows due to be read back. Every {@code poll-interval} the due rows are read from the portal
 * ({@code tasks.task.get}, {@code crm.deal.get}; never believed from the event) and, when the task was completed or
 * the deal moved to a won or lost stage, the signal is closed through {@link Signals#close} — as a manager's button
 * does, {@code signal.outcome_recorded} included — with Bitrix24 as the actor in the audit log. The queue itself is
 * {@link CrmOutcomeReads}, shared with amoCRM.
 */
@Component
public class Bitrix24Outcomes extends CrmOutcomeReads implements CrmOutcomeSweeps.Source {

	/** Who the audit log names for an outcome that came from Bitrix24. */
	public static final AuditActor ACTOR = new AuditActor("crm:bitrix24", "Битрикс24");

	/** A task's status once its responsible user completed it (4 is «supposedly completed», awaiting control). */
	static final int TASK_COMPLETED = 5;

	private final Bitrix24Accounts accounts;
	private final Bitrix24Api api;

	Bitrix24Outcomes(JdbcClient jdbc, Bitrix24Accounts accounts, Bitrix24Api api, Signals signals, AuditLog audit,
			Bitrix24Properties properties, TransactionTemplate transaction, Clock clock) {
		super(new Crm(ru.kredo.crm.internal.Crm.BITRIX24, "crm_bitrix24_outcomes", "crm_bitrix24_accounts", "Bitrix24", ACTOR, "bitrix24", Bitrix24Exception.class),
				new Polling(properties.pollInterval(), properties.batchSize(), properties.maxAttempts(),
						properties.backoff()),
				jdbc, signals, audit, transaction, clock);
		this.accounts = accounts;
		this.api = api;
	}

	/**
	 * An event of {@code tenant}'s portal said this task or deal ({@code type} TASK or DEAL) changed: when Kredo created
	 * it (a Bitrix24 delivery of the tenant names it) it is due to be read back at {@code now}; any other id is ignored.
	 * Once a row has given its signal an outcome, later changes are not read. Whether the id was Kredo's.
	 */
	@Transactional
	public boolean hinted(TenantId tenant, String type, long id, Instant now) {
		return !hint(tenant, type, List.of(id), now, PUSH).isEmpty();
	}

	/** Completed tasks, then Kredo's deals won or lost: what ONTASKUPDATE and ONCRMDEALUPDATE report. */
	@Override
	public List<String> lists() {
		return List.of("TASK", "DEAL");
	}

	@Override
	public CrmOutcomeSweeps.Page changed(TenantId tenant, String list, int page, Instant from, Instant to) {
		String portal = accounts.find(tenant).filter(Account::connected)
			.orElseThrow(() -> new NotConnected("Bitrix24"))
			.portal();
		return list.equals("TASK") ? api.completedTasks(tenant, portal, from, to, page)
				: api.closedDeals(tenant, portal, from, to, page);
	}

	/** QUERY_LIMIT_EXCEEDED (the portal's bucket is full) or OPERATION_TIME_LIMIT: Bitrix24 gives no wait of its own. */
	@Override
	public Optional<Duration> rateLimited(RuntimeException failure) {
		return failure instanceof Bitrix24Exception b24 && b24.rateLimited() ? Optional.of(Duration.ZERO)
				: Optional.empty();
	}

	@Override
	public boolean crmError(RuntimeException failure) {
		return failure instanceof Bitrix24Exception;
	}

	@Override
	Optional<Outcome> said(Due row) {
		String portal = accounts.find(row.tenantId()).filter(Account::connected)
			.orElseThrow(() -> new NotConnected("Bitrix24"))
			.portal();
		return row.entityType().equals("TASK")
				? api.task(row.tenantId(), portal, row.entityId()).flatMap(task -> ofTask(task.status()))
				: api.deal(row.tenantId(), portal, row.entityId()).flatMap(deal -> ofDeal(deal.stageSemantics()));
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
}
