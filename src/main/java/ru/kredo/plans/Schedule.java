package ru.kredo.plans;

import java.util.List;
import java.util.Objects;

import ru.kredo.money.Money;

/**
 * A kopeck-exact schedule: its instalments add up to {@code total} exactly.
 *
 * @param monthly the amount of every instalment but the last, which is what is left (never more than {@code monthly}
 *     plus fewer kopecks than there are instalments)
 */
public record Schedule(Money total, Money monthly, List<Instalment> instalments) {

	public Schedule {
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(monthly, "monthly");
		instalments = List.copyOf(instalments);
		if (instalments.isEmpty()) {
			throw new IllegalArgumentException("A schedule without instalments");
		}
		long sum = instalments.stream().mapToLong(i -> i.amount().kopecks()).sum();
		if (sum != total.kopecks()) {
			throw new IllegalArgumentException("Instalments add up to " + sum + " kopecks, not " + total.kopecks());
		}
	}

	public int months() {
		return instalments.size();
	}

	public Instalment first() {
		return instalments.getFirst();
	}

	public Instalment last() {
		return instalments.getLast();
	}
}
