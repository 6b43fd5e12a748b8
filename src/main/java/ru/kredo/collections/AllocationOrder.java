package ru.kredo.collections;

import java.util.EnumSet;
import java.util.List;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * The order in which a payment pays off a debt's components; names every component exactly once.
 * <p>
 * The default, {@link #ARTICLE_319}, follows ст. 319 ГК РФ: "издержки кредитора по получению исполнения, затем
 * проценты, а в оставшейся части — основную сумму долга" — so first the costs of obtaining performance (state duty,
 * then fees), then interest, then principal. Penalties (неустойка) are not among what ст. 319 lists (the Supreme
 * Court reads its "проценты" as interest for the use of money, not as penalties), so by default they come last, after
 * the principal. An agreement with the debtor may state another order; it is configured with
 * {@code kredo.payments.allocation-order}.
 */
public record AllocationOrder(List<DebtComponent> components) {

	public static final AllocationOrder ARTICLE_319 = new AllocationOrder(List.of(DebtComponent.STATE_DUTY,
			DebtComponent.FEES, DebtComponent.INTEREST, DebtComponent.PRINCIPAL, DebtComponent.PENALTIES));

	public AllocationOrder {
		if (components == null || components.size() != DebtComponent.values().length
				|| !EnumSet.copyOf(components).equals(EnumSet.allOf(DebtComponent.class))) {
			throw new Rejected("payment.allocation-order-invalid");
		}
		components = List.copyOf(components);
	}

	/** Splits a payment over what is owed in this order; see {@link Allocation#of}. */
	public Allocation allocate(Money paid, DebtComponents owed) {
		return Allocation.of(paid, owed, this);
	}
}
