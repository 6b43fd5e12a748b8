package ru.kredo.crm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.crm.internal.AmoCrmAccounts.Account;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantId;

/**
 * Outcomes that flow back from amoCRM ({@code docs/crm-amocrm.md}, «Outcomes from amoCRM»). A webhook names tasks and
 * leads that changed ({@link #hinted}); only those Kredo created for a signal are kept, as rows due to be read back.
 * The rows are read from amoCRM (never believed from the webhook) and, when the task was completed or the lead won or
 * lost, the signal is closed with amoCRM as the actor in the audit log ({@link CrmOutcomeReads}, shared with Bitrix24).
 */
@Component
public class AmoCrmOutcomes extends CrmOutcomeReads implements CrmOutcomeSweeps.Source {

	/** Who the audit log names for an outcome that came from amoCRM. */
	public static final AuditActor ACTOR = new AuditActor("crm:amocrm", "amoCRM");

	private final AmoCrmAccounts accounts;
	private final AmoCrmApi api;

	AmoCrmOutcomes(JdbcClient jdbc, AmoCrmAccounts accounts, AmoCrmApi api, Signals signals, AuditLog audit,
			AmoCrmProperties properties, TransactionTemplate transaction, Clock clock) {
		super(new Crm("crm_amocrm_outcomes", "amoCRM", ACTOR, "amocrm", AmoCrmException.class),
				new Polling(properties.pollInterval(), properties.batchSize(), properties.maxAttempts(),
						properties.backoff()),
				jdbc, signals, audit, transaction, clock);
		this.accounts = accounts;
		this.api = api;
	}

	@Transactional
	public int hinted(TenantId tenant, Collection<Long> tasks, Collection<Long> leads, Instant now) {
		return hint(tenant, "TASK", tasks, now, PUSH).size() + hint(tenant, "LEAD", leads, now, PUSH).size();
	}

	/** Queues those of the ids Kredo created for the tenant; who each queued row is now marked as queued by. */
	List<String> hint(TenantId tenant, String type, Collection<Long> ids, Instant now, String via) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				insert into crm_amocrm_outcomes (tenant_id, entity_type, entity_id, signal_id, due_at, updated_at, via)
				select distinct on (d.amo_entity_id) d.tenant_id, d.action, d.amo_entity_id, d.signal_id, ?, ?, ?
				from crm_amocrm_deliveries d
				where d.tenant_id = ? and d.crm = 'AMOCRM' and d.action = ? and d.amo_entity_id = any(?)
				    and d.status = 'DONE'
				order by d.amo_entity_id, d.created_at desc
				on conflict (tenant_id, entity_type, entity_id) do update
				""" + HINTED.formatted("crm_amocrm_outcomes") + " returning via")
			.params(Timestamp.from(now), Timestamp.from(now), via, tenant.value(), type, ids.toArray(Long[]::new))
			.query(String.class).list();
	}

	@Override
	public ru.kredo.crm.internal.Crm crm() {
		return ru.kredo.crm.internal.Crm.AMOCRM;
	}

	@Override
	public String table() {
		return "crm_amocrm_outcomes";
	}

	/** Completed tasks, then leads won or lost: what amoCRM's webhook reports as update_task and status_lead. */
	@Override
	public List<String> lists() {
		return List.of("TASK", "LEAD");
	}

	@Override
	public List<CrmOutcomeSweeps.Connection> connected() {
		return jdbc.sql("""
				select tenant_id, connected_at from crm_amocrm_accounts
				where refresh_token_sealed is not null and connected_at is not null order by connected_at""")
			.query((row, n) -> new CrmOutcomeSweeps.Connection(new TenantId(row.getObject(1, UUID.class)),
					row.getTimestamp(2).toInstant()))
			.list();
	}

	@Override
	public CrmOutcomeSweeps.Page changed(TenantId tenant, String list, int page, Instant from, Instant to) {
		String subdomain = accounts.find(tenant).filter(Account::connected)
			.orElseThrow(() -> new NotConnected("amoCRM"))
			.subdomain();
		return list.equals("TASK") ? api.completedTasks(tenant, subdomain, from, to, page)
				: api.closedLeads(tenant, subdomain, from, to, page);
	}

	@Override
	public int queue(TenantId tenant, String list, List<Long> ids, Instant now) {
		return (int) hint(tenant, list, ids, now, SWEEP).stream().filter(SWEEP::equals).count();
	}

	@Override
	public Optional<Duration> rateLimited(RuntimeException failure) {
		return failure instanceof AmoCrmException amo && amo.rateLimited()
				? Optional.of(amo.retryAfter() == null ? Duration.ZERO : amo.retryAfter())
				: Optional.empty();
	}

	@Override
	public boolean crmError(RuntimeException failure) {
		return failure instanceof AmoCrmException;
	}

	@Override
	Optional<Outcome> said(Due row) {
		String subdomain = accounts.find(row.tenantId()).filter(Account::connected)
			.orElseThrow(() -> new NotConnected("amoCRM"))
			.subdomain();
		return row.entityType().equals("TASK")
				? api.task(row.tenantId(), subdomain, row.entityId())
					.flatMap(task -> AmoCrmOutcomeMapping.ofTask(task.completed(), task.result()))
				: api.lead(row.tenantId(), subdomain, row.entityId())
					.flatMap(lead -> AmoCrmOutcomeMapping.ofLeadStatus(lead.statusId()));
	}
}
