package ru.kredo.collections;

/** Why a debtor disputes a debt ({@link Disputes#open}). */
public enum DisputeReason {
	/** «Я не брал этот кредит». */
	NOT_MINE,
	/** «Уже оплатил». */
	ALREADY_PAID,
	/** «Сумма неверна». */
	WRONG_SUM,
	OTHER
}
