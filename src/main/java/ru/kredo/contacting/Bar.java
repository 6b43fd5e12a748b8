package ru.kredo.contacting;

import java.time.Instant;

import ru.kredo.collections.DebtId;

/**
 * A bar standing on a debtor: of {@code kind}, since {@code since}; {@code debt} names the debt a per-debt bar (a
 * dispute) covers, {@code null} for a bar on the debtor himself.
 */
public record Bar(BarKind kind, DebtId debt, Instant since) {

	/** Whether this bar stops a contact about {@code about} ({@code null}: about the debtor, not one debt). */
	public boolean covers(DebtId about) {
		return !kind.isPerDebt() || debt == null || debt.equals(about);
	}
}
