package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtorZones;
import ru.kredo.contacting.internal.DebtorMail;
import ru.kredo.contacting.internal.SmsGateway;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * The one gate every message to a debtor goes through (docs/contact-rules.md). {@link #send} asks
 * {@link ContactRules} with what he already received ({@link ContactLog}), the bars standing on him
 * ({@link ContactBars}) and his zone ({@link DebtorZones}; unknown, the agency's), at the tenant's now
 * ({@link TenantClocks}: a sandbox's test clock moves it), and writes one {@code contact_attempts} row whatever comes of
 * it: SENT (counted when it is the agency's collection contact), HELD until its next allowed moment (sent then by
 * {@link HeldMessages}), REFUSED (a bar; a text that does not name the agency and its phone; no registered sender),
 * DROPPED (stale; nowhere to send). Address and text are sealed; a code is masked in the log. Sends for one debtor are
 * serialized by a transaction-scoped advisory lock, so two at once never both take his last slot. The channel is
 * called after the row commits, on the caller's thread; if it refuses, the row becomes FAILED (nothing counted).
 * Channels connected: SMS ({@link SmsGateway}) and e-mail ({@link DebtorMail}, with a mail server); a text to a debtor
 * with no phone but an e-mail on file goes by e-mail.
 */
@Service
public class Contacting {

	private static final Logger log = LoggerFactory.getLogger(Contacting.class);

	/** What became of an attempt. */
	public enum State {
		SENT, HELD, REFUSED, DROPPED, FAILED
	}

	/** One attempt as logged: {@code reason} why it did not go now, {@code dueAt} when a held one is asked again. */
	public record Attempt(UUID id, State state, Reason reason, Instant dueAt) {
	}

	private final JdbcClient jdbc;
	private final ContactLog contactLog;
	private final ContactBars bars;
	private final DebtorZones zones;
	private final BusinessCalendar calendar;
	private final TenantClocks clocks;
	private final PersonalData personalData;
	private final SmsGateway sms;
	private final DebtorMail mail;
	private final ContactTemplates templates;
	private final Contacts contacts;
	private final ContactRules rules;
	private final TransactionTemplate apart;

	Contacting(JdbcClient jdbc, ContactLog contactLog, ContactBars bars, DebtorZones zones, BusinessCalendar calendar,
			TenantClocks clocks, PersonalData personalData, SmsGateway sms, DebtorMail mail,
			ContactTemplates templates, Contacts contacts, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.contactLog = contactLog;
		this.bars = bars;
		this.zones = zones;
		this.calendar = calendar;
		this.clocks = clocks;
		this.personalData = personalData;
		this.sms = sms;
		this.mail = mail;
		this.templates = templates;
		this.contacts = contacts;
		this.rules = new ContactRules(calendar.days());
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Asks the rules about one message and logs the attempt, in the caller's transaction if there is one; a message
	 * that may go now is handed to the channel once that transaction commits.
	 */
	@Transactional
	public Attempt send(Outbound asked) {
		lock(asked.tenant(), asked.debtor());
		Instant now = clocks.clock(asked.tenant()).instant();
		Contact onFile = asked.address() == null ? contacts.get(asked.tenant(), asked.debtor()) : null;
		Outbound message = routed(asked, onFile);
		String address = message.address() != null ? message.address() : address(message.channel(), onFile);
		if (address == null) {
			return insert(message, null, State.DROPPED, Reason.NO_ADDRESS, null, now);
		}
		Reason unnamed = unnamed(message.tenant(), message.channel(), message.initiative(), message.text());
		if (unnamed != null) {
			return insert(message, address, State.REFUSED, unnamed, null, now);
		}
		Decision decision = decide(message.tenant(), message.debtor(), message.channel(), message.initiative(),
				message.debt(), message.notAfter(), now);
		Attempt attempt = switch (decision.verdict()) {
			case SEND -> insert(message, address, State.SENT, null, null, now);
			case HOLD -> insert(message, address, State.HELD, decision.reason(), decision.at(), now);
			case REFUSE -> insert(message, address, State.REFUSED, decision.reason(), null, now);
			case DROP -> insert(message, address, State.DROPPED, decision.reason(), null, now);
		};
		if (attempt.state() == State.SENT) {
			deliverAfterCommit(attempt.id(), message.tenant(), message.channel(), message.purpose(), address,
					message.text());
		}
		return attempt;
	}

	/**
	 * The channel a message goes by: as asked, except that a text to his phone on file (not a code: sign-in is by
	 * phone) goes by e-mail when he has no phone but an e-mail on file and the e-mail channel is connected.
	 */
	private Outbound routed(Outbound message, Contact onFile) {
		if (onFile == null || message.channel() != Channel.SMS || message.initiative() == Initiative.REQUESTED_CODE
				|| onFile.phone() != null || onFile.email() == null || onFile.email().isBlank()
				|| !mail.isConnected()) {
			return message;
		}
		return message.by(Channel.EMAIL);
	}

	/** Whether texts really leave Kredo (an SMS provider is configured), or stay in the development outbox. */
	public boolean textsAreSent() {
		return !sms.isOutbox();
	}

	/** Whether e-mails to debtors can leave Kredo at all: a mail server is configured ({@code spring.mail.host}). */
	public boolean emailsAreSent() {
		return mail.isConnected();
	}

	/** The rules as the gate asks them: his history, his bars, his zone. */
	Decision decide(TenantId tenant, ContactId debtor, Channel channel, Initiative initiative, DebtId debt,
			Instant notAfter, Instant now) {
		if (initiative == Initiative.REQUESTED_CODE) {
			return rules.decide(channel, initiative, debt, notAfter, List.of(), List.of(), calendar.agencyZone(), now);
		}
		ZoneId zone = zone(tenant, debtor);
		List<Instant> counted = initiative == Initiative.COLLECTION
				? contactLog.counted(tenant, debtor, channel.kind(), now.atZone(zone).minusMonths(1).minusDays(1).toInstant())
				: List.of();
		return rules.decide(channel, initiative, debt, notAfter, counted, bars.standing(tenant, debtor), zone, now);
	}

	/** The debtor's zone: where he lives, else the agency's ({@code kredo.time-zone}). */
	ZoneId zone(TenantId tenant, ContactId debtor) {
		return zones.find(tenant, debtor)
			.map(DebtorZones.DebtorZone::timeZone)
			.filter(Objects::nonNull)
			.orElse(calendar.agencyZone());
	}

	/**
	 * Why an electronic message may not go whatever the hour (137-ФЗ), or {@code null}: a message other than a code he
	 * asked for must name the agency and give its phone (none on its requisites, none given); a collection text that
	 * really leaves Kredo must come from the agency's registered sender name, a collection e-mail from the agency's
	 * own e-mail on its requisites.
	 */
	Reason unnamed(TenantId tenant, Channel channel, Initiative initiative, String text) {
		if (!channel.isElectronic() || initiative == Initiative.REQUESTED_CODE) {
			return null;
		}
		var phone = templates.phone(tenant);
		if (phone.isEmpty() || !ContactTemplates.givesPhone(text, phone.get())
				|| !ContactTemplates.namesAgency(text, templates.agencyName(tenant))) {
			return Reason.UNNAMED_CREDITOR;
		}
		if (initiative == Initiative.COLLECTION && channel == Channel.SMS && textsAreSent()
				&& templates.sender(tenant).isEmpty()) {
			return Reason.NO_SENDER;
		}
		if (initiative == Initiative.COLLECTION && channel == Channel.EMAIL && templates.email(tenant).isEmpty()) {
			return Reason.NO_SENDER;
		}
		return null;
	}

	/** Serializes every decision about one debtor: held to the end of the caller's transaction. */
	void lock(TenantId tenant, ContactId debtor) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("contact_attempts:" + tenant.value() + ":" + debtor.value())
			.query((row, n) -> 0)
			.list();
	}

	private static String address(Channel channel, Contact contact) {
		return switch (channel) {
			case SMS -> contact.phone() == null ? null : contact.phone().e164();
			case EMAIL -> contact.email() == null || contact.email().isBlank() ? null : contact.email();
			default -> null;
		};
	}

	private Attempt insert(Outbound message, String address, State state, Reason reason, Instant dueAt, Instant now) {
		UUID id = UUID.randomUUID();
		boolean counted = state == State.SENT && message.initiative() == Initiative.COLLECTION;
		jdbc.sql("""
				insert into contact_attempts (id, tenant_id, contact_id, debt_id, channel, kind, initiative, state, reason,
				    counted, purpose, address, body, due_at, not_after, sent_at, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, message.tenant().value(), message.debtor().value(),
					message.debt() == null ? null : message.debt().value(), message.channel().name(),
					message.channel().kind().name(), message.initiative().name(), state.name(),
					reason == null ? null : reason.name(), counted, message.purpose(),
					address == null ? null : personalData.seal("contact_attempts.address", address).bytes(),
					personalData.seal("contact_attempts.body", message.logged()).bytes(), timestamp(dueAt),
					timestamp(message.notAfter()), state == State.SENT ? Timestamp.from(now) : null,
					Timestamp.from(now), Timestamp.from(now))
			.update();
		if (state != State.SENT) {
			log.info("A message to debtor {} of tenant {} ({}) is {}: {}", message.debtor().value(),
					message.tenant().value(), message.purpose(), state, reason);
		}
		return new Attempt(id, state, reason, dueAt);
	}

	/** Hands a logged message to its channel once the row commits (at once without a transaction). */
	void deliverAfterCommit(UUID attempt, TenantId tenant, Channel channel, String purpose, String address,
			String text) {
		Runnable deliver = () -> deliver(attempt, tenant, channel, purpose, address, text);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			deliver.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deliver.run();
			}
		});
	}

	private void deliver(UUID attempt, TenantId tenant, Channel channel, String purpose, String address,
			String text) {
		try {
			switch (channel) {
				case SMS -> sms.send(tenant, PhoneNumber.parse(address), text, templates.sender(tenant).orElse(null));
				case EMAIL -> mail.send(address, templates.email(tenant).orElse(null),
						DebtorMail.subject(templates.agencyName(tenant), purpose), text);
				default -> throw new IllegalStateException("No " + channel + " channel is connected");
			}
		}
		catch (RuntimeException ex) {
			log.warn("The channel refused message {} of tenant {}: {}", attempt, tenant.value(), ex.getMessage());
			apart.executeWithoutResult(status -> jdbc.sql("""
					update contact_attempts set state = 'FAILED', counted = false, updated_at = ?
					where id = ? and state = 'SENT'""")
				.params(Timestamp.from(clocks.clock(tenant).instant()), attempt)
				.update());
		}
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}
