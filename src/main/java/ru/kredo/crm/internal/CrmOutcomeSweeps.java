package ru.kredo.crm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import ru.kredo.tenancy.TenantId;

/**
 * Recovers the outcomes a CRM's push never brought ({@code docs/crm-amocrm.md}, {@code docs/crm-bitrix24.md},
 * «Outcomes the push missed»): Kredo was down, restarting or unreachable when amoCRM posted its webhook or Bitrix24 its
 * event, and the CRM gave up. Every {@code kredo.crm.sweep.interval} (and {@code first-delay} after Kredo starts),
 * under a ShedLock lease so one node at a time, each connected tenant's CRM is asked, list by list ({@link Source}),
 * what it changed between the tenant's watermark and now; the entities Kredo created among them are queued in the same
 * queue the pushes fill ({@link CrmOutcomeReads}, as {@code SWEEP}), which reads each back and closes its signal
 * once: a push's outcome already recorded is never counted again. The watermark and the page reached are stored after
 * every page, so a restart resumes; the first run after connecting starts at the connection's time. A tenant's 429,
 * 5xx, refused token or vanished portal is shown on its page and backed off; the other tenants are swept regardless.
 */
@Component
public class CrmOutcomeSweeps {

	/** One page of a CRM's list: the ids whose state says how a signal ended, and whether more pages follow. */
	public record Page(List<Long> ids, boolean more) {
	}

	/** A tenant connected to the CRM, and since when. */
	record Connection(TenantId tenant, Instant since) {
	}

	/** What one CRM gives the sweep. */
	interface Source {

		Crm crm();

		/** The queue's table ({@code crm_amocrm_outcomes}…), to count what the sweep recovered. */
		String table();

		/** The lists read in turn (their names are the queue's entity types: TASK, LEAD, DEAL). */
		List<String> lists();

		List<Connection> connected();

		/** One page ({@code page} from 0) of the list's entities changed between {@code from} and {@code to}. */
		Page changed(TenantId tenant, String list, int page, Instant from, Instant to);

		/** Queues those of the ids Kredo created for the tenant, as the sweep's; how many rows were queued. */
		int queue(TenantId tenant, String list, List<Long> ids, Instant now);

		/**
		 * When the failure is the CRM's «too many requests»: how long it asked to wait ({@link Duration#ZERO} when it
		 * did not say); empty for any other failure.
		 */
		Optional<Duration> rateLimited(RuntimeException failure);

		/** Whether the failure is the CRM's answer (or its absence), not a defect of Kredo's. */
		boolean crmError(RuntimeException failure);
	}

	/** How far one tenant's sweep of one CRM has got, and how its last run went. */
	public record State(Instant sweptTo, Instant windowTo, String list, int page, Instant lastRunAt, int lastFound,
			String lastError, int failures, Instant nextRunAt, long recovered) {
	}

	/** The most pages one run reads per tenant; the rest is read by the next run, from where this one stopped. */
	static final int PAGES_PER_RUN = 20;

	/** The longest a failing tenant waits between two tries. */
	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(CrmOutcomeSweeps.class);

	private final List<Source> sources;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration overlap;
	private final Duration backoff;
	private final Duration rateLimitBackoff;

	CrmOutcomeSweeps(List<Source> sources, JdbcClient jdbc, Clock clock,
			@Value("${kredo.crm.sweep.overlap:5m}") Duration overlap,
			@Value("${kredo.crm.sweep.backoff:1m}") Duration backoff,
			@Value("${kredo.crm.sweep.rate-limit-backoff:10s}") Duration rateLimitBackoff) {
		this.sources = sources;
		this.jdbc = jdbc;
		this.clock = clock;
		this.overlap = overlap;
		this.backoff = backoff;
		this.rateLimitBackoff = rateLimitBackoff;
	}

