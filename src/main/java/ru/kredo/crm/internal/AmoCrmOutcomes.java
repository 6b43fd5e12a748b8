package ru.kredo.crm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

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
public class AmoCrmOutcomes extends CrmOutcomeReads {

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
