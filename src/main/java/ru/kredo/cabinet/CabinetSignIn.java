package ru.kredo.cabinet;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.kredo.collections.BureauPhones;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.Contacting;
import ru.kredo.contacting.Outbound;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.platform.Redacted;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.Tenant;

/**
 * A debtor signs in with ФИО and phone, then the 6-digit code sent to that phone. Whether a debtor matched or not,
 * the guest gets the same answer and the same work is done (the SMS goes out on another thread), so neither the page
 * nor its timing tells him whether the agency knows this person. Codes live {@code kredo.cabinet.code-lifetime}, allow
 * five tries, and are kept only as keyed hashes. A phone gets a new code from one address at most every minute and
 * {@code kredo.cabinet.codes.per-address} an hour; from all addresses together {@code per-phone} a day, then each
 * further one waits, growing from {@code first-delay} to {@code max-delay} — except for a browser that has signed in
 * as this debtor before ({@code docs/security.md}). So a stranger asking for someone's codes spends his own
 * allowance, not the debtor's, and guessing stays bounded (five tries per code).
 */
@Service
public class CabinetSignIn {

	static final int MAX_ATTEMPTS = 5;
	/** How long after a code another may be asked for (the page counts it down). */
	public static final Duration RESEND_DELAY = Duration.ofMinutes(1);
	private static final Logger log = LoggerFactory.getLogger(CabinetSignIn.class);

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final Debts debts;
	private final BureauPhones bureauPhones;
	private final PersonalData personalData;
	private final Contacting gate;
	private final Clock clock;
	private final Duration lifetime;
	private final SecureRandom random = new SecureRandom();
	private final Executor sending = Executors.newVirtualThreadPerTaskExecutor();
	private final int perAddress;
	private final int perPhone;
	private final Duration firstDelay;
	private final Duration maxDelay;

