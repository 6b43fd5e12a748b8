package ru.kredo.crm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
public class AmoCrmOutcomes extends CrmOutcomeReads implements CrmOutcomeSweeps.Source {

	/** Who the audit log names for an outcome that came from amoCRM. */
	public static final AuditActor ACTOR = new AuditActor("crm:amocrm", "amoCRM");

	private final AmoCrmAccounts accounts;
	private final AmoCrmApi api;

	AmoCrmOutcomes(JdbcClient jdbc, AmoCrmAccounts accounts, AmoCrmApi api, Signals signals, AuditLog audit,
			AmoCrmProperties properties, TransactionTemplate transaction, Clock clock) {
		super(new Crm(ru.kredo.crm.internal.Crm.AMOCRM, "crm_amocrm_outcomes", "crm_amocrm_accounts", "amoCRM", ACTOR, "amocrm", AmoCrmException.class),
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

	/** Completed tasks, then leads won or lost: what amoCRM's webhook reports as update_task and status_lead. */
	@Override
	public List<String> lists() {
		return List.of("TASK", "LEAD");
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
