package ru.kredo.collections.internal;

import static ru.kredo.collections.internal.PortfolioField.CONTRACT_DATE;
import static ru.kredo.collections.internal.PortfolioField.CONTRACT_NUMBER;
import static ru.kredo.collections.internal.PortfolioField.FEES;
import static ru.kredo.collections.internal.PortfolioField.INTEREST;
import static ru.kredo.collections.internal.PortfolioField.ORIGINAL_CREDITOR;
import static ru.kredo.collections.internal.PortfolioField.PENALTIES;
import static ru.kredo.collections.internal.PortfolioField.PRINCIPAL;
import static ru.kredo.collections.internal.PortfolioField.STATE_DUTY;
import static ru.kredo.collections.internal.PortfolioField.TOTAL;

import java.util.List;
import java.util.stream.Stream;

import ru.kredo.contacts.PersonColumns;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.ColumnMap;

/**
 * Which column of a registry holds what: the debtor's ({@link PersonColumns}: ФИО and birth date required) and the
 * debt's. A registry must name the contract (number and date), the creditor (unless the form names one for the whole
 * file) and at least one amount; anything else may be missing.
 */
final class PortfolioColumns {

	static final List<PortfolioField> COMPONENTS = List.of(STATE_DUTY, FEES, INTEREST, PRINCIPAL, PENALTIES);

	private final PersonColumns person;
	private final ColumnMap<PortfolioField> debt;

	private PortfolioColumns(PersonColumns person, ColumnMap<PortfolioField> debt) {
		this.person = person;
		this.debt = debt;
	}

	/** Maps a header, refusing a registry that cannot say whose debt under which contract for how much. */
	static PortfolioColumns of(List<String> header, boolean creditorGiven) {
		PersonColumns person = PersonColumns.of(header);
		ColumnMap<PortfolioField> debt = ColumnMap.of(header, PortfolioField.class, PortfolioField.WORDS::recognize);
		String columns = String.join(", ", header);
		if (!debt.has(CONTRACT_NUMBER)) {
			throw new Rejected("portfolio.contract-column-missing", columns);
		}
		if (!debt.has(CONTRACT_DATE)) {
			throw new Rejected("portfolio.contract-date-column-missing", columns);
		}
		if (!debt.has(ORIGINAL_CREDITOR) && !creditorGiven) {
			throw new Rejected("portfolio.creditor-column-missing", columns);
		}
		if (Stream.concat(COMPONENTS.stream(), Stream.of(TOTAL)).noneMatch(debt::has)) {
			throw new Rejected("portfolio.amount-column-missing", columns);
		}
		return new PortfolioColumns(person, debt);
	}

	/**
	 * Whether a row reads like a registry's header rather than its title: three of its cells name a field of the
	 * debtor or the debt.
	 */
	static boolean looksLikeHeader(List<String> row) {
		return row.stream().filter(cell -> PersonColumns.WORDS.recognize(cell).isPresent()
				|| PortfolioField.WORDS.recognize(cell).isPresent()).count() >= 3;
	}

	PersonColumns person() {
		return person;
	}

	ColumnMap<PortfolioField> debt() {
		return debt;
	}

	/** Whether the registry states the composition, or only a total (which is then taken as principal). */
	boolean hasComponents() {
		return COMPONENTS.stream().anyMatch(debt::has);
	}

	/** The headers neither the debtor nor the debt names, which the import ignores. */
	List<String> ignored() {
		List<String> unknownToPerson = person.columns().ignored();
		return debt.ignored().stream().filter(unknownToPerson::contains).toList();
	}
}
