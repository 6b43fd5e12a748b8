package ru.kredo.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import ru.kredo.tenancy.Actor;

/** Records sign-ins to the UI (API requests authenticate on every call and are not sign-ins). */
@Component
class SignInAuditing {

	private final AuditLog log;

	SignInAuditing(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof Actor actor) {
			log.record(actor.tenantId(), AuditActor.of(actor), AuditAction.SIGNED_IN, null, null, null);
		}
	}
}
