package ru.kredo.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.tabular.ImportStatus;
import ru.kredo.tenancy.TenantId;

/**
 * An upload of a contact file into a list ended: read to the end ({@link ImportStatus#DONE}), stopped by an error
 * ({@code FAILED}, with its code), or found {@code INTERRUPTED} because its process stopped. Published once per import,
 * in the transaction that records its end, through the event publication registry. The counts are those of the
 * import's page: {@code total} rows read, {@code imported} put on monitoring (of which {@code awaitingConsent} wait
 * for a consent, {@code noted} kept with a note), {@code rejected} in the error report, {@code skipped} holding no
 * person.
 */
public record ListImportFinished(TenantId tenantId, UUID importId, ListId listId, String listName, String fileName,
		ImportStatus status, String failureCode, List<String> failureArgs, long total, long imported, long rejected,
		long awaitingConsent, long noted, long skipped, Instant startedAt, Instant finishedAt) {

	public ListImportFinished {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(importId, "importId");
		Objects.requireNonNull(status, "status");
		failureArgs = failureArgs == null ? List.of() : List.copyOf(failureArgs);
	}
}
