package ru.kredo.crm.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.kredo.crm.internal.AmoCrmHook;
import ru.kredo.crm.internal.AmoCrmHooks;
import ru.kredo.crm.internal.AmoCrmOutcomes;
import ru.kredo.tenancy.TenantId;

/**
 * Where amoCRM posts the webhook Kredo subscribed on connect ({@code docs/crm-amocrm.md}, «Outcomes from amoCRM»).
 * Public and without CSRF protection, since amoCRM is no browser; the token in the address is the credential: a token
 * of no connected account is a 404, whatever the body. The body is form fields; nothing in it is believed but the ids
 * of tasks and leads, each read back from amoCRM later, and only those Kredo created are. A body above
 * {@link #MAX_BODY} bytes is a 413; anything else a 200 at once, so amoCRM does not post it again.
 */
@RestController
class AmoCrmHooksController {

	/** amoCRM posts one event or a few; a real one is a few kilobytes. */
	static final long MAX_BODY = 64 * 1024;
	/** More fields than any amoCRM post has: a body that is mostly noise is not parsed further. */
	static final int MAX_FIELDS = 2000;

	private final AmoCrmHooks hooks;
	private final AmoCrmOutcomes outcomes;
	private final Clock clock;

	AmoCrmHooksController(AmoCrmHooks hooks, AmoCrmOutcomes outcomes, Clock clock) {
		this.hooks = hooks;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@PostMapping(AmoCrmHooks.PATH + "{token}")
	ResponseEntity<Void> receive(@PathVariable String token, HttpServletRequest request) {
		Optional<TenantId> tenant = hooks.tenantOf(token);
		if (tenant.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		long length = request.getContentLengthLong();
		if (length > MAX_BODY) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		var form = request.getParameterMap();
		if (form.size() > MAX_FIELDS) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		AmoCrmHook hook = AmoCrmHook.of(form);
		if (!hook.isEmpty()) {
			outcomes.hinted(tenant.get(), hook.tasks(), hook.leads(), clock.instant());
		}
		return ResponseEntity.ok().build();
	}
}
