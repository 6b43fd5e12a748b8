package ru.kredo.cabinet.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.kredo.cabinet.Invitations;

/**
 * Sends the invitations waiting to be sent, a batch at a time, on every node ({@code skip locked} keeps each to one):
 * {@code kredo.cabinet.invitations.send-delay} between rounds, {@code .batch} per round (docs/invitations.md). A
 * portfolio of 100,000 goes out over a few minutes; the gate holds what the rules hold.
 */
@Component
class InvitationSender {

	private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);

	private final Invitations invitations;
	private final int batch;

	InvitationSender(Invitations invitations, @Value("${kredo.cabinet.invitations.batch:500}") int batch) {
		this.invitations = invitations;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${kredo.cabinet.invitations.send-delay:15s}")
	void send() {
		int sent;
		do {
			sent = invitations.sendPending(batch);
			if (sent > 0) {
				log.info("Sent {} invitations to the cabinet through the contact gate", sent);
			}
		}
		while (sent == batch);
	}
}
