package ru.kredo.collections.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.internal.DebtRows.Owed;
import ru.kredo.collections.internal.DebtRows.Stored;
import ru.kredo.collections.internal.PortfolioImports.Progress;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
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
 * Imports a registry (CSV or XLSX) into a named portfolio in the background: reads it as a stream and stores each
 * batch of good rows — their debtors found or added as contacts, all their phones kept, their debts upserted —
 * together with the batch's rejected rows and the progress, in one transaction. A batch is kept or lost whole; since debts are upserted on their
 * contract, uploading the same file again finishes an interrupted import and updates balances without a duplicate.
 * A contract that comes twice in one file is taken from its first row; the later ones are reported.
 */
@Service
public class PortfolioImporting {

	static final int BATCH = 2000;

	private final PortfolioImports records;
	private final DebtRows debts;
	private final DebtorPhones phones;
	private final Contacts contacts;
	private final ImportSpool spool;
	private final TransactionTemplate transaction;
	private final Executor executor;
	private final Clock clock;
	private final BusinessCalendar calendar;
	private final ImportLimits limits;
	private final ImportRuns runs;
	private final long maxFileSize;

	PortfolioImporting(PortfolioImports records, DebtRows debts, DebtorPhones phones, Contacts contacts, ImportSpool spool,
			TransactionTemplate transaction, @Qualifier("applicationTaskExecutor") Executor executor, Clock clock, BusinessCalendar calendar,
			ImportLimits limits, ImportRuns runs, PortfolioProperties properties) {
		this.records = records;
		this.debts = debts;
		this.phones = phones;
		this.contacts = contacts;
		this.spool = spool;
		this.transaction = transaction;
		this.executor = executor;
		this.clock = clock;
		this.calendar = calendar;
		this.limits = limits;
		this.runs = runs;
		this.maxFileSize = properties.maxFileSize().toBytes();
	}

	/** Spools an uploaded registry for {@link #start}; refuses one over {@code kredo.portfolios.max-file-size}. */
	public Path receive(MultipartFile upload) throws IOException {
		return spool.receive(upload, maxFileSize);
	}

	/** Spools a registry sent as a request's body (the API); refuses it once it passes the same limit. */
	public Path receive(java.io.InputStream body) throws IOException {
		return spool.receive(body, maxFileSize);
	}

	/**
	 * Refuses at once a file whose header cannot name debtors and their contracts, then imports the rest in the
	 * background. Takes the spooled file over and deletes it when done or refused.
	 */
	public PortfolioImport start(TenantId tenant, String startedBy, String portfolioName, String fileName, Path file,
			PortfolioDefaults defaults) {
		return start(tenant, startedBy, () -> records.named(tenant, portfolioName), fileName, file, defaults);
	}

	/** {@link #start} into one of the tenant's portfolios by its id (the API); 404 for another tenant's. */
	public PortfolioImport start(TenantId tenant, String startedBy, UUID portfolioId, String fileName, Path file,
			PortfolioDefaults defaults) {
		return start(tenant, startedBy, () -> records.portfolio(tenant, portfolioId).id(), fileName, file, defaults);
	}

	private PortfolioImport start(TenantId tenant, String startedBy, java.util.function.Supplier<UUID> into,
			String fileName, Path file, PortfolioDefaults defaults) {
		return SpooledImport.start(spool, file, () -> {
			try (TabularFile registry = TabularFile.open(file, PortfolioColumns::looksLikeHeader, limits)) {
				PortfolioColumns.of(registry.header(), defaults.originalCreditor() != null);
			}
			UUID portfolio = into.get();
			if (records.running(tenant, portfolio).isPresent()) {
				throw new Rejected("portfolio.import-running");
			}
			PortfolioImport started = records.start(tenant, portfolio, fileName, Files.size(file), startedBy);
			executor.execute(() -> runs.run(started.id(), () -> run(started, file, defaults)));
			return started;
		});
	}

