package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * An operator's calls (docs/contact-rules.md, «Operator's side»). Before a number is shown the rules are asked, under a
 * lock on the debtor so that two operators cannot both take his last call of the day: barred, over a limit or out of
 * his hours, the call is refused with why and when next ({@link CallNotAllowed}, logged, the number never shown);
 * while a representative is in force (ст. 8 230-ФЗ, {@link Representatives}) the call is his: his phone is dialled, his
 * bar does not stop it, every other bar does, and it counts against the debtor's limits and hours as his texts do;
 * allowed, the number is shown and the call is logged at once as made and counted — every call made counts against
 * ч. 3 ст. 7 230-ФЗ, answered or not (the cautious reading; the docs say why). The operator then records its outcome
 * once; a promise to pay becomes a follow-up ({@link Promises}).
 */
@Service
public class Calls {

	/** The longest note on a call's outcome. */
	public static final int MAX_NOTE = 1000;
	/** How far ahead a promise to pay may be dated (docs/contact-rules.md). */
	public static final int MAX_PROMISE_DAYS = 180;
	static final String ADDRESS = "contact_attempts.address";
	static final String BODY = "contact_attempts.body";
	private static final String PURPOSE = "call";

	private final JdbcClient jdbc;
	private final ContactStandings standings;
	private final ContactLog log;
	private final ContactBars bars;
	private final Contacts contacts;
	private final Debts debts;
	private final PersonalData personalData;
	private final TenantClocks clocks;
	private final AuditLog audit;
	private final Promises promises;
	private final Representatives representatives;
	private final java.time.Clock system;

	Calls(JdbcClient jdbc, ContactStandings standings, ContactLog log, ContactBars bars, Contacts contacts, Debts debts,
			PersonalData personalData, TenantClocks clocks, AuditLog audit, Promises promises,
			Representatives representatives, java.time.Clock system) {
		this.jdbc = jdbc;
		this.standings = standings;
		this.log = log;
		this.bars = bars;
		this.contacts = contacts;
		this.debts = debts;
		this.personalData = personalData;
		this.clocks = clocks;
		this.audit = audit;
		this.promises = promises;
		this.representatives = representatives;
		this.system = system;
	}

