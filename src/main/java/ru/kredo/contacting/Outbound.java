package ru.kredo.contacting;

import java.time.Instant;
import java.util.Objects;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tenancy.TenantId;

/**
 * One message to a debtor, as asked of the gate ({@link Contacting#send}).
 *
 * @param debt the debt it is about; {@code null} for the debtor as a whole (a chat notice, an invitation)
 * @param purpose a stable key of what it is ({@code plan.instalment-due}, {@code cabinet.sign-in-code}…), kept in the log
 * @param text what he reads
 * @param notAfter after this it means nothing: held past it, it is dropped as stale; {@code null}, it never goes stale
 * @param address where to send it (a phone in E.164 for a text, an e-mail address for an e-mail); {@code null}: his
 * phone or e-mail on file
 * @param secret a part of {@code text} never kept in the log (a code): the log's body has it masked
 */
public record Outbound(TenantId tenant, ContactId debtor, DebtId debt, Channel channel, Initiative initiative,
		String purpose, String text, Instant notAfter, String address, String secret) {

	/** What the log's body shows in place of a secret. */
	static final String MASK = "******";

	public Outbound {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(debtor, "debtor");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(initiative, "initiative");
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(text, "text");
		if (channel.kind() != ContactKind.MESSAGE) {
			throw new IllegalArgumentException("The gate sends messages; calls are logged by the card: " + channel);
		}
		if (initiative == Initiative.REQUESTED_CODE && (secret == null || secret.isEmpty())) {
			throw new IllegalArgumentException("A requested code names its code, to keep it out of the log");
		}
	}

	/** A text the debtor himself asked for at this moment, carrying {@code code}, to the phone he typed. */
	public static Outbound code(TenantId tenant, ContactId debtor, PhoneNumber phone, String purpose, String text,
			String code) {
		return new Outbound(tenant, debtor, null, Channel.SMS, Initiative.REQUESTED_CODE, purpose, text, null,
				phone.e164(), code);
	}

	/**
	 * A text to his phone on file; when he has no phone but an e-mail on file and the e-mail channel is connected, the
	 * gate sends it by e-mail instead (docs/contact-rules.md «The e-mail channel»).
	 */
	public static Outbound text(TenantId tenant, ContactId debtor, DebtId debt, Initiative initiative, String purpose,
			String text, Instant notAfter) {
		return new Outbound(tenant, debtor, debt, Channel.SMS, initiative, purpose, text, notAfter, null, null);
	}

	/** An e-mail to {@code address}, or, {@code null}, to his e-mail on file. */
	public static Outbound email(TenantId tenant, ContactId debtor, DebtId debt, Initiative initiative, String purpose,
			String text, Instant notAfter, String address) {
		return new Outbound(tenant, debtor, debt, Channel.EMAIL, initiative, purpose, text, notAfter, address, null);
	}

	/** The same message by another channel (to his address on file for it). */
	Outbound by(Channel other) {
		return new Outbound(tenant, debtor, debt, other, initiative, purpose, text, notAfter, null, secret);
	}

	/** The text as the log keeps it: the secret masked. */
	String logged() {
		return secret == null || secret.isEmpty() ? text : text.replace(secret, MASK);
	}

	@Override
	public String toString() {
		return "Outbound[" + tenant + ", " + debtor + ", " + channel + ", " + initiative + ", " + purpose + "]";
	}
}
