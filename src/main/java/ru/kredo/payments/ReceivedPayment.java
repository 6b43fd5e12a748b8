package ru.kredo.payments;

import java.time.LocalDate;

/**
 * A payment received outside Kredo and recorded by the agency ({@link PaymentMethod#OUTSIDE}): the payment, already
 * {@link PaymentStatus#SUCCEEDED}, with the day the agency received the money and its reference (the bank's document
 * number, the cash receipt's).
 */
public record ReceivedPayment(Payment payment, LocalDate receivedOn, String reference) {
}