	/**
	 * Asks the rules for a call to the debtor about {@code about} ({@code null}: the debtor as a whole) now, and when
	 * they allow it logs the call as made and returns it with the number to dial.
	 *
	 * @throws CallNotAllowed barred, over a limit, out of his hours or no number: logged, nothing shown
	 * @throws NotFound another tenant's debtor, or a debt not his
	 */
	@Transactional(noRollbackFor = CallNotAllowed.class)
	public Call start(TenantId tenant, ContactId debtor, DebtId about, AuditActor actor) {
		Contact person = contacts.get(tenant, debtor);
		if (about != null && !debts.get(tenant, about).contactId().equals(debtor)) {
			throw new NotFound("debt.not-found", about.value());
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("contact_calls:" + tenant.value() + ":" + debtor.value())
			.query((row, n) -> 0)
			.list();
		Instant now = clocks.clock(tenant).instant();
		// His representative in force takes the call (the statement always gives his phone): his bar does not stop it.
		PhoneNumber representative = representatives.of(tenant, debtor)
			.map(reached -> reached.on(Channel.SMS))
			.map(PhoneNumber::new)
			.orElse(null);
		Recipient recipient = representative == null ? Recipient.DEBTOR : Recipient.REPRESENTATIVE;
		Standing standing = standings.at(tenant, debtor, now);
		ZoneId zone = standing.zone();
		List<Bar> standingBars = bars.standing(tenant, debtor);
		if (recipient == Recipient.REPRESENTATIVE) {
			standingBars = standingBars.stream().filter(bar -> bar.kind() != BarKind.REPRESENTATIVE).toList();
		}
		Decision decision = about == null ? standing.call()
				: standings.rules().decide(Channel.CALL, Initiative.COLLECTION, about, null,
						log.counted(tenant, debtor, ContactKind.CALL,
								ContactRules.monthBefore(now, zone).minus(ContactRules.DAY)),
						standingBars, zone, now);
		UUID id = UUID.randomUUID();
		if (!decision.sends()) {
			insert(id, tenant, debtor, about, decision.verdict() == Decision.Verdict.REFUSE ? "REFUSED" : "DROPPED",
					decision.reason(), null, actor, now, recipient);
			throw new CallNotAllowed(decision.reason(), decision.verdict() == Decision.Verdict.HOLD ? decision.at() : null,
					zone);
		}
		PhoneNumber phone = representative != null ? representative : person.phone();
		if (phone == null) {
			insert(id, tenant, debtor, about, "DROPPED", Reason.NO_ADDRESS, null, actor, now, recipient);
			throw new CallNotAllowed(Reason.NO_ADDRESS, null, zone);
		}
		insert(id, tenant, debtor, about, "SENT", null, personalData.seal(ADDRESS, phone.e164()), actor, now, recipient);
		// The number is shown to the operator: a view of personal data (the debtor's, or his representative's).
		audit.record(tenant, actor, AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor.value(),
				recipient == Recipient.REPRESENTATIVE ? "call:" + id + ";representative" : "call:" + id);
		return new Call(id, debtor, about, phone, actor.name(), now, null, null, null, recipient);
	}

	/** The call, with its number; 404 if not this tenant's call. */
	public Call get(TenantId tenant, UUID id) {
		return jdbc.sql("""
				select id, contact_id, debt_id, address, actor, sent_at, created_at, outcome, outcome_at, body, recipient
				from contact_attempts where tenant_id = ? and id = ? and channel = 'CALL' and state = 'SENT'""")
			.params(tenant.value(), id)
			.query((row, n) -> new Call(row.getObject("id", UUID.class),
					new ContactId(row.getObject("contact_id", UUID.class)),
					row.getObject("debt_id", UUID.class) == null ? null : new DebtId(row.getObject("debt_id", UUID.class)),
					row.getBytes("address") == null ? null
							: new PhoneNumber(personalData.open(ADDRESS, new Sealed(row.getBytes("address")))),
					row.getString("actor"), row.getTimestamp("sent_at").toInstant(),
					row.getString("outcome") == null ? null : CallOutcome.valueOf(row.getString("outcome")),
					row.getTimestamp("outcome_at") == null ? null : row.getTimestamp("outcome_at").toInstant(),
					row.getBytes("body") == null ? null : personalData.open(BODY, new Sealed(row.getBytes("body"))),
					Recipient.valueOf(row.getString("recipient"))))
			.optional()
			.orElseThrow(() -> new NotFound("contact.call-not-found", id));
	}

	/**
	 * Records what came of a call, once, as typed: {@code outcome} one of {@link CallOutcome}; for a promise the
	 * {@code amount} (roubles, as people type them), the {@code date} (ISO, the agency's day, from today to
	 * {@link #MAX_PROMISE_DAYS} ahead) and the {@code debt} (may be left out when he owes on one debt only); a
	 * {@code note} of at most {@link #MAX_NOTE} characters, required for {@link CallOutcome#OTHER}. Every wrong field
	 * at once ({@link InvalidFields}: outcome, amount, date, debt, note).
	 *
	 * @throws Rejected {@code contact.call-outcome-recorded}: it has one already
	 */
	@Transactional
	public Call recordOutcome(TenantId tenant, UUID callId, String outcome, String amount, String date, UUID debt,
			String note, AuditActor actor) {
		Call call = get(tenant, callId);
		if (call.hasOutcome()) {
			throw new Rejected("contact.call-outcome-recorded");
		}
		InvalidFields.Collector fields = new InvalidFields.Collector();
		CallOutcome what = fields.read("outcome", () -> outcome(outcome));
		String written = note == null ? "" : note.strip();
		if (written.length() > MAX_NOTE) {
			fields.reject("note", new Rejected("contact.call-note-too-long", MAX_NOTE));
		}
		else if (what == CallOutcome.OTHER && written.isEmpty()) {
			fields.reject("note", new Rejected("contact.call-note-required"));
		}
		Debt promisedOn = null;
		Money promised = null;
		LocalDate due = null;
		if (what == CallOutcome.PROMISED_TO_PAY) {
			List<Debt> his = debts.ofContact(tenant, call.debtor()).stream().filter(d -> !d.total().isZero()).toList();
			DebtId asked = debt != null ? new DebtId(debt) : call.debt();
			promisedOn = asked != null ? his.stream().filter(d -> d.id().equals(asked)).findFirst().orElse(null)
					: his.size() == 1 ? his.getFirst() : null;
			if (promisedOn == null) {
				fields.reject("debt", new Rejected("contact.promise-debt-required"));
			}
			Debt on = promisedOn;
			promised = fields.read("amount", () -> amount(amount, on));
			LocalDate today = clocks.today(tenant);
			due = fields.read("date", () -> date(date, today));
		}
		fields.throwIfAny();
		Instant now = clocks.clock(tenant).instant();
		int updated = jdbc.sql("""
				update contact_attempts set outcome = ?, outcome_at = ?, body = ?, updated_at = ?
				where tenant_id = ? and id = ? and outcome is null""")
			.params(what.name(), Timestamp.from(now), written.isEmpty() ? null : personalData.seal(BODY, written).bytes(),
					Timestamp.from(now), tenant.value(), callId)
			.update();
		if (updated == 0) {
			throw new Rejected("contact.call-outcome-recorded");
		}
		if (what == CallOutcome.PROMISED_TO_PAY) {
			// Kept by the payments since it was made, which carry the system's time (a sandbox's moved clock moves days,
			// not payments): its moment is the system's too.
			promises.record(tenant, call.debtor(), promisedOn.id(), callId, promised, due, system.instant(), actor);
		}
		audit.record(tenant, actor, AuditAction.CONTACT_CALL_RECORDED, "contact", call.debtor().value(),
				"call:" + callId + ":" + what.name());
		return get(tenant, callId);
	}

	private static CallOutcome outcome(String typed) {
		if (typed == null || typed.isBlank()) {
			throw new Rejected("contact.call-outcome-required");
		}
		try {
			return CallOutcome.valueOf(typed.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new Rejected("contact.call-outcome-required");
		}
	}

	private static Money amount(String typed, Debt on) {
		if (typed == null || typed.isBlank()) {
			throw new Rejected("contact.promise-amount-invalid");
		}
		Money read;
		try {
			read = MoneyText.parse(typed);
		}
		catch (Rejected unreadable) {
			throw new Rejected("contact.promise-amount-invalid");
		}
		if (read == null || read.isZero()) {
			throw new Rejected("contact.promise-amount-invalid");
		}
		if (on != null && read.exceeds(on.total())) {
			throw new Rejected("contact.promise-amount-above-owed", on.total());
		}
		return read;
	}

	private static LocalDate date(String typed, LocalDate today) {
		LocalDate read;
		try {
			read = typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException unreadable) {
			read = null;
		}
		if (read == null || read.isBefore(today) || read.isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
			throw new Rejected("contact.promise-date-invalid", MAX_PROMISE_DAYS);
		}
		return read;
	}

	private void insert(UUID id, TenantId tenant, ContactId debtor, DebtId about, String state, Reason reason,
			Sealed address, AuditActor actor, Instant now, Recipient recipient) {
		boolean made = "SENT".equals(state);
		jdbc.sql("""
				insert into contact_attempts (id, tenant_id, contact_id, debt_id, channel, kind, initiative, state, reason,
				    counted, purpose, address, sent_at, actor, created_at, updated_at, recipient)
				values (?, ?, ?, ?, 'CALL', 'CALL', 'COLLECTION', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, tenant.value(), debtor.value(), about == null ? null : about.value(), state,
					reason == null ? null : reason.name(), made, PURPOSE, address == null ? null : address.bytes(),
					made ? Timestamp.from(now) : null, actor.name(), Timestamp.from(now), Timestamp.from(now),
					recipient.name())
			.update();
	}
}
