package ru.kredo.collections.internal;

import static ru.kredo.collections.internal.PortfolioField.ASSIGNMENT_DATE;
import static ru.kredo.collections.internal.PortfolioField.CONTRACT_DATE;
import static ru.kredo.collections.internal.PortfolioField.CONTRACT_NUMBER;
import static ru.kredo.collections.internal.PortfolioField.DAYS_PAST_DUE;
import static ru.kredo.collections.internal.PortfolioField.ORIGINAL_CREDITOR;
import static ru.kredo.collections.internal.PortfolioField.OVERDUE_SINCE;
import static ru.kredo.collections.internal.PortfolioField.PAID;
import static ru.kredo.collections.internal.PortfolioField.PRINCIPAL;
import static ru.kredo.collections.internal.PortfolioField.REGION;
import static ru.kredo.collections.internal.PortfolioField.TIME_ZONE;
import static ru.kredo.collections.internal.PortfolioField.TOTAL;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ru.kredo.collections.internal.RussianRegions.Region;
import ru.kredo.contacts.CalendarDate;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PersonField;
import ru.kredo.collections.DebtComponent;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.BadCell;
import ru.kredo.tabular.Cells;
import ru.kredo.tabular.ColumnMap;
import ru.kredo.tabular.NonDataRows;
import ru.kredo.tabular.RowError;
import ru.kredo.tabular.SourceRow;

/**
 * Turns a row of a registry into a debtor and his debt, or into the reason it cannot be: the first wrong cell, named
 * by its column. Amounts are read exactly ({@link MoneyText}); a total, when the registry gives one beside the
 * components, must be their sum; what was paid cannot exceed the claim.
 */
final class PortfolioRows {

	static final int MAX_CREDITOR = 300;
	static final int MAX_CONTRACT = 100;
	static final int MAX_REGION = 100;
	static final int MAX_DAYS_PAST_DUE = 36_500;
	private static final LocalDate EARLIEST_CONTRACT = LocalDate.of(1950, 1, 1);
	private static final Pattern SPACES = Pattern.compile("[\\s\u00A0]+");
	private static final Pattern WHOLE_NUMBER_ZEROS = Pattern.compile("[.,]0+$");
	private static final Map<PortfolioField, DebtComponent> COMPONENT_OF = Map.of(PortfolioField.STATE_DUTY,
			DebtComponent.STATE_DUTY, PortfolioField.FEES, DebtComponent.FEES, PortfolioField.INTEREST,
			DebtComponent.INTEREST, PortfolioField.PRINCIPAL, DebtComponent.PRINCIPAL, PortfolioField.PENALTIES,
			DebtComponent.PENALTIES);

	private final PortfolioColumns columns;
	private final ColumnMap<PortfolioField> debt;
	private final Cells<PortfolioField> cells;
	private final PortfolioDefaults defaults;
	private final LocalDate today;
	private final NonDataRows nonData;

	PortfolioRows(PortfolioColumns columns, PortfolioDefaults defaults, LocalDate today) {
		this.columns = columns;
		this.debt = columns.debt();
		this.cells = new Cells<>(debt);
		this.defaults = defaults;
		this.today = today;
		this.nonData = new NonDataRows(Stream.of(debt.first(CONTRACT_NUMBER), columns.person().columns().first(PersonField.BIRTH_DATE))
			.flatMap(Optional::stream).toList());
	}

