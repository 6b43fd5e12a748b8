package ru.kredo.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.Contacts;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.Watches;
import ru.kredo.monitoring.internal.ImportRecords.Progress;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.ImportLimits;
import ru.kredo.tabular.ImportRuns;
import ru.kredo.tabular.ImportSpool;
import ru.kredo.tabular.RowError;
import ru.kredo.tabular.SourceRow;
import ru.kredo.tabular.SpooledImport;
import ru.kredo.tabular.TabularFile;
import ru.kredo.tenancy.TenantId;

/**
 * Imports a contact file (CSV or XLSX) into a named list in the background: reads it as a stream, and puts each batch of good
 * rows on monitoring together with the batch's rejected rows and the progress, in one transaction. A batch is kept
 * or lost whole; since watching is an upsert, importing the same file again finishes an interrupted import without
 * a duplicate.
 */
@Service
public class ListImporting {

	static final int BATCH = 2000;

	private final MonitoringLists lists;
	private final ImportRecords records;
	private final Watches watches;
	private final UserAccounts accounts;
	private final ImportSpool spool;
	private final TransactionTemplate transaction;
	private final Executor executor;
	private final Clock clock;
	private final BusinessCalendar calendar;
	private final long maxFileSize;
	private final ImportLimits limits;
	private final ImportRuns runs;
	private final Contacts contacts;

	ListImporting(MonitoringLists lists, ImportRecords records, Watches watches, UserAccounts accounts,
			ImportSpool spool, TransactionTemplate transaction,
			@Qualifier("applicationTaskExecutor") Executor executor, Clock clock, BusinessCalendar calendar, ListProperties properties,
			ImportLimits limits, ImportRuns runs, Contacts contacts) {
		this.contacts = contacts;
		this.lists = lists;
		this.records = records;
		this.watches = watches;
		this.accounts = accounts;
		this.spool = spool;
		this.transaction = transaction;
		this.executor = executor;
		this.clock = clock;
		this.calendar = calendar;
		this.maxFileSize = properties.maxFileSize().toBytes();
		this.limits = limits;
		this.runs = runs;
	}

	/** Spools an uploaded contact file for {@link #start}; refuses one over {@code kredo.lists.max-file-size}. */
	public Path receive(MultipartFile upload) throws IOException {
		return spool.receive(upload, maxFileSize);
	}

	/** Spools a contact file sent as a request's body; refuses it once it passes {@code kredo.lists.max-file-size}. */
	public Path receive(InputStream body) throws IOException {
		return spool.receive(body, maxFileSize);
	}

	/**
	 * Refuses at once a list without a name and a file whose header names no person, then imports the rest in the
	 * background. Takes the spooled file over and deletes it when done or refused.
	 */
	public ListImport start(TenantId tenant, String startedBy, String listName, String fileName, Path file,
			ImportDefaults defaults) {
		return SpooledImport.start(spool, file, () -> {
			MonitoringLists.checkName(listName);
			try (TabularFile listFile = TabularFile.open(file, Columns::looksLikeHeader, limits)) {
				Columns.of(listFile.header());
			}
			ListId list = lists.named(tenant, listName);
			if (records.running(tenant, list).isPresent()) {
				throw new Rejected("import.already-running");
			}
			ListImport started = records.start(tenant, list, fileName, Files.size(file), startedBy);
			executor.execute(() -> runs.run(started.id(), () -> run(started, file, defaults)));
			return started;
		});
	}

	void run(ListImport started, Path file, ImportDefaults defaults) {
		TenantId tenant = started.tenantId();
		SpooledImport.run(spool, file, Columns::looksLikeHeader, limits, () -> "Import " + started.id(),
				(status, code, arguments) -> records.finish(tenant, started.id(), status, code, arguments), listFile -> {
					ListRows rows = new ListRows(Columns.of(listFile.header()), defaults, managers(tenant),
							calendar.today());
					Tally tally = new Tally();
					tally.externalIdColumn = rows.externalIdColumn();
					List<RowResult.Good> good = new ArrayList<>(BATCH);
					List<RowResult.Bad> bad = new ArrayList<>();
					for (SourceRow row = next(listFile, started, good, bad, tally); row != null;
							row = next(listFile, started, good, bad, tally)) {
						switch (rows.read(row)) {
							case RowResult.Good g -> {
								good.add(g);
								if (g.unknownManager() != null) {
									tally.unknownManager(g.unknownManager());
								}
							}
							case RowResult.Bad b -> bad.add(b);
							case RowResult.Skipped s -> tally.skippedRows.add(s.note());
						}
						if (limits.tooManyRejected(tally.rejected + bad.size())) {
							// The error report stops at the limit; what was good so far is kept.
							bad.removeLast();
							flush(started, good, bad, tally, listFile.bytesRead());
							throw limits.gaveUp(tally.imported);
						}
						if (good.size() + bad.size() >= BATCH) {
							flush(started, good, bad, tally, listFile.bytesRead());
						}
					}
					flush(started, good, bad, tally, listFile.bytesRead());
					return "%d rows, %d imported, %d rejected, %d kept with a note, %d skipped, %d without their manager"
						.formatted(tally.total, tally.imported, tally.rejected, tally.noted, tally.skipped,
								tally.unknownManagers.values().stream().mapToLong(Long::longValue).sum());
				});
	}

