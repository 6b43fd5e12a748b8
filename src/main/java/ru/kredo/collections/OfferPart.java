package ru.kredo.collections;

import java.time.LocalDate;

import ru.kredo.money.Money;

/** One part of an accepted offer's schedule: the {@code number}th payment, this much, by this date. */
public record OfferPart(int number, LocalDate dueOn, Money amount) {
}
