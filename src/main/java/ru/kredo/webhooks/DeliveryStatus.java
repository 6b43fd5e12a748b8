package ru.kredo.webhooks;

/** PENDING until a 2xx answer (DELIVERED) or until the retry schedule is used up (FAILED). */
public enum DeliveryStatus {
	PENDING,
	DELIVERED,
	FAILED
}
