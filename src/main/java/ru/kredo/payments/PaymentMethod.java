package ru.kredo.payments;

/** How the payer pays. */
public enum PaymentMethod {

	BANK_CARD,
	/** Система быстрых платежей. */
	SBP,
	/**
	 * Received outside Kredo — a bank transfer to the agency, cash at its office — and recorded by the agency
	 * ({@link Payments#recordReceived}); never sent to a provider, never a payer's choice.
	 */
	OUTSIDE;

	/** Whether a payer may choose it for a payment through the provider. */
	public boolean throughProvider() {
		return this != OUTSIDE;
	}
}