	CabinetSignIn(JdbcClient jdbc, Contacts contacts, Debts debts, BureauPhones bureauPhones, PersonalData personalData,
			Contacting gate, Clock clock,
			@Value("${kredo.cabinet.code-lifetime:5m}") Duration lifetime,
			@Value("${kredo.cabinet.codes.per-address:5}") int perAddress,
			@Value("${kredo.cabinet.codes.per-phone:10}") int perPhone,
			@Value("${kredo.cabinet.codes.first-delay:1m}") Duration firstDelay,
			@Value("${kredo.cabinet.codes.max-delay:1h}") Duration maxDelay) {
		this.perAddress = perAddress;
		this.perPhone = perPhone;
		this.firstDelay = firstDelay;
		this.maxDelay = maxDelay;
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.debts = debts;
		this.bureauPhones = bureauPhones;
		this.personalData = personalData;
		this.gate = gate;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** Starts a sign-in; refuses only for reasons that depend on the phone, never on whether a debtor matched. */
	@Transactional
	public Challenge start(Tenant agency, FullName name, PhoneNumber phone) {
		return start(agency, name, phone, null, null);
	}

	/**
	 * Starts a sign-in asked for from a client address by a visitor (the cabinet's first-party id): the limits count
	 * per phone and address, and a visitor who has signed in as this debtor before is not held up by others' requests.
	 */
	@Transactional
	public Challenge start(Tenant agency, FullName name, PhoneNumber phone, String address, UUID visitor) {
		return start(agency, name, phone, true, address, visitor, "cabinet.sign-in-code",
				code -> "Код для входа в личный кабинет «" + agency.name() + "»: " + code + ". Никому его не сообщайте.");
	}

	/**
	 * Texts a signed-in debtor a code to sign the settlement of one contract with (a simple electronic signature); the
	 * text says so and names the contract, so that a sign-in code and a signing code are never mistaken for each other.
	 * He has just had a sign-in code, so the minute between codes does not apply; the hourly limit does.
	 */
	@Transactional
	public Challenge startSignature(Tenant agency, FullName name, PhoneNumber phone, String contractNumber) {
		return start(agency, name, phone, false, null, null, "cabinet.signing-code",
				code -> "Код для подписания соглашения по договору № " + contractNumber + " с «" + agency.name() + "»: "
						+ code + ". Никому его не сообщайте.");
	}

	/**
	 * Where the code that signs a settlement or a plan goes (issue 14, {@code docs/monitoring-debtors.md}, «Signing
	 * codes»): the number he signed in with in this session, which the sign-in code proved he holds — his own, one a
	 * registry gave, or a bureau's that the sign-in confirmed — while it is still one of his; else his contact's own
	 * phone; else the bureau's phone he confirmed last. A code he asks for himself is no collection contact, so a
	 * bureau's phone is no bar to it; what matters is that it reaches <em>him</em>: a contact's own phone that is wrong
	 * would text a stranger a code that names his contract.
	 *
	 * @param signedInWith the E.164 number of {@link SignedInDebtor#phone}, or {@code null} when not known
	 * @throws Rejected {@code cabinet.no-signing-phone} when none is known (he signs in again, and it is known)
	 */
	public PhoneNumber signingPhone(Tenant agency, Contact debtor, String signedInWith) {
		if (signedInWith != null) {
			PhoneNumber proved = new PhoneNumber(signedInWith);
			if (proved.equals(debtor.phone()) || debtor(agency, debtor.name(), proved)
				.filter(found -> found.id().equals(debtor.id())).isPresent()) {
				return proved;
			}
		}
		if (debtor.phone() != null) {
			return debtor.phone();
		}
		return bureauPhones.lastConfirmed(agency.id(), debtor.id())
			.orElseThrow(() -> new Rejected("cabinet.no-signing-phone"));
	}

	private Challenge start(Tenant agency, FullName name, PhoneNumber phone, boolean resendDelay, String address,
			UUID visitor, String purpose, UnaryOperator<String> text) {
		Instant now = clock.instant();
		byte[] phoneIndex = personalData.index("phone", phone.e164()).bytes();
		byte[] from = address == null ? null : personalData.index("cabinet-address", address).bytes();
		List<Requested> recent = jdbc.sql("""
				select created_at, requested_from from cabinet_challenges
				where tenant_id = ? and phone_index = ? and created_at > ? order by created_at desc""")
			.params(agency.id().value(), phoneIndex, Timestamp.from(now.minus(Duration.ofDays(1))))
			.query((row, n) -> new Requested(row.getTimestamp("created_at").toInstant(), row.getBytes("requested_from")))
			.list();
		List<Instant> fromHere = recent.stream()
			.filter(r -> Arrays.equals(r.from(), from) && r.at().isAfter(now.minus(Duration.ofHours(1))))
			.map(Requested::at)
			.toList();
		if (resendDelay && !fromHere.isEmpty() && fromHere.getFirst().plus(RESEND_DELAY).isAfter(now)) {
			throw new Rejected("cabinet.resend-too-soon", Duration.between(now, fromHere.getFirst().plus(RESEND_DELAY)).toSeconds() + 1);
		}
		if (fromHere.size() >= perAddress) {
			throw new Rejected("cabinet.too-many-codes");
		}
		Optional<Contact> debtor = debtor(agency, name, phone);
		if (recent.size() >= perPhone && !(debtor.isPresent() && visitor != null && signedInBefore(agency, debtor.get(), visitor))) {
			Duration delay = firstDelay.multipliedBy(1L << Math.min(recent.size() - perPhone, 30));
			Instant next = recent.getFirst().at().plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
			if (next.isAfter(now)) {
				throw new Rejected("cabinet.resend-too-soon", Duration.between(now, next).toSeconds() + 1);
			}
		}
		UUID id = UUID.randomUUID();
		String code = "%06d".formatted(random.nextInt(1_000_000));
		jdbc.sql("""
				insert into cabinet_challenges (id, tenant_id, contact_id, phone_index, code_hash, created_at, expires_at,
				    requested_from)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, agency.id().value(), debtor.map(c -> c.id().value()).orElse(null), phoneIndex, hash(id, code),
					Timestamp.from(now), Timestamp.from(now.plus(lifetime)), from)
			.update();
		debtor.ifPresent(found -> afterCommit(() -> sending.execute(
				() -> send(Outbound.code(agency.id(), found.id(), phone, purpose, text.apply(code), code)))));
		return new Challenge(id, now.plus(lifetime), showsCodes(agency) ? code : null, now.plus(RESEND_DELAY));
	}

	/** A code is texted once its challenge is committed: a text never carries a code the database does not know. */
	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	/**
	 * Whether this agency's codes are shown on screen: only a demo tenant's ({@link Tenant#demo()}), and only while texts
	 * stay in the development outbox. Then every attempt shows its code, a debtor or not (a code nobody was texted
	 * signs nobody in), so the page still does not tell a guest whether the agency knows him. Any other tenant never
	 * sees a code on screen: the platform operator reads the outbox on his own page ({@code contacting.SmsDelivery}).
	 */
	boolean showsCodes(Tenant agency) {
		return agency.demo() && !gate.textsAreSent();
	}

	/**
	 * The debtor the code proves, or a refusal that says nothing about whether one existed. A wrong try is counted
	 * even though it is refused, so the refusal must not roll the count back. The right code proves he holds the phone
	 * it was texted to: a bureau's phone of his that waited for that is confirmed ({@link BureauPhones#confirm}).
	 */
	@Transactional(noRollbackFor = Rejected.class)
	public ContactId confirm(Tenant agency, UUID challenge, String code) {
		Optional<Row> row = jdbc.sql("""
				select contact_id, code_hash, expires_at, attempts, confirmed_at, phone_index from cabinet_challenges
				where tenant_id = ? and id = ? for update""")
			.params(agency.id().value(), challenge)
			.query((r, n) -> new Row(r.getObject("contact_id", UUID.class), r.getBytes("code_hash"),
					r.getTimestamp("expires_at").toInstant(), r.getInt("attempts"), r.getTimestamp("confirmed_at") != null,
					r.getBytes("phone_index")))
			.optional();
		if (row.isEmpty() || row.get().confirmed()) {
			throw new Rejected("cabinet.code-wrong");
		}
		if (clock.instant().isAfter(row.get().expiresAt())) {
			throw new Rejected("cabinet.code-expired");
		}
		if (row.get().attempts() >= MAX_ATTEMPTS) {
			throw new Rejected("cabinet.too-many-attempts");
		}
		jdbc.sql("update cabinet_challenges set attempts = attempts + 1 where id = ?").param(challenge).update();
		String typed = code == null ? "" : code.replaceAll("\\s", "");
		if (!MessageDigest.isEqual(hash(challenge, typed), row.get().codeHash()) || row.get().contactId() == null) {
			throw new Rejected("cabinet.code-wrong");
		}
		jdbc.sql("update cabinet_challenges set confirmed_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), challenge)
			.update();
		ContactId debtor = new ContactId(row.get().contactId());
		bureauPhones.confirm(agency.id(), debtor, new BlindIndex(row.get().phoneIndex()));
		return debtor;
	}

	// By the contact's own number, or any other a registry gave for him; the ФИО must match either way.
	private Optional<Contact> debtor(Tenant agency, FullName name, PhoneNumber phone) {
		Optional<Contact> own = contacts.findByNameAndPhone(agency.id(), name, phone).stream().findFirst();
		if (own.isPresent()) {
			return own;
		}
		return debts.debtorsReachableAt(agency.id(), phone).stream()
			.map(id -> contacts.get(agency.id(), id))
			.filter(contact -> contact.name().normalized().equals(name.normalized()))
			.findFirst();
	}

	private boolean signedInBefore(Tenant agency, Contact debtor, UUID visitor) {
		return jdbc.sql("""
				select exists (select 1 from cabinet_activity
				where tenant_id = ? and contact_id = ? and visitor = ? and step = 'CODE_CONFIRMED')""")
			.params(agency.id().value(), debtor.id().value(), visitor)
			.query(Boolean.class)
			.single();
	}

	private record Requested(Instant at, byte[] from) {
	}

	/**
	 * Through the contact gate, logged as a code he requested: not a collection message (230-ФЗ), sent at once
	 * whatever the hour, the limits or a bar, and never counted; the log keeps the text with the code masked.
	 */
	private void send(Outbound code) {
		try {
			gate.send(code);
		}
		catch (RuntimeException ex) {
			log.warn("Could not send a code for tenant {}: {}", code.tenant().value(), Redacted.message(ex));
		}
	}

	private byte[] hash(UUID challenge, String code) {
		return personalData.index("cabinet-code", challenge + ":" + code).bytes();
	}

	/**
	 * A started sign-in.
	 *
	 * @param demoCode the code itself, only for a demo tenant with the development outbox, to show on screen
	 * @param resendAt when another code may be asked for at the soonest ({@link #RESEND_DELAY}); a later limit may
	 *        still refuse it then, saying how long to wait
	 */
	public record Challenge(UUID id, Instant expiresAt, String demoCode, Instant resendAt) {

		@Override
		public String toString() {
			return "Challenge[" + id + "]";
		}
	}

	private record Row(UUID contactId, byte[] codeHash, Instant expiresAt, int attempts, boolean confirmed,
			byte[] phoneIndex) {
	}
}