	PortfolioRow read(SourceRow row) {
		Optional<RowError> skipped = nonData.skip(row);
		if (skipped.isPresent()) {
			return new PortfolioRow.Skipped(skipped.get());
		}
		try {
			List<BadCell> dropped = new ArrayList<>(1);
			PersonDetails debtor = columns.person().read(row, today, dropped::add);
			String creditor = creditor(row);
			String contract = contractNumber(text(row, CONTRACT_NUMBER, MAX_CONTRACT, "portfolio.contract-required",
					"portfolio.contract-too-long"));
			LocalDate contractDate = contractDate(row);
			LocalDate assigned = assignmentDate(row, contractDate);
			DebtComponents claim = claim(row);
			Money paid = cells.optional(row, PAID, MoneyText::parse).orElse(Money.ZERO);
			if (paid.exceeds(claim.total())) {
				throw new BadCell(debt.name(debt.first(PAID).orElseThrow()), new Rejected("portfolio.paid-exceeds-claim"));
			}
			Integer daysPastDue = cells.optional(row, DAYS_PAST_DUE, PortfolioRows::days).orElse(null);
			LocalDate overdueSince = date(row, OVERDUE_SINCE)
				.orElse(daysPastDue == null ? null : today.minusDays(daysPastDue));
			Whereabouts where = whereabouts(row);
			// The contact keeps his first number; the registry's others are the debtor's, kept by DebtorPhones.
			return new PortfolioRow.Good(row.line(), debtor.withFirstPhoneOnly(), debtor.phones(), new ImportedDebt(
					creditor, contract, contractDate, assigned, claim, paid, daysPastDue, overdueSince, where.region(),
					where.zone(), cells.optional(row, PortfolioField.EXTERNAL_ID, PortfolioRows::externalId).orElse(null)),
					dropped.isEmpty() ? null : dropped.getFirst().at(row.line()));
		}
		catch (BadCell bad) {
			return new PortfolioRow.Bad(bad.at(row.line()));
		}
	}

	/** The row at {@code line} names an external id the row at {@code firstLine} already did. */
	RowError repeatedExternalId(long line, long firstLine) {
		return RowError.of(line, debt.name(debt.first(PortfolioField.EXTERNAL_ID).orElseThrow()),
				new Rejected("portfolio.external-id-repeated", firstLine));
	}

	/** The row at {@code line} was refused for its external id when stored ({@code DebtRows#refusals}). */
	RowError externalIdRefused(long line, Rejected why) {
		return RowError.of(line, debt.name(debt.first(PortfolioField.EXTERNAL_ID).orElseThrow()), why);
	}

	private static String externalId(String text) {
		String id = text.strip();
		if (id.codePointCount(0, id.length()) > ru.kredo.contacts.ExternalId.MAX_LENGTH) {
			throw new Rejected("portfolio.external-id-too-long", ru.kredo.contacts.ExternalId.MAX_LENGTH);
		}
		return id;
	}

	/** The row at {@code line} names a contract the row at {@code firstLine} already did. */
	RowError repeated(long line, long firstLine) {
		return RowError.of(line, debt.name(debt.first(CONTRACT_NUMBER).orElseThrow()),
				new Rejected("portfolio.contract-repeated", firstLine));
	}

	private LocalDate contractDate(SourceRow row) {
		String column = debt.name(debt.first(CONTRACT_DATE).orElseThrow());
		LocalDate date = date(row, CONTRACT_DATE)
			.orElseThrow(() -> new BadCell(column, new Rejected("portfolio.contract-date-required")));
		if (date.isBefore(EARLIEST_CONTRACT)) {
			throw new BadCell(column, new Rejected("portfolio.contract-date-invalid"));
		}
		return date;
	}

	/** Where the debtor lives: a zone written wins over the region's; a region unknown is kept only beside a zone. */
	private Whereabouts whereabouts(SourceRow row) {
		ZoneId zone = cells.optional(row, TIME_ZONE, ZoneText::parse).orElse(null);
		String written = cells.text(row, REGION);
		if (written.isEmpty()) {
			return new Whereabouts(null, zone);
		}
		Optional<Region> known = RussianRegions.find(written);
		if (known.isPresent()) {
			return new Whereabouts(known.get().name(), zone != null ? zone : known.get().zone());
		}
		if (zone == null) {
			throw new BadCell(debt.name(debt.first(REGION).orElseThrow()), new Rejected("portfolio.region-unknown"));
		}
		return new Whereabouts(clip(clean(written), MAX_REGION), zone);
	}

	private record Whereabouts(String region, ZoneId zone) {
	}

	private String creditor(SourceRow row) {
		if (debt.has(ORIGINAL_CREDITOR) && !cells.text(row, ORIGINAL_CREDITOR).isEmpty()) {
			return text(row, ORIGINAL_CREDITOR, MAX_CREDITOR, "portfolio.creditor-required", "portfolio.creditor-too-long");
		}
		if (defaults.originalCreditor() != null) {
			return defaults.originalCreditor();
		}
		throw new BadCell(debt.name(debt.first(ORIGINAL_CREDITOR).orElseThrow()), new Rejected("portfolio.creditor-required"));
	}

