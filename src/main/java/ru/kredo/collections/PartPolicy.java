package ru.kredo.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * How a discounted sum may be paid: in up to {@code maxParts} parts ({@code 1}: in full), one every {@code interval},
 * each part late by at most {@code graceDays} before the offer lapses.
 */
public record PartPolicy(int maxParts, PartInterval interval, int graceDays) {

	public static final int MOST_PARTS = 12;
	public static final int MOST_GRACE_DAYS = 30;

	/** Pay in full by the offer's date, no grace: what every offer was before parts existed. */
	public static final PartPolicy IN_FULL = new PartPolicy(1, PartInterval.MONTH, 0);

	public PartPolicy {
		if (maxParts < 1 || maxParts > MOST_PARTS) {
			throw new Rejected("offer.parts-invalid", MOST_PARTS);
		}
		if (graceDays < 0 || graceDays > MOST_GRACE_DAYS) {
			throw new Rejected("offer.grace-invalid", MOST_GRACE_DAYS);
		}
		Objects.requireNonNull(interval, "interval");
	}

	/**
	 * The schedule of {@code total} in {@code parts} parts, the first due on {@code firstDue} and each next one an
	 * interval later. Parts are equal to the kopeck; the kopecks that do not divide evenly are added to the first part,
	 * so the parts sum to exactly {@code total} and the later ones are all the same.
	 */
	public List<OfferPart> schedule(Money total, int parts, LocalDate firstDue) {
		if (parts < 1 || parts > maxParts) {
			throw new Rejected("offer.parts-not-allowed", maxParts);
		}
		if (total.kopecks() < parts) {
			throw new Rejected("offer.parts-not-allowed", 1);
		}
		long each = total.kopecks() / parts;
		long remainder = total.kopecks() % parts;
		List<OfferPart> schedule = new ArrayList<>(parts);
		for (int i = 0; i < parts; i++) {
			schedule.add(new OfferPart(i + 1, interval.after(firstDue, i), Money.ofKopecks(i == 0 ? each + remainder : each)));
		}
		return List.copyOf(schedule);
	}
}
