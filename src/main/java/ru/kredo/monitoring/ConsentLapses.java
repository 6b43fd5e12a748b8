package ru.kredo.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import ru.kredo.tenancy.TenantClockMoved;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * Monitoring stops by itself: warns {@value #WARNING_DAYS} days before a watch's consent or period lapses, and stops
 * the watch, saying why, once it has. Runs at start and every hour, so a day's lapses are caught within the hour.
 * A sandbox whose test clock moved is also run on its own today, and at once when it moves (docs/sandbox.md): a run on
 * an earlier day than a tenant's warns and stops a subset of what its own day does, so the common run is harmless to it.
 */
@Component
public class ConsentLapses {

	public static final int WARNING_DAYS = 14;
	private static final Logger log = LoggerFactory.getLogger(ConsentLapses.class);

	private final JdbcClient jdbc;
	private final Watches watches;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	private final TenantClocks clocks;

	ConsentLapses(JdbcClient jdbc, Watches watches, Clock clock, ApplicationEventPublisher events, TenantClocks clocks) {
		this.clocks = clocks;
		this.jdbc = jdbc;
		this.watches = watches;
		this.clock = clock;
		this.events = events;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "0 5 * * * *", zone = "${kredo.time-zone}")
	@SchedulerLock(name = "consent-lapses", lockAtMostFor = "PT50M")
	public void run() {
		Result result = apply(watches.today());
		for (Map.Entry<TenantId, Integer> moved : clocks.moved().entrySet()) {
			Result own = apply(moved.getKey(), clocks.today(moved.getKey()));
			result = new Result(result.warned() + own.warned(), result.stopped() + own.stopped());
		}
		if (result.warned() + result.stopped() > 0) {
			log.info("Consent lapses: {} watches warned, {} stopped", result.warned(), result.stopped());
		}
	}

	/** A sandbox's test clock moved: its watches are warned and stopped as of its new today, at once. */
	@EventListener
	public void on(TenantClockMoved moved) {
		apply(moved.tenantId(), moved.to());
	}

	/** Warns and stops as of {@code today}; returns how many of each. */
	@Transactional
	public Result apply(LocalDate today) {
		return apply(null, today);
	}

	/** Warns and stops the watches of {@code tenant} (every tenant's when {@code null}) as of {@code today}. */
	@Transactional
	public Result apply(TenantId tenant, LocalDate today) {
		// Candidates only: consents within 6 months + the warning of their date, or periods ending soon.
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(today.plusDays(WARNING_DAYS)),
				Date.valueOf(today.plusDays(WARNING_DAYS).minusMonths(Consent.VALID_MONTHS)),
				Date.valueOf(today.plusDays(WARNING_DAYS))));
		if (tenant != null) {
			params.add(tenant.value());
		}
		List<Watch> candidates = jdbc.sql("""
				select %s from watches w where w.status = 'ACTIVE'
				and (w.ends_on <= ? or w.consent_given_on <= ? or w.contract_ends_on <= ?)""".formatted(Watches.COLUMNS)
				+ (tenant == null ? "" : " and w.tenant_id = ?"))
			.params(params)
			.query(Watches::watch)
			.list();
		int warned = 0;
		int stopped = 0;
		for (Watch watch : candidates) {
			Optional<StopReason> reason = watch.dueToStop(today);
			if (reason.isPresent()) {
				watches.stop(watch.tenantId(), watch.id(), reason.get());
				stopped++;
			}
			else if (watch.lastDay().filter(last -> !last.isAfter(today.plusDays(WARNING_DAYS))).isPresent()
					&& markWarned(watch)) {
				events.publishEvent(new ConsentExpiring(watch.tenantId(), watch.id(), watch.lastDay().get()));
				warned++;
			}
		}
		return new Result(warned, stopped);
	}

	private boolean markWarned(Watch watch) {
		return jdbc.sql("update watches set expiry_warned_at = ? where id = ? and expiry_warned_at is null")
			.params(Timestamp.from(clock.instant()), watch.id().value())
			.update() == 1;
	}

	public record Result(int warned, int stopped) {
	}
}