	/** One round, on one node at a time: every connected tenant of every CRM. */
	@Scheduled(initialDelayString = "${kredo.crm.sweep.first-delay:1m}", fixedDelayString = "${kredo.crm.sweep.interval:15m}")
	@SchedulerLock(name = "crm-outcome-sweep", lockAtMostFor = "PT30M")
	public void sweep() {
		try {
			sweepAll(clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("sweeping the CRMs for missed outcomes failed; will try again at the next round", ex);
		}
	}

	/**
	 * Sweeps every connected tenant of every CRM at {@code now} (tests pass their own): tenants in parallel, each on a
	 * virtual thread (a CRM's pace is per account), one tenant's failure kept to its own row. Returns how many
	 * entities were queued to be read back.
	 */
	public int sweepAll(Instant now) {
		java.util.concurrent.atomic.AtomicInteger found = new java.util.concurrent.atomic.AtomicInteger();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Source source : sources) {
				for (Connection connection : source.connected()) {
					threads.submit(() -> {
						try {
							found.addAndGet(sweep(source, connection, now));
						}
						catch (RuntimeException ex) {
							log.error("sweeping {} of tenant {} failed", source.crm(), connection.tenant(), ex);
						}
					});
				}
			}
		}
		return found.get();
	}

	/** Sweeps one tenant's CRM at {@code now}, if it is connected and not backing off; how many were queued. */
	public int sweep(Crm crm, TenantId tenant, Instant now) {
		Source source = source(crm);
		return source.connected().stream().filter(c -> c.tenant().equals(tenant)).findFirst()
			.map(connection -> sweep(source, connection, now)).orElse(0);
	}

	/** How far the tenant's sweep of the CRM has got and what it recovered; empty before its first run. */
	public Optional<State> state(Crm crm, TenantId tenant) {
		long recovered = jdbc.sql("""
				select count(*) from %s where tenant_id = ? and via = 'SWEEP' and result is not null
				    and result <> all(?)""".formatted(source(crm).table()))
			.params(tenant.value(), CrmOutcomeReads.NO_OUTCOME.toArray(String[]::new))
			.query(Long.class).single();
		return jdbc.sql("""
				select swept_to, window_to, list, page, last_run_at, last_found, last_error, failures, next_run_at
				from crm_outcome_sweeps where tenant_id = ? and crm = ?""")
			.params(tenant.value(), crm.name())
			.query((row, n) -> new State(instant(row.getTimestamp(1)), instant(row.getTimestamp(2)), row.getString(3),
					row.getInt(4), instant(row.getTimestamp(5)), row.getInt(6), row.getString(7), row.getInt(8),
					instant(row.getTimestamp(9)), recovered))
			.optional();
	}

	private int sweep(Source source, Connection connection, Instant now) {
		TenantId tenant = connection.tenant();
		Crm crm = source.crm();
		Optional<State> stored = state(crm, tenant);
		if (stored.isPresent() && stored.get().nextRunAt() != null && now.isBefore(stored.get().nextRunAt())) {
			return 0;
		}
		// Everything before the watermark was read; the first run after connecting (again) starts at the connection.
		Instant sweptTo = stored.map(State::sweptTo).filter(at -> !at.isBefore(connection.since()))
			.orElse(connection.since());
		boolean resuming = stored.isPresent() && stored.get().windowTo() != null
				&& stored.get().windowTo().isAfter(sweptTo) && stored.get().list() != null
				&& source.lists().contains(stored.get().list());
		Instant windowTo = resuming ? stored.get().windowTo() : now;
		Instant from = sweptTo.minus(overlap).isBefore(connection.since()) ? connection.since() : sweptTo.minus(overlap);
		int list = resuming ? source.lists().indexOf(stored.get().list()) : 0;
		// A page read again on resuming: an entity changed since the window's end has left the list, moving the ones
		// after it up a place, possibly onto the page already read.
		int page = resuming ? Math.max(0, stored.get().page() - 1) : 0;
		int found = 0;
		try {
			for (int pages = 0; list < source.lists().size(); pages++) {
				if (pages >= PAGES_PER_RUN) {
					save(tenant, crm, sweptTo, windowTo, source.lists().get(list), page, now, found, null, 0, null);
					return found;
				}
				String name = source.lists().get(list);
				Page read = source.changed(tenant, name, page, from, windowTo);
				found += source.queue(tenant, name, read.ids(), now);
				if (read.more()) {
					page++;
				}
				else {
					list++;
					page = 0;
				}
				if (list < source.lists().size()) {
					save(tenant, crm, sweptTo, windowTo, source.lists().get(list), page, null, found, null, 0, null);
				}
			}
			save(tenant, crm, windowTo, null, null, 0, now, found, null, 0, null);
			if (found > 0) {
				log.info("sweeping {} of tenant {} found {} outcomes the push missed", crm, tenant, found);
			}
			return found;
		}
		catch (CrmOutcomeReads.NotConnected gone) {
			return found;
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (!source.crmError(ex)) {
				// An answer Kredo could not use (not JSON, another shape): shown on the page as well, and logged whole.
				log.error("sweeping {} of tenant {} failed", crm, tenant, ex);
			}
			int failures = stored.map(State::failures).orElse(0) + 1;
			Optional<Duration> limited = source.rateLimited(ex);
			Duration wait = limited.isPresent()
					? limited.get().isZero() ? doubled(rateLimitBackoff, failures) : limited.get()
					: doubled(backoff, failures);
			log.warn("sweeping {} of tenant {} failed ({}); next try at {}", crm, tenant, ex.getMessage(), now.plus(wait));
			save(tenant, crm, sweptTo, windowTo, source.lists().get(list), page, now, found,
					ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), failures, now.plus(wait));
			return found;
		}
	}

	private static Duration doubled(Duration first, int failures) {
		Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 20));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	// lastRunAt null: a page of a run still going (the run's time and count are written when it ends or stops).
	private void save(TenantId tenant, Crm crm, Instant sweptTo, Instant windowTo, String list, int page,
			Instant lastRunAt, int found, String error, int failures, Instant nextRunAt) {
		jdbc.sql("""
				insert into crm_outcome_sweeps (tenant_id, crm, swept_to, window_to, list, page, last_run_at, last_found,
				    last_error, failures, next_run_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
				on conflict (tenant_id, crm) do update set swept_to = excluded.swept_to, window_to = excluded.window_to,
				    list = excluded.list, page = excluded.page,
				    last_run_at = coalesce(excluded.last_run_at, crm_outcome_sweeps.last_run_at),
				    last_found = case when excluded.last_run_at is null then crm_outcome_sweeps.last_found
				        else excluded.last_found end,
				    last_error = case when excluded.last_run_at is null then crm_outcome_sweeps.last_error
				        else excluded.last_error end,
				    failures = excluded.failures, next_run_at = excluded.next_run_at, updated_at = now()""")
			.params(tenant.value(), crm.name(), timestamp(sweptTo), timestamp(windowTo), list, page,
					timestamp(lastRunAt), found,
					error == null ? null : error.substring(0, Math.min(300, error.length())), failures,
					timestamp(nextRunAt))
			.update();
	}

	private Source source(Crm crm) {
		return sources.stream().filter(s -> s.crm() == crm).findFirst().orElseThrow();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}
}
