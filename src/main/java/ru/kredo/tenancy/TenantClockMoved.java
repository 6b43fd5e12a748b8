package ru.kredo.tenancy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A sandbox tenant's test clock moved forward, from {@code from} to {@code to} (its today at the agency). Published
 * after the move is committed, synchronously: the plans', offers' and consents' listeners run that tenant's day checks
 * on {@code to} before the admin's page answers, so the effect is visible at once (docs/sandbox.md).
 */
public record TenantClockMoved(TenantId tenantId, LocalDate from, LocalDate to) {

	public TenantClockMoved {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}
}