	void run(PortfolioImport started, Path file, PortfolioDefaults defaults) {
		TenantId tenant = started.tenantId();
		SpooledImport.run(spool, file, PortfolioColumns::looksLikeHeader, limits, () -> "Portfolio import " + started.id(),
				(status, code, arguments) -> records.finish(tenant, started.id(), status, code, arguments), registry -> {
					PortfolioRows rows = new PortfolioRows(
							PortfolioColumns.of(registry.header(), defaults.originalCreditor() != null), defaults,
							calendar.today());
					Map<String, Long> firstLineOf = new HashMap<>();
					Map<String, Long> firstLineOfId = new HashMap<>();
					Tally tally = new Tally();
					tally.rows = rows;
					List<PortfolioRow.Good> good = new ArrayList<>(BATCH);
					List<RowError> bad = new ArrayList<>();
					for (SourceRow row = next(registry, started, good, bad, tally); row != null;
							row = next(registry, started, good, bad, tally)) {
						switch (rows.read(row)) {
							case PortfolioRow.Good g -> {
								Long first = firstLineOf.get(g.debt().key());
								Long firstWithId = g.debt().externalId() == null ? null
										: firstLineOfId.get(g.debt().externalId());
								if (first != null) {
									bad.add(rows.repeated(g.line(), first));
								}
								else if (firstWithId != null) {
									bad.add(rows.repeatedExternalId(g.line(), firstWithId));
								}
								else {
									firstLineOf.put(g.debt().key(), g.line());
									if (g.debt().externalId() != null) {
										firstLineOfId.put(g.debt().externalId(), g.line());
									}
									good.add(g);
								}
							}
							case PortfolioRow.Bad b -> bad.add(b.error());
							case PortfolioRow.Skipped s -> tally.skippedRows.add(s.note());
						}
						if (limits.tooManyRejected(tally.rejected + bad.size())) {
							// The error report stops at the limit; what was good so far is kept.
							bad.removeLast();
							flush(started, good, bad, tally, registry.bytesRead());
							throw limits.gaveUp(tally.created + tally.updated);
						}
						if (good.size() + bad.size() >= BATCH) {
							flush(started, good, bad, tally, registry.bytesRead());
						}
					}
					flush(started, good, bad, tally, registry.bytesRead());
					return "%d rows, %d debts new, %d updated, %d rejected, %d kept with a note, %d skipped".formatted(
							tally.total, tally.created, tally.updated, tally.rejected, tally.noted, tally.skipped);
				});
	}

	/**
	 * The file's next row; when the file is refused part-way (a limit, a broken line), the rows read before it are
	 * stored first, so that what the import says it kept is all it read.
	 */
	private SourceRow next(TabularFile registry, PortfolioImport started, List<PortfolioRow.Good> good, List<RowError> bad,
			Tally tally) {
		try {
			return registry.next();
		}
		catch (Rejected refused) {
			flush(started, good, bad, tally, registry.bytesRead());
			throw refused;
		}
	}

	private void flush(PortfolioImport started, List<PortfolioRow.Good> good, List<RowError> bad, Tally tally,
			long bytesRead) {
		TenantId tenant = started.tenantId();
		List<RowError> notes = new ArrayList<>(tally.skippedRows);
		good.stream().map(PortfolioRow.Good::note).filter(java.util.Objects::nonNull).forEach(notes::add);
		long noted = notes.size() - tally.skippedRows.size();
		Stored stored = transaction.execute(status -> {
			// Rows whose external id clashes with the agency's debts are rejected before their debtors are added.
			Map<Integer, Rejected> refused = good.isEmpty() ? Map.of()
					: debts.refusals(tenant, good.stream().map(PortfolioRow.Good::debt).toList());
			for (int i = good.size() - 1; i >= 0; i--) {
				Rejected why = refused.get(i);
				if (why != null) {
					bad.add(tally.rows.externalIdRefused(good.get(i).line(), why));
					good.remove(i);
				}
			}
			bad.sort(java.util.Comparator.comparingLong(RowError::line));
			List<Contact> debtors = good.isEmpty() ? List.of()
					: contacts.addOrFind(tenant, good.stream().map(PortfolioRow.Good::debtor).toList());
			List<Owed> owed = new ArrayList<>(good.size());
			Set<Map.Entry<ContactId, PhoneNumber>> numbers = new LinkedHashSet<>();
			for (int i = 0; i < good.size(); i++) {
				ContactId debtor = debtors.get(i).id();
				owed.add(new Owed(debtor, good.get(i).debt()));
				good.get(i).phones().forEach(phone -> numbers.add(Map.entry(debtor, phone)));
			}
			Stored batch = debts.upsert(tenant, started.portfolioId(), started.id(), owed);
			phones.add(tenant, started.id(), List.copyOf(numbers));
			records.reject(tenant, started.id(), bad);
			records.note(tenant, started.id(), notes);
			records.progress(tenant, started.id(), new Progress(bytesRead,
					tally.total + good.size() + bad.size() + tally.skippedRows.size(), tally.created + batch.created(),
					tally.updated + batch.updated(), tally.rejected + bad.size(), tally.noted + noted,
					tally.skipped + tally.skippedRows.size()));
			return batch;
		});
		tally.total += good.size() + bad.size() + tally.skippedRows.size();
		tally.noted += noted;
		tally.skipped += tally.skippedRows.size();
		tally.skippedRows.clear();
		tally.created += stored.created();
		tally.updated += stored.updated();
		tally.rejected += bad.size();
		good.clear();
		bad.clear();
	}

	private static final class Tally {
		long total;
		long created;
		long updated;
		long rejected;
		long noted;
		long skipped;
		PortfolioRows rows;
		/** Skipped rows not stored yet: they go with the next batch. */
		final List<RowError> skippedRows = new ArrayList<>();
	}
}