	private LocalDate assignmentDate(SourceRow row, LocalDate contractDate) {
		Optional<LocalDate> written = date(row, ASSIGNMENT_DATE);
		LocalDate assigned = written.orElse(defaults.assignmentDate());
		if (assigned != null && assigned.isBefore(contractDate)) {
			String column = debt.first(ASSIGNMENT_DATE).filter(c -> written.isPresent())
				.or(() -> debt.first(CONTRACT_DATE)).map(debt::name).orElseThrow();
			throw new BadCell(column, new Rejected("portfolio.assigned-before-contract"));
		}
		return assigned;
	}

	/** The claim by component; a registry that gives only a total is taken as owing it all as principal. */
	private DebtComponents claim(SourceRow row) {
		Map<DebtComponent, Money> parts = new EnumMap<>(DebtComponent.class);
		for (PortfolioField field : PortfolioColumns.COMPONENTS) {
			cells.optional(row, field, MoneyText::parse).ifPresent(amount -> parts.put(COMPONENT_OF.get(field), amount));
		}
		Optional<Money> total = cells.optional(row, TOTAL, MoneyText::parse);
		if (!columns.hasComponents() && total.isPresent()) {
			parts.put(DebtComponent.PRINCIPAL, total.get());
		}
		DebtComponents claim = new DebtComponents(parts);
		if (total.isPresent() && !total.get().equals(claim.total())) {
			throw new BadCell(debt.name(debt.first(TOTAL).orElseThrow()),
					new Rejected("portfolio.total-mismatch", claim.total(), total.get()));
		}
		if (claim.total().isZero()) {
			int column = debt.first(PRINCIPAL).or(() -> debt.first(TOTAL))
				.orElse(debt.first(PortfolioColumns.COMPONENTS.stream().filter(debt::has).findFirst().orElseThrow()).orElseThrow());
			throw new BadCell(debt.name(column), new Rejected("portfolio.claim-empty"));
		}
		return claim;
	}

	private Optional<LocalDate> date(SourceRow row, PortfolioField field) {
		return cells.optional(row, field, text -> {
			LocalDate date = CalendarDate.parse(text);
			if (date.isAfter(today)) {
				throw new Rejected("portfolio.date-in-future");
			}
			return date;
		});
	}

	private String text(SourceRow row, PortfolioField field, int max, String requiredCode, String tooLongCode) {
		int column = debt.first(field).orElseThrow();
		String text = clean(row.get(column));
		if (text == null) {
			throw new BadCell(debt.name(column), new Rejected(requiredCode));
		}
		if (text.length() > max) {
			throw new BadCell(debt.name(column), new Rejected(tooLongCode, max));
		}
		return text;
	}

	/**
	 * The contract's number without the sign registries often write before it («№ 123», «No. 123»): pages and
	 * documents write «№» themselves («№ №123» otherwise). A number that is nothing but the sign is none.
	 */
	static String contractNumber(String written) {
		String number = CONTRACT_SIGN.matcher(written).replaceFirst("");
		return number.isEmpty() ? written : number;
	}

	private static final Pattern CONTRACT_SIGN = Pattern.compile("^(№+|No\\.|N°|Nº)\\s*");

	/** Whole days, as written or as Excel stores a whole number. */
	static Integer days(String text) {
		String value = WHOLE_NUMBER_ZEROS.matcher(text.strip()).replaceFirst("");
		if (!value.matches("\\d{1,6}") || Integer.parseInt(value) > MAX_DAYS_PAST_DUE) {
			throw new Rejected("portfolio.days-past-due-invalid", MAX_DAYS_PAST_DUE);
		}
		return Integer.parseInt(value);
	}

	/** Spaces collapsed, ends stripped; {@code null} when nothing is left. */
	static String clean(String text) {
		String stripped = text == null ? "" : text.strip();
		String cleaned = stripped.contains("  ") || stripped.indexOf('\t') >= 0 || stripped.indexOf('\n') >= 0
				|| stripped.indexOf('\r') >= 0 || stripped.indexOf('\u00A0') >= 0
				? SPACES.matcher(stripped).replaceAll(" ") : stripped;
		return cleaned.isEmpty() ? null : cleaned;
	}

	private static String clip(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}
}
