package ru.kredo.crm.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.kredo.crm.internal.Bitrix24Event;
import ru.kredo.crm.internal.Bitrix24Events;
import ru.kredo.crm.internal.Bitrix24Outcomes;
import ru.kredo.tenancy.TenantId;

/**
 * Where Bitrix24 posts the events Kredo bound on connect ({@code docs/crm-bitrix24.md}, «Outcomes from Bitrix24»).
 * Public and without CSRF protection, since Bitrix24 is no browser. The token in the address names the portal: a
 * token of no connected portal is a 404, whatever the body. An event whose {@code auth[domain]}, {@code auth[member_id]}
 * or {@code auth[application_token]} is not that portal's is a 401 and changes nothing. Of the rest only the task's or
 * deal's id is taken, read back from the portal later, and only when Kredo created it. A body above {@link #MAX_BODY}
 * bytes is a 413; anything else a 200 at once.
 */
@RestController
class Bitrix24EventsController {

	/** An event is a few hundred bytes of form fields; a real one never nears this. */
	static final long MAX_BODY = 32 * 1024;
	/** More fields than any Bitrix24 event has: a body that is mostly noise is not parsed further. */
	static final int MAX_FIELDS = 200;

	private static final Logger log = LoggerFactory.getLogger(Bitrix24EventsController.class);

	private final Bitrix24Events events;
	private final Bitrix24Outcomes outcomes;
	private final Clock clock;

	Bitrix24EventsController(Bitrix24Events events, Bitrix24Outcomes outcomes, Clock clock) {
		this.events = events;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@PostMapping(Bitrix24Events.PATH + "{token}")
	ResponseEntity<Void> receive(@PathVariable String token, HttpServletRequest request) {
		Optional<TenantId> tenant = events.tenantOf(token);
		if (tenant.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		var form = request.getParameterMap();
		if (form.size() > MAX_FIELDS) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		Bitrix24Event event = Bitrix24Event.of(form);
		if (!events.accepts(tenant.get(), event)) {
			log.warn("an event at tenant {}'s Bitrix24 handler was not its portal's; ignored", tenant.get());
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		event.entityType().ifPresent(type -> outcomes.hinted(tenant.get(), type, event.entityId(), clock.instant()));
		return ResponseEntity.ok().build();
	}
}
