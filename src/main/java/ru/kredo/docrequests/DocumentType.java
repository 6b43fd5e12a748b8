package ru.kredo.docrequests;

/** What a debtor may ask his agency for: documents Kredo does not make by itself. */
public enum DocumentType {
	/** A copy of the notice of assignment (уведомление об уступке). */
	NOTICE_OF_ASSIGNMENT,
	/** An extract of the assignment agreement for his debt (выписка из договора цессии). */
	ASSIGNMENT_EXTRACT,
	/** A calculation of the debt (расчёт задолженности). */
	DEBT_CALCULATION,
	/** A certificate for a bank (справка для банка). */
	BANK_CERTIFICATE,
	/** Anything else: his comment says what. */
	OTHER
}
