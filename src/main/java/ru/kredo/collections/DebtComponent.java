package ru.kredo.collections;

/** A part of a debt that a payment can go to. */
public enum DebtComponent {

	/** Госпошлина: the state duty the creditor paid to go to court. */
	STATE_DUTY,
	/** Other costs of obtaining performance, such as fees. */
	FEES,
	/** Проценты: interest for the use of the money. */
	INTEREST,
	/** Основной долг. */
	PRINCIPAL,
	/** Неустойка: penalties and fines for late payment. */
	PENALTIES
}
