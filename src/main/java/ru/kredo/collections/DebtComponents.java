package ru.kredo.collections;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/** What a debt consists of, component by component; a component not named is zero. */
public record DebtComponents(Map<DebtComponent, Money> amounts) {

	public DebtComponents {
		EnumMap<DebtComponent, Money> copy = new EnumMap<>(DebtComponent.class);
		for (DebtComponent component : DebtComponent.values()) {
			Money amount = amounts == null ? null : amounts.get(component);
			copy.put(component, amount == null ? Money.ZERO : amount);
		}
		amounts = Collections.unmodifiableMap(copy);
	}

	public static DebtComponents of(Money stateDuty, Money fees, Money interest, Money principal, Money penalties) {
		if (stateDuty == null || fees == null || interest == null || principal == null || penalties == null) {
			throw new Rejected("money.invalid");
		}
		return new DebtComponents(Map.of(DebtComponent.STATE_DUTY, stateDuty, DebtComponent.FEES, fees,
				DebtComponent.INTEREST, interest, DebtComponent.PRINCIPAL, principal, DebtComponent.PENALTIES, penalties));
	}

	public Money of(DebtComponent component) {
		return amounts.get(component);
	}

	/** The balance: all components together. */
	public Money total() {
		return amounts.values().stream().reduce(Money.ZERO, Money::plus);
	}

	/** What is left of each component once the allocation is paid. */
	public DebtComponents minus(Allocation allocation) {
		EnumMap<DebtComponent, Money> left = new EnumMap<>(DebtComponent.class);
		amounts.forEach((component, owed) -> left.put(component, owed.minus(allocation.to(component))));
		return new DebtComponents(left);
	}
}
