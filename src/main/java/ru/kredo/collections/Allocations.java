package ru.kredo.collections;

import org.springframework.stereotype.Service;

import ru.kredo.collections.internal.AllocationProperties;
import ru.kredo.money.Money;

/** Splits payments over a debt's components in the configured {@link AllocationOrder} (ст. 319 ГК РФ by default). */
@Service
public class Allocations {

	private final AllocationOrder order;

	Allocations(AllocationProperties properties) {
		this.order = new AllocationOrder(properties.allocationOrder());
	}

	public AllocationOrder order() {
		return order;
	}

	/** See {@link Allocation#of}: refuses nothing and more than the balance. */
	public Allocation allocate(Money paid, DebtComponents owed) {
		return order.allocate(paid, owed);
	}
}
