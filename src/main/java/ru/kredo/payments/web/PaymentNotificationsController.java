package ru.kredo.payments.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.internal.PaymentNotifications;

/**
 * Where payment providers notify Kredo. Public and without CSRF protection, since the provider is no browser; safe
 * because nothing in the body is believed. Answers 200 whether the notification changed a payment or was ignored, so
 * the provider stops retrying; 503 only when the payment could not be re-read, so it retries later.
 */
@RestController
class PaymentNotificationsController {

	private final PaymentNotifications notifications;

	PaymentNotificationsController(PaymentNotifications notifications) {
		this.notifications = notifications;
	}

	@PostMapping("/payments/notifications/{provider}")
	ResponseEntity<Void> receive(@PathVariable String provider, @RequestBody(required = false) String body) {
		notifications.receive(provider, body);
		return ResponseEntity.ok().build();
	}

	@ExceptionHandler(PaymentProviderUnavailable.class)
	ResponseEntity<Void> providerUnavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
	}
}
