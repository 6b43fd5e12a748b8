package ru.kredo.collections;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.kredo.tenancy.TenantId;

/**
 * The files a debtor attached to his dispute (a receipt: PDF, JPEG, PNG), as the agency's staff see them on the
 * dispute's page. They are kept, checked and sealed by the module that keeps conversation files, which implements this
 * (its {@code DisputeFiles}), so that {@code collections} needs nothing of it: the dependency points from
 * {@code conversations} to here, never back.
 */
public interface DisputeAttachments {

	/** A file as the dispute's page lists it: its name as uploaded, its media type (checked by content) and size. */
	record Listed(UUID id, String fileName, String mediaType, int size) {

		/** Its size in kilobytes, at least one, as pages say it. */
		public long kilobytes() {
			return Math.max(1, (size + 1023L) / 1024);
		}
	}

	/** A file opened for download: its name, media type and bytes. */
	record Opened(String fileName, String mediaType, byte[] content) {

		@Override
		public String toString() {
			return "Opened[" + mediaType + ", " + content.length + " bytes]";
		}
	}

	/** The files of these disputes of the agency's, each dispute's in the order attached; one without files is absent. */
	Map<UUID, List<Listed>> of(TenantId tenant, Collection<UUID> disputes);

	/**
	 * One file of the agency's dispute, for its staff.
	 *
	 * @throws ru.kredo.platform.NotFound another agency's, another dispute's, or none
	 */
	Opened open(TenantId tenant, UUID dispute, UUID file);
}
