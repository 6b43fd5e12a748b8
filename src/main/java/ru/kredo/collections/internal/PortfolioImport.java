package ru.kredo.collections.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.kredo.tabular.ImportStatus;
import ru.kredo.tenancy.TenantId;

/**
 * One upload of a registry into a portfolio and how far it got. Rows are counted as read: {@code created} debts were
 * new, {@code updated} ones were there and took the registry's figures, {@code rejected} rows are in the error report;
 * {@code noted} of the stored rows were kept without a value that did not read (a phone), {@code skipped} rows held no
 * debt (the registry's total, the signatures under it), and both are in the report too;
 * {@code debtors} is how many people the stored debts belong to (known once the import has ended).
 */
public record PortfolioImport(UUID id, TenantId tenantId, UUID portfolioId, String portfolioName, String fileName,
		long fileSize, ImportStatus status, String failureCode, List<String> failureArgs, long bytesRead, long total,
		long created, long updated, long rejected, long noted, long skipped, long debtors, Instant startedAt, Instant finishedAt) {

	public PortfolioImport {
		failureArgs = List.copyOf(failureArgs);
	}

	public boolean isRunning() {
		return status == ImportStatus.RUNNING;
	}

	/** Debts stored by this upload, new and updated. */
	public long stored() {
		return created + updated;
	}

	/** How much of the file is read, 0–100; only a finished import is at 100. */
	public int percent() {
		if (status == ImportStatus.DONE) {
			return 100;
		}
		return fileSize <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / fileSize);
	}

	@Override
	public String toString() {
		return "PortfolioImport[" + id + ", " + status + ", " + stored() + "/" + total + "]";
	}
}
