package ru.kredo.contacting;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor's statement under ст. 8 230-ФЗ made from his cabinet ({@link ContactStatements}): a refusal of interaction
 * ({@link BarKind#REFUSAL}) or interaction only through his representative, an advocate
 * ({@link BarKind#REPRESENTATIVE}, with {@code representative}), with the signed statement as a file.
 *
 * @param representative the advocate's details, opened from their sealed form; {@code null} for a refusal
 * @param declineReason why the agency did not accept it, which the debtor reads; {@code null} unless declined
 * @param debtorName the debtor's ФИО, for the staff's pages
 */
public record ContactStatement(UUID id, TenantId tenantId, ContactId contactId, BarKind kind, State state,
		Representative representative, String fileName, String contentType, int size, Instant createdAt,
		Instant answeredAt, String declineReason, Instant withdrawnAt, String debtorName) {

	/** Where a statement stands. */
	public enum State {
		/** Waiting in the agency's inbox. */
		SUBMITTED,
		/** Accepted by an operator: its bar stands until the debtor withdraws it. */
		CONFIRMED,
		/** Not accepted, with a reason the debtor reads. */
		DECLINED,
		/** Withdrawn by the debtor (waiting or in force). */
		WITHDRAWN
	}

	/** The representative a debtor names (ч. 3 ст. 8): ФИО, phone, postal address and e-mail, as he gave them. */
	public record Representative(String name, String phone, String address, String email) {
	}

	public boolean isWaiting() {
		return state == State.SUBMITTED;
	}

	/** Whether the debtor may still withdraw it: waiting or in force. */
	public boolean isWithdrawable() {
		return state == State.SUBMITTED || state == State.CONFIRMED;
	}

	/** The bar's source a confirmed statement marks ({@link ContactBars}). */
	public String barSource() {
		return "statement:" + id;
	}
}
