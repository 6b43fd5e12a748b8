package ru.kredo.monitoring.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ru.kredo.monitoring.ListId;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tenancy.TenantId;

/**
 * One upload of a file into a list and how far it got. Rows are counted as read: {@code imported} rows became
 * watches (of which {@code awaitingConsent} wait for a consent), {@code rejected} rows are in the error report;
 * {@code noted} of the imported rows were kept without a phone or an e-mail address that did not read, and
 * {@code skipped} rows held no person (a total, a signature under the table): both are in the report too.
 */
public record ListImport(UUID id, TenantId tenantId, ListId listId, String listName, String fileName, long fileSize,
		ImportStatus status, String failureCode, List<String> failureArgs, long bytesRead, long total, long imported, long rejected,
		long awaitingConsent, long noted, long skipped, Instant startedAt, Instant finishedAt) {

	public ListImport {
		failureArgs = List.copyOf(failureArgs);
	}

	public boolean isRunning() {
		return status == ImportStatus.RUNNING;
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
		return "ListImport[" + id + ", " + status + ", " + imported + "/" + total + "]";
	}
}
