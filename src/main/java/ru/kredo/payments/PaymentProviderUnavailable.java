package ru.kredo.payments;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The payment provider could not be reached or answered with an error. Nothing was decided on Kredo's side: the
 * payment keeps its status, and starting it again with the same idempotence key retries safely, with the same key of
 * the provider's.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class PaymentProviderUnavailable extends RuntimeException {

	private final boolean resultUnknown;

	public PaymentProviderUnavailable(String message, Throwable cause) {
		this(message, cause, true);
	}

	/**
	 * @param resultUnknown whether the provider may have done what it was asked (it timed out, dropped the connection
	 *        or answered 5xx); {@code false} when it refused outright (a 4xx), so that nothing was created
	 */
	public PaymentProviderUnavailable(String message, Throwable cause, boolean resultUnknown) {
		super(message, cause);
		this.resultUnknown = resultUnknown;
	}

	/** Whether the provider may have created what it was asked to: only re-asking it, with the same key, tells. */
	public boolean resultUnknown() {
		return resultUnknown;
	}
}
