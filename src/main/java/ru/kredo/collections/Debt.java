package ru.kredo.collections;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * A debt the agency collects: who owes it, to whom it was originally owed, under which contract, since when it is
 * the agency's, and what is left of it by component.
 * <p>
 * {@code originalTotal} is the claim as it came (the registry's composition); {@code paidBeforeImport} is what the
 * debtor had paid on it outside Kredo when it was uploaded; the balance is the claim less that and less the payments
 * through Kredo, each split over the components in the allocation order, and less what a paid settlement forgave
 * ({@code forgiven}, ст. 415 ГК РФ). So {@link #repaid()}, what was paid, counts both kinds of payment and not the
 * forgiven rest: the claim is what was paid, what was forgiven and what is still owed.
 * {@code daysPastDue} is as of today (or the day the debt closed), counted from the day it fell overdue that the
 * registry gave or that its days past due on the day of the upload imply: it grows as the debt ages.
 * {@code region} and {@code timeZone} (where the debtor lives; the 230-ФЗ contact hours are his local time) are
 * {@code null} when unknown.
 */
public record Debt(DebtId id, TenantId tenantId, ContactId contactId, String originalCreditor, String contractNumber,
		LocalDate contractDate, LocalDate assignmentDate, DebtComponents balance, Money originalTotal,
		Integer daysPastDue, LocalDate closedOn, String region, ZoneId timeZone, Money paidBeforeImport, Money forgiven) {

	public Debt {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(balance, "balance");
		paidBeforeImport = paidBeforeImport == null ? Money.ZERO : paidBeforeImport;
		forgiven = forgiven == null ? Money.ZERO : forgiven;
	}

	public Money total() {
		return balance.total();
	}

	/** What the debtor paid on the claim, before the upload and through Kredo; what was forgiven is not in it. */
	public Money repaid() {
		return originalTotal.minus(total()).minus(forgiven);
	}

	public boolean isClosed() {
		return closedOn != null;
	}
}
