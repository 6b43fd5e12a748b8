package ru.kredo.platform.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs again the listeners whose event publications were left incomplete — by a node that died while running them, or
 * by a listener that failed —, from one node at a time (docs/scaling.md «Event publications»). It replaces Spring
 * Modulith's republication at start ({@code spring.modulith.events.republish-outstanding-events-on-restart}, now
 * {@code false}), which made every node that started run again every incomplete publication, including those another
 * node was running at that moment.
 * <p>
 * Every {@code kredo.event-publications.check-interval}, under a ShedLock lease, a publication is resubmitted when it
 * is older than {@code kredo.event-publications.resubmit-after} and its last resubmission (if any) is older than that
 * wait doubled for each attempt so far, at most {@link #LONGEST_WAIT}: a listener that keeps failing is tried again,
 * less and less often, never in a loop. A live listener runs for milliseconds to seconds, so one still running after
 * the wait is on a node that is gone. Spring Modulith claims each publication before it runs it again (its status
 * set to {@code RESUBMITTED} only if it was not already), so even two runs at once would not both run it; a claim whose
 * node died before running it is released after the same wait. The listeners themselves tolerate a second delivery
 * (listed, with why, in docs/scaling.md).
 */
@Component
public class EventPublicationResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationResubmission.class);

	/** The longest a failing publication waits between two tries. */
	static final Duration LONGEST_WAIT = Duration.ofHours(6);

	private final IncompleteEventPublications incomplete;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration after;

	EventPublicationResubmission(IncompleteEventPublications incomplete, JdbcClient jdbc, Clock clock,
			@Value("${kredo.event-publications.resubmit-after:10m}") Duration after) {
		this.incomplete = incomplete;
		this.jdbc = jdbc;
		this.clock = clock;
		this.after = after;
	}

	/** One round: what has waited long enough is run again, once, by this node. */
	@Scheduled(fixedDelayString = "${kredo.event-publications.check-interval:1m}",
			initialDelayString = "${kredo.event-publications.check-interval:1m}")
	@SchedulerLock(name = "event-publications-resubmit", lockAtMostFor = "PT10M")
	public void resubmit() {
		Instant now = clock.instant();
		// A claim (RESUBMITTED) that never started running — its node died between the claim and the run — would be
		// claimed by nobody again: it is released to FAILED, which the next lines take.
		int released = jdbc.sql("""
				update event_publication set status = 'FAILED'
				where status = 'RESUBMITTED' and last_resubmission_date < ?""")
			.param(Timestamp.from(now.minus(after)))
			.update();
		if (released > 0) {
			log.info("Event publications: {} resubmissions that never ran released", released);
		}
		java.util.concurrent.atomic.AtomicInteger resubmitted = new java.util.concurrent.atomic.AtomicInteger();
		incomplete.resubmitIncompletePublications(publication -> {
			boolean due = due(publication, now);
			if (due) {
				resubmitted.incrementAndGet();
			}
			return due;
		});
		if (resubmitted.get() > 0) {
			log.info("Event publications: {} incomplete for {} or more resubmitted", resubmitted.get(), after);
		}
	}

	/**
	 * Whether the publication has waited long enough since it was stored or last resubmitted (Spring Modulith sets its
	 * last resubmission to its publication at first, and counts the first run as one attempt).
	 */
	boolean due(EventPublication publication, Instant now) {
		if (publication.isCompleted()) {
			return false;
		}
		Instant last = publication.getLastResubmissionDate() == null ? publication.getPublicationDate()
				: publication.getLastResubmissionDate();
		int resubmissions = Math.max(publication.getCompletionAttempts() - 1, 0);
		Duration wait = after.multipliedBy(1L << Math.min(resubmissions, 20));
		return last.isBefore(now.minus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
	}

}
