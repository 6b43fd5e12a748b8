package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
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
import ru.kredo.platform.Redacted;
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
	private final Representatives representatives;
	private final TransactionTemplate apart;

	Contacting(JdbcClient jdbc, ContactLog contactLog, ContactBars bars, DebtorZones zones, BusinessCalendar calendar,
			TenantClocks clocks, PersonalData personalData, SmsGateway sms, DebtorMail mail,
			ContactTemplates templates, Contacts contacts, Representatives representatives,
			PlatformTransactionManager transactions) {
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
		this.representatives = representatives;
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Asks the rules about one message and logs the attempt, in the caller's transaction if there is one; a message
	 * that may go now is handed to the channel once that transaction commits.
	 */
	@Transactional
	public Attempt send(Outbound message) {
		return send(message, batch());
	}

	/**
	 * {@link #send(Outbound)} as one message of a batch: the agency's name, phone and sender are taken from
	 * {@code wordings}, read once a tenant for the whole batch (docs/contact-rules.md «Statements a message»).
	 */
	@Transactional
	public Attempt send(Outbound asked, AgencyWordings wordings) {
		lock(asked.tenant(), asked.debtor());
		Instant now = clocks.clock(asked.tenant()).instant();
		Route route = route(asked.tenant(), asked.debtor(), asked.channel(), asked.initiative(), asked.address());
		// a text to a debtor with no phone but an e-mail goes by e-mail (route): logged and counted as the e-mail it is
		Outbound message = route.channel() == asked.channel() ? asked : asked.by(route.channel());
		String address = route.address();
		if (address == null) {
			return route.recipient() == Recipient.REPRESENTATIVE
					? insert(message, route, State.REFUSED, Reason.REPRESENTATIVE, null, now)
					: insert(message, route, State.DROPPED, Reason.NO_ADDRESS, null, now);
		}
		Reason unnamed = unnamed(wordings, message.tenant(), message.channel(), message.initiative(), message.text());
		if (unnamed != null) {
			return insert(message, route, State.REFUSED, unnamed, null, now);
		}
		Decision decision = decide(message.tenant(), message.debtor(), message.channel(), message.initiative(),
				message.debt(), message.notAfter(), now, route.recipient());
		Attempt attempt = switch (decision.verdict()) {
			case SEND -> insert(message, route, State.SENT, null, null, now);
			case HOLD -> insert(message, route, State.HELD, decision.reason(), decision.at(), now);
			case REFUSE -> insert(message, route, State.REFUSED, decision.reason(), null, now);
			case DROP -> insert(message, route, State.DROPPED, decision.reason(), null, now);
		};
		if (attempt.state() == State.SENT) {
			deliverAfterCommit(attempt.id(), message.tenant(), message.channel(), message.purpose(), address,
					message.text(), wordings);
		}
		return attempt;
	}

	/** A new batch's wordings: each agency's read on its first message, kept only as long as the caller keeps it. */
	public AgencyWordings batch() {
		return new AgencyWordings(templates);
	}

	/**
	 * To whom, by which channel and where a message goes: {@code address} when the caller gave one (a code, to the phone
	 * he typed); otherwise, while a representative is in force ({@link Representatives}), to the representative's
	 * address on the channel ({@code null} on a channel his statement gives none for: the message is then refused, it
	 * may not go to the debtor); else to the debtor's own phone or e-mail on file ({@code null}: none) — and a text
	 * (not a code: sign-in is by phone) to a debtor with no phone but an e-mail on file goes by e-mail, when the e-mail
	 * channel is connected.
	 */
	record Route(Recipient recipient, Channel channel, String address) {
	}

	Route route(TenantId tenant, ContactId debtor, Channel channel, Initiative initiative, String address) {
		if (address != null) {
			return new Route(Recipient.DEBTOR, channel, address);
		}
		if (initiative == Initiative.REQUESTED_CODE) {
			return own(tenant, debtor, channel, initiative);
		}
		return toRepresentative(tenant, debtor, channel).orElseGet(() -> own(tenant, debtor, channel, initiative));
	}

	/** The route to his representative while one is in force ({@link #route}); none: the message is the debtor's. */
	Optional<Route> toRepresentative(TenantId tenant, ContactId debtor, Channel channel) {
		return representatives.of(tenant, debtor)
			.map(reached -> new Route(Recipient.REPRESENTATIVE, channel, reached.on(channel)));
	}

	/** Whether texts really leave Kredo (an SMS provider is configured), or stay in the development outbox. */
	public boolean textsAreSent() {
		return !sms.isOutbox();
	}

	/** Whether e-mails to debtors can leave Kredo at all: a mail server is configured ({@code spring.mail.host}). */
	public boolean emailsAreSent() {
		return mail.isConnected();
	}

	/**
	 * The rules as the gate asks them: his history, his bars, his zone. A message to his representative is not stopped
	 * by the representative's bar (it is the bar's meaning that the agency writes to him), but by every other; it is
	 * counted against the debtor's limits and held to the debtor's hours.
	 */
	Decision decide(TenantId tenant, ContactId debtor, Channel channel, Initiative initiative, DebtId debt,
			Instant notAfter, Instant now, Recipient recipient) {
		if (initiative == Initiative.REQUESTED_CODE) {
			return rules.decide(channel, initiative, debt, notAfter, List.of(), List.of(), calendar.agencyZone(), now);
		}
		ZoneId zone = zone(tenant, debtor);
		List<Instant> counted = initiative == Initiative.COLLECTION
				? contactLog.counted(tenant, debtor, channel.kind(), now.atZone(zone).minusMonths(1).minusDays(1).toInstant())
				: List.of();
		List<Bar> standing = bars.standing(tenant, debtor);
		if (recipient == Recipient.REPRESENTATIVE) {
			standing = standing.stream().filter(bar -> bar.kind() != BarKind.REPRESENTATIVE).toList();
		}
		return rules.decide(channel, initiative, debt, notAfter, counted, standing, zone, now);
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
	Reason unnamed(AgencyWordings agency, TenantId tenant, Channel channel, Initiative initiative, String text) {
		if (!channel.isElectronic() || initiative == Initiative.REQUESTED_CODE) {
			return null;
		}
		var phone = agency.phone(tenant);
		if (phone.isEmpty() || !ContactTemplates.givesPhone(text, phone.get())
				|| !ContactTemplates.namesAgency(text, agency.name(tenant))) {
			return Reason.UNNAMED_CREDITOR;
		}
		if (initiative == Initiative.COLLECTION && channel == Channel.SMS && textsAreSent()
				&& agency.sender(tenant).isEmpty()) {
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

	private Route own(TenantId tenant, ContactId debtor, Channel channel, Initiative initiative) {
		Contact contact = contacts.get(tenant, debtor);
		if (channel == Channel.SMS && initiative != Initiative.REQUESTED_CODE && contact.phone() == null
				&& contact.email() != null && !contact.email().isBlank() && mail.isConnected()) {
			return new Route(Recipient.DEBTOR, Channel.EMAIL, contact.email());
		}
		return new Route(Recipient.DEBTOR, channel, address(channel, contact));
	}

	private static String address(Channel channel, Contact contact) {
		return switch (channel) {
			case SMS -> contact.phone() == null ? null : contact.phone().e164();
			case EMAIL -> contact.email() == null || contact.email().isBlank() ? null : contact.email();
			default -> null;
		};
	}

	private Attempt insert(Outbound message, Route route, State state, Reason reason, Instant dueAt, Instant now) {
		String address = route.address();
		UUID id = UUID.randomUUID();
		boolean counted = state == State.SENT && message.initiative() == Initiative.COLLECTION;
		jdbc.sql("""
				insert into contact_attempts (id, tenant_id, contact_id, debt_id, channel, kind, initiative, state, reason,
				    counted, purpose, address, body, due_at, not_after, sent_at, created_at, updated_at, recipient)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, message.tenant().value(), message.debtor().value(),
					message.debt() == null ? null : message.debt().value(), message.channel().name(),
					message.channel().kind().name(), message.initiative().name(), state.name(),
					reason == null ? null : reason.name(), counted, message.purpose(),
					address == null ? null : personalData.seal("contact_attempts.address", address).bytes(),
					personalData.seal("contact_attempts.body", message.logged()).bytes(), timestamp(dueAt),
					timestamp(message.notAfter()), state == State.SENT ? Timestamp.from(now) : null,
					Timestamp.from(now), Timestamp.from(now), route.recipient().name())
			.update();
		if (state != State.SENT) {
			log.info("A message to debtor {} of tenant {} ({}) is {}: {}", message.debtor().value(),
					message.tenant().value(), message.purpose(), state, reason);
		}
		return new Attempt(id, state, reason, dueAt);
	}

	/** Hands a logged message to its channel once the row commits (at once without a transaction). */
	void deliverAfterCommit(UUID attempt, TenantId tenant, Channel channel, String purpose, String address,
			String text, AgencyWordings wordings) {
		Runnable deliver = () -> deliver(attempt, tenant, channel, purpose, address, text, wordings);
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
			String text, AgencyWordings wordings) {
		try {
			switch (channel) {
				case SMS -> sms.send(tenant, PhoneNumber.parse(address), text, wordings.sender(tenant).orElse(null));
				case EMAIL -> mail.send(address, templates.email(tenant).orElse(null),
						DebtorMail.subject(wordings.name(tenant), purpose), text);
				default -> throw new IllegalStateException("No " + channel + " channel is connected");
			}
		}
		catch (RuntimeException ex) {
			log.warn("The channel refused message {} of tenant {}: {}", attempt, tenant.value(), Redacted.message(ex));
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
