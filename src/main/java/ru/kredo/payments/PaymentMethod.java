package ru.kredo.payments;

/** How the payer pays. */
public enum PaymentMethod {

	BANK_CARD,
	/** Система быстрых платежей. */
	SBP
}
