package ru.kredo.collections;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Why an agency may watch a debtor's credit history (218-ФЗ): the loan contract he concluded with the original
 * creditor, with whose consent it came, and the assignment of the claim to the agency. One per debtor with a debt not
 * closed — of several, the one with the earliest contract date — for a portfolio or one debtor; a debtor whose debts
 * are all closed has none (the contract that kept his consent alive has ended).
 */
@Service
public class CreditHistoryBases {

	private final JdbcClient jdbc;

	CreditHistoryBases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A debtor's basis: the contract (its number and date) and the assignment
	 * ({@code assignmentDate} null when unknown).
	 */
	public record DebtBasis(ContactId debtor, DebtId debt, String originalCreditor, String contractNumber,
			LocalDate contractDate, LocalDate assignmentDate) {
	}

	/** The basis of each debtor of the portfolio who has a debt not closed, by debtor. */
	public List<DebtBasis> ofPortfolio(TenantId tenant, UUID portfolio) {
		return jdbc.sql(SELECT + " and portfolio_id = ? order by contact_id, contract_date, id")
			.params(tenant.value(), portfolio)
			.query((row, n) -> basis(row))
			.list();
	}

	/** The debtor's basis, when he has a debt not closed. */
	public Optional<DebtBasis> ofDebtor(TenantId tenant, ContactId debtor) {
		return jdbc.sql(SELECT + " and contact_id = ? order by contact_id, contract_date, id")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> basis(row))
			.optional();
	}

	private static final String SELECT = """
			select distinct on (contact_id) contact_id, id, original_creditor, contract_number, contract_date,
			       assignment_date
			from debts where tenant_id = ? and state <> 'CLOSED'""";

	private static DebtBasis basis(java.sql.ResultSet row) throws java.sql.SQLException {
		return new DebtBasis(new ContactId(row.getObject("contact_id", UUID.class)),
				new DebtId(row.getObject("id", UUID.class)), row.getString("original_creditor"),
				row.getString("contract_number"),
				row.getObject("contract_date", LocalDate.class), row.getObject("assignment_date", LocalDate.class));
	}
}
