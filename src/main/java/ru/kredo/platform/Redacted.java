package ru.kredo.platform;

import java.util.regex.Pattern;

/**
 * What went wrong, fit for the log: an exception's class and message with every e-mail address and phone number in
 * it replaced. A mail server's refusal names the recipient («550 5.1.1 &lt;ivan@mail.ru&gt;: Recipient address
 * rejected»), and JavaMail and Spring put that reply into the message; the log must not keep the debtor's address
 * (152-ФЗ, {@code docs/personal-data.md} «Logs»). The causes' messages are read too, as Spring's {@code MailSendException}
 * joins them into its own.
 */
public final class Redacted {

	private static final Pattern EMAIL = Pattern.compile("[^\\s<>()\\[\\]\"',;:]+@[^\\s<>()\\[\\]\"',;:]+");

	// A phone as a person or a system writes it: 10 to 15 digits, with spaces, dashes, dots or brackets between them.
	private static final Pattern PHONE = Pattern.compile("(?<![\\w.-])\\+?\\d(?:[\\s().-]{0,2}\\d){9,14}(?![\\w-])");

	private static final int MAX_CAUSES = 5;

	private Redacted() {
	}

	/** The exception's class and message, and its causes', without addresses and phone numbers. */
	public static String message(Throwable failure) {
		StringBuilder text = new StringBuilder();
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
			if (depth > 0) {
				text.append("; caused by ");
			}
			text.append(cause.getClass().getSimpleName());
			if (cause.getMessage() != null) {
				text.append(": ").append(text(cause.getMessage()));
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return text.toString();
	}

	/** The text without e-mail addresses and phone numbers. */
	public static String text(String text) {
		return PHONE.matcher(EMAIL.matcher(text).replaceAll("<e-mail>")).replaceAll("<phone>");
	}
}
