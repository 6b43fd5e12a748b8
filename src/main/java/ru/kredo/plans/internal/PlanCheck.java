package ru.kredo.plans.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.plans.Plans;

/**
 * Once a day, just after midnight in the agency's zone ({@code kredo.time-zone}, after the offers' renewal), and at
 * start: every running plan not paused is checked ({@link Plans#check}) — behind after the policy's grace days,
 * broken after its days to repair (the debt open again with its offers). Each plan in its own transaction under its
 * debt's lock; running it twice, or on two nodes at once, moves nothing twice (a plan is checked as it stands when its
 * lock is had, and a plan that has moved does not move again the same day), as the offers' renewal makes nothing twice.
 */
@Component
class PlanCheck {

	private static final Logger log = LoggerFactory.getLogger(PlanCheck.class);

	private final Plans plans;
	private final BusinessCalendar calendar;

	PlanCheck(Plans plans, BusinessCalendar calendar) {
		this.plans = plans;
		this.calendar = calendar;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${kredo.plans.check-cron:0 45 0 * * *}", zone = "${kredo.time-zone}")
	void run() {
		run(calendar.today());
	}

	/** The check as of {@code today}: what a scheduled run does, and what a test (or a tenant's test clock) drives. */
	int run(LocalDate today) {
		int moved = 0;
		for (Plans.RunningPlan running : plans.running()) {
			try {
				if (plans.check(running.tenant(), running.plan(), today)) {
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
