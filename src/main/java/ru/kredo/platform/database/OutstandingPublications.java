package ru.kredo.platform.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Events between modules that a node stored with its transaction but did not live to hand to their listeners (a
 * chunk's raised signals, whose webhooks were never queued, when the node was killed right after the chunk committed)
 * are handed to them by another node. Spring Modulith resubmits a node's outstanding publications only when that
 * node starts again ({@code republish-outstanding-events-on-restart}); a node that is gone for good would leave them
 * for ever. Every {@code kredo.event-publications.check-interval}, one node at a time (a ShedLock lease) resubmits
 * the publications older than {@code kredo.event-publications.resubmit-after}: far longer than a live node takes to
 * finish its own, so what it resubmits is a dead node's (docs/scaling.md, «Jobs on N nodes»).
 */
@Component
class OutstandingPublications {

	private static final Logger log = LoggerFactory.getLogger(OutstandingPublications.class);

	private final IncompleteEventPublications publications;
	private final Duration olderThan;

	OutstandingPublications(IncompleteEventPublications publications,
			@Value("${kredo.event-publications.resubmit-after:10m}") Duration olderThan) {
		this.publications = publications;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${kredo.event-publications.check-interval:1m}",
			initialDelayString = "${kredo.event-publications.check-interval:1m}")
	@SchedulerLock(name = "event-publications-resubmit", lockAtMostFor = "PT10M")
	public void resubmit() {
		try {
			publications.resubmitIncompletePublicationsOlderThan(olderThan);
		}
		catch (RuntimeException ex) {
			log.error("Could not resubmit outstanding event publications; will try again", ex);
		}
	}
}
