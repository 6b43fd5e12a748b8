package ru.kredo.contacting;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Telling the debtor that the agency answered his statement of ст. 8 230-ФЗ (confirmed or declined it): a
 * {@link Initiative#REPLY} through the gate, worded by the agency's template {@link MessageTemplate#STATEMENT_ANSWERED}
 * (internal/AnswerTexts). docs/contact-rules.md «Debtor's statements».
 */
public interface StatementNotices {

	void statementAnswered(TenantId agency, ContactId debtor);
}
