package ru.kredo.contacting.internal;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ru.kredo.contacting.MessageTemplate;

/**
 * The e-mail channel to debtors, over the SMTP server of {@code spring.mail.*} (the staff's mail server). Only the gate
 * ({@code contacting.Contacting}) calls it: nothing reaches a debtor around the contact rules
 * ({@code OutboundDependenciesTests}). As with the staff's mail, without {@code spring.mail.host} there is no mail
 * server and the channel is not connected: nothing leaves Kredo (development, tests, the demo).
 * <p>
 * The agency's own address (its requisites' e-mail) is the {@code From} and {@code Reply-To} the debtor sees and
 * answers to (137-ФЗ: the message comes from the creditor's own sender); the envelope sender ({@code MAIL FROM}, the
 * bounce address SPF checks) is the platform's, {@code kredo.contacting.mail.envelope-from}, since the platform's
 * server sends it. docs/contact-rules.md «The e-mail channel».
 */
@Component
public class DebtorMail {

	private final ObjectProvider<JavaMailSender> mail;
	private final String platform;

	DebtorMail(ObjectProvider<JavaMailSender> mail,
			@Value("${kredo.contacting.mail.envelope-from:${kredo.digests.from:kredo@localhost}}") String platform) {
		this.mail = mail;
		this.platform = platform;
	}

	/** Whether a mail server is configured ({@code spring.mail.host}), so that an e-mail can go out at all. */
	public boolean isConnected() {
		return mail.getIfAvailable() != null;
	}

	/**
	 * Sends {@code text} to {@code to}, from the agency's address {@code agency} (also its {@code Reply-To};
	 * {@code null}: the platform's own, for a reply the debtor asked for); throws when no server is configured or the
	 * server refuses it.
	 */
	public void send(String to, String agency, String subject, String text) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("No mail server is configured (spring.mail.host)");
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setTo(to);
			helper.setFrom(agency == null ? platform : agency);
			if (agency != null) {
				helper.setReplyTo(agency);
			}
			helper.setSubject(subject);
			helper.setText(text, false);
			SMTPMessage envelope = new SMTPMessage(message);
			envelope.setEnvelopeFrom(platform);
			sender.send(envelope);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("The e-mail could not be made", ex);
		}
	}

	/** The subject: the agency's name and what the message is about. */
	public static String subject(String agencyName, String purpose) {
		String about = MessageTemplate.of(purpose).map(template -> switch (template) {
			case CHAT_ANSWERED -> "ответ в личном кабинете";
			case DOCUMENT_REQUEST_ANSWERED -> "ответ на запрос документа";
			case STATEMENT_ANSWERED -> "ответ на ваше заявление";
			case PLAN_INSTALMENT_DUE -> "платёж по плану";
			case PLAN_BEHIND -> "платёж по плану не поступил";
			case CABINET_INVITATION -> "личный кабинет";
		}).orElse("сообщение");
		return "«" + agencyName + "»: " + about;
	}
}
