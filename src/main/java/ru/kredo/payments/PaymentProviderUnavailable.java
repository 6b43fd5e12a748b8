package ru.kredo.payments;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The payment provider could not be reached or answered with an error. Nothing was decided: the payment keeps its
 * status, and starting it again with the same idempotence key retries safely.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class PaymentProviderUnavailable extends RuntimeException {

	public PaymentProviderUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
