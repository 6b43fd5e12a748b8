package ru.kredo.collections;

import java.util.List;
import java.util.Objects;

import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * An uploaded registry restated debts the agency already had — the agency's own books, not a payment through Kredo:
 * each debt here was not closed before and now owes another balance, or is closed (the registry shows it paid;
 * docs/portfolio-import.md). Published synchronously in the upload batch's transaction, with the debts' rows locked
 * by it, once per batch and only for the debts that changed, for what must change with them in that transaction (a
 * restructuring plan running on one of them, docs/plan-lifecycle.md «The debt changes under the plan»): a plain
 * {@code @EventListener}, never after the commit. {@link DebtClosed} is not published for a registry's closing
 * (docs/debts.md «Registries»).
 */
public record DebtsRestated(TenantId tenantId, List<Restated> debts) {

	public DebtsRestated {
		Objects.requireNonNull(tenantId, "tenantId");
		debts = List.copyOf(debts);
	}

	/**
	 * One debt as the registry restated it: what it owed before the upload and after, and whether it is closed now.
	 */
	public record Restated(DebtId debtId, ContactId debtorId, Money before, Money after, boolean closed) {

		public Restated {
			Objects.requireNonNull(debtId, "debtId");
			Objects.requireNonNull(before, "before");
			Objects.requireNonNull(after, "after");
		}
	}
}