	/**
	 * The file's next row; when the file is refused part-way (a limit, a broken line), the rows read before it are
	 * stored first, so that what the import says it kept is all it read.
	 */
	private SourceRow next(TabularFile listFile, ListImport started, List<RowResult.Good> good, List<RowResult.Bad> bad,
			Tally tally) {
		try {
			return listFile.next();
		}
		catch (Rejected refused) {
			flush(started, good, bad, tally, listFile.bytesRead());
			throw refused;
		}
	}

	private void flush(ListImport started, List<RowResult.Good> good, List<RowResult.Bad> bad, Tally tally, long bytesRead) {
		TenantId tenant = started.tenantId();
		refuseTakenExternalIds(tenant, good, bad, tally);
		List<RowError> notes = new ArrayList<>(tally.skippedRows);
		good.stream().map(RowResult.Good::note).filter(java.util.Objects::nonNull).forEach(notes::add);
		long noted = notes.size() - tally.skippedRows.size();
		long read = good.size() + bad.size() + tally.skippedRows.size();
		long awaiting = transaction.execute(status -> {
			long waiting = good.isEmpty() ? 0
					: watches.watchAll(tenant, started.listId(), good.stream().map(RowResult.Good::person).toList(),
							good.stream().map(RowResult.Good::terms).toList())
						.stream().filter(w -> w.status() == WatchStatus.AWAITING_CONSENT).count();
			records.reject(tenant, started.id(), bad.stream().map(RowResult.Bad::error).toList());
			records.note(tenant, started.id(), notes);
			records.unknownManagers(tenant, started.id(), tally.unknownManagers);
			records.progress(tenant, started.id(), new Progress(bytesRead, tally.total + read,
					tally.imported + good.size(), tally.rejected + bad.size(), tally.awaitingConsent + waiting,
					tally.noted + noted, tally.skipped + tally.skippedRows.size()));
			return waiting;
		});
		tally.total += read;
		tally.noted += noted;
		tally.skipped += tally.skippedRows.size();
		tally.skippedRows.clear();
		tally.imported += good.size();
		tally.rejected += bad.size();
		tally.awaitingConsent += awaiting;
		good.clear();
		bad.clear();
	}

	/**
	 * Rows whose external id another person's contact holds (or an earlier row of the batch, another person) are
	 * refused with {@code contact.external-id-taken} at the id's column; the others go on. One query.
	 */
	private void refuseTakenExternalIds(TenantId tenant, List<RowResult.Good> good, List<RowResult.Bad> bad, Tally tally) {
		if (tally.externalIdColumn == null || good.stream().allMatch(g -> g.person().externalId() == null)) {
			return;
		}
		java.util.Set<Integer> taken = contacts.externalIdsTaken(tenant,
				good.stream().map(RowResult.Good::person).toList());
		if (taken.isEmpty()) {
			return;
		}
		List<RowResult.Good> kept = new ArrayList<>(good.size());
		for (int i = 0; i < good.size(); i++) {
			RowResult.Good row = good.get(i);
			if (taken.contains(i)) {
				bad.add(new RowResult.Bad(RowError.of(row.line(), tally.externalIdColumn,
						new Rejected("contact.external-id-taken"))));
			}
			else {
				kept.add(row);
			}
		}
		good.clear();
		good.addAll(kept);
		bad.sort(java.util.Comparator.comparingLong(RowResult.Bad::line));
	}

	/** The tenant's users by lower-case e-mail, by lower-case name and by its words in any order, for a «Менеджер» column. */
	private Map<String, UserId> managers(TenantId tenant) {
		Map<String, UserId> managers = new HashMap<>();
		for (User user : accounts.all(tenant)) {
			managers.putIfAbsent(user.displayName().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), user.id());
			managers.putIfAbsent(ListRows.nameKey(user.displayName()), user.id());
			managers.put(user.email().value().toLowerCase(Locale.ROOT), user.id());
		}
		return managers;
	}

	private static final class Tally {
		long total;
		long imported;
		long rejected;
		long awaitingConsent;
		long noted;
		long skipped;
		/** The external id column's header («ID»), or {@code null} when the file has none. */
		String externalIdColumn;
		/** Skipped rows not stored yet: they go with the next batch. */
		final List<RowError> skippedRows = new ArrayList<>();
		/** Names in the manager column that match no user, with their rows; the rest beyond the limit under "". */
		final Map<String, Long> unknownManagers = new LinkedHashMap<>();

		void unknownManager(String name) {
			String key = unknownManagers.containsKey(name) || unknownManagers.size() < ImportRecords.MAX_UNKNOWN_MANAGERS
					? name : "";
			unknownManagers.merge(key, 1L, Long::sum);
		}
	}
}
