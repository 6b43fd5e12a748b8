package ru.kredo.plans.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.kredo.plans.Plans;
import ru.kredo.tenancy.TenantClockMoved;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * Once a day, just after midnight in the agency's zone ({@code kredo.time-zone}, after the offers' renewal), and at
 * start: every running plan not paused is checked ({@link Plans#check}) — behind after the policy's grace days,
 * broken after its days to repair (the debt open again with its offers). Each plan in its own transaction under its
 * debt's lock; running it twice, or on two nodes at once, moves nothing twice (a plan is checked as it stands when its
 * lock is had, and a plan that has moved does not move again the same day), as the offers' renewal makes nothing twice.
 * Each plan is checked on its agency's today ({@link TenantClocks}): a sandbox whose test clock moved is checked on its
 * moved day, and at once when it moves ({@link TenantClockMoved}), its reminders following (docs/sandbox.md).
 */
@Component
class PlanCheck {

	private static final Logger log = LoggerFactory.getLogger(PlanCheck.class);

	private final Plans plans;
	private final TenantClocks clocks;
	private final PlanReminders reminders;

	PlanCheck(Plans plans, TenantClocks clocks, PlanReminders reminders) {
		this.plans = plans;
		this.clocks = clocks;
		this.reminders = reminders;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${kredo.plans.check-cron:0 45 0 * * *}", zone = "${kredo.time-zone}")
	void run() {
		Map<TenantId, LocalDate> days = new HashMap<>();
		check(tenant -> tenant == null ? null : days.computeIfAbsent(tenant, clocks::today), null);
	}

	/** A sandbox's test clock moved: its plans are checked on its new today at once, and its reminders sent. */
	@EventListener
	void on(TenantClockMoved moved) {
		check(tenant -> moved.to(), moved.tenantId());
		reminders.run(moved.tenantId(), moved.to());
	}

	/** The check of every tenant's plans as of {@code today}: what a test drives. */
	int run(LocalDate today) {
		return check(tenant -> today, null);
	}

	/** The check of the running plans (of {@code only} when given), each on the day {@code today} says for its tenant. */
	private int check(Function<TenantId, LocalDate> today, TenantId only) {
		int moved = 0;
		for (Plans.RunningPlan running : plans.running()) {
			if (only != null && !only.equals(running.tenant())) {
				continue;
			}
			try {
				if (plans.check(running.tenant(), running.plan(), today.apply(running.tenant()))) {
					moved++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not check plan {} of tenant {}", running.plan(), running.tenant(), ex);
			}
		}
		if (moved > 0) {
			log.info("Plans moved by the day's check: {}", moved);
		}
		return moved;
	}
}
