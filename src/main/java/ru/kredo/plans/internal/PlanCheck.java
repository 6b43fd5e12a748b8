package ru.kredo.plans.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.plans.Plans;
import ru.kredo.tenancy.TenantClockMoved;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * Every hour ({@code kredo.plans.check-cron}, at :45), and at start: every running plan not paused is checked
 * ({@link Plans#check}) on its debtor's today — his time zone ({@code collections.DebtorZones}; the agency's,
 * {@code kredo.time-zone}, when his is unknown): an instalment is due on a day of his life, so a debtor in Vladivostok
 * is behind from his own midnight and one in Kaliningrad not before his, whatever the hour in Moscow. Behind after the
 * policy's grace days, broken after its days to repair (the debt open again with its offers). Each plan that moves does
 * so in its own transaction under its debt's lock (one with nothing due on his day is only read); running it twice, or
 * on two nodes at once, moves nothing twice (a plan is checked as it stands when its lock is had, and a plan that has
 * moved does not move again the same day), as the offers' renewal makes nothing twice. The instant is his agency's
 * ({@link TenantClocks}): a sandbox whose test clock moved is checked at its moved instant, and at once when it moves
 * ({@link TenantClockMoved}), its reminders following (docs/sandbox.md) — the zones still apply.
 */
@Component
class PlanCheck {

	private static final Logger log = LoggerFactory.getLogger(PlanCheck.class);

	private final Plans plans;
	private final TenantClocks clocks;
	private final PlanReminders reminders;
	private final BusinessCalendar calendar;

	PlanCheck(Plans plans, TenantClocks clocks, PlanReminders reminders, BusinessCalendar calendar) {
		this.plans = plans;
		this.clocks = clocks;
		this.reminders = reminders;
		this.calendar = calendar;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${kredo.plans.check-cron:0 45 * * * *}", zone = "${kredo.time-zone}")
	@SchedulerLock(name = "plan-check", lockAtMostFor = "PT50M")
	void run() {
		Map<TenantId, Instant> now = new HashMap<>();
		check(tenant -> now.computeIfAbsent(tenant, t -> clocks.clock(t).instant()), null);
	}

	/** A sandbox's test clock moved: its plans are checked at its new instant at once, and its reminders sent. */
	@EventListener
	void on(TenantClockMoved moved) {
		Instant now = clocks.clock(moved.tenantId()).instant();
		check(tenant -> now, moved.tenantId());
		reminders.run(moved.tenantId(), now);
	}

	/** The check of every tenant's plans at noon of {@code today} at the agency: what a test drives. */
	int run(LocalDate today) {
		return run(today.atTime(LocalTime.NOON).atZone(calendar.agencyZone()).toInstant());
	}

	/** The check of every tenant's plans at {@code now}, each on its debtor's day then: what a test drives. */
	int run(Instant now) {
		return check(tenant -> now, null);
	}

	/** The check of the running plans (of {@code only} when given), each at the instant {@code now} says for its tenant. */
	private int check(Function<TenantId, Instant> now, TenantId only) {
		int moved = 0;
		for (Plans.RunningPlan running : plans.running()) {
			if (only != null && !only.equals(running.tenant())) {
				continue;
			}
			try {
				if (plans.check(running.tenant(), running.plan(), now.apply(running.tenant()))) {
					moved++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not check plan {} of tenant {}", running.plan(), running.tenant(), ex);
			}
		}
		if (moved > 0) {
			log.info("Plans moved by the check: {}", moved);
		}
		return moved;
	}
}
