package ru.kredo.collections;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * How one payment splits over a debt's components: each component in the {@link AllocationOrder} takes as much as is
 * owed on it until the payment is used up. Exact to the kopeck; the parts always add up to the payment.
 *
 * @param parts what each component receives, in the order they were paid; components that receive nothing are absent
 */
public record Allocation(Map<DebtComponent, Money> parts) {

	public Allocation {
		parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
	}

	/**
	 * Allocates a payment. A payment of nothing, or of more than the whole balance, is refused: the cabinet takes any
	 * amount from its minimum up to the balance, and an overpayment would be money Kredo has no debt to put to.
	 */
	public static Allocation of(Money paid, DebtComponents owed, AllocationOrder order) {
		if (paid.isZero()) {
			throw new Rejected("payment.amount-required");
		}
		if (paid.exceeds(owed.total())) {
			throw new Rejected("payment.exceeds-balance", owed.total());
		}
		Map<DebtComponent, Money> parts = new LinkedHashMap<>();
		Money left = paid;
		for (DebtComponent component : order.components()) {
			Money part = left.min(owed.of(component));
			if (!part.isZero()) {
				parts.put(component, part);
				left = left.minus(part);
			}
		}
		return new Allocation(parts);
	}

	/** What this component receives; zero when nothing. */
	public Money to(DebtComponent component) {
		return parts.getOrDefault(component, Money.ZERO);
	}

	public Money total() {
		return parts.values().stream().reduce(Money.ZERO, Money::plus);
	}

}
