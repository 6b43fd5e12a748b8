package ru.kredo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.audit.AuditActor;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning;
import ru.kredo.signals.QueueLine;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalFilter;
import ru.kredo.signals.Signals;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** Builds tenants, users and contacts through the real services; every name is unique to its test run. */
@Component
public class Fixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private final TenantProvisioning provisioning;
	private final UserAccounts accounts;
	private final Contacts contacts;
	private final UserDetailsService signIn;
	private final Watches watches;
	private final CreditEventIngestion ingestion;
	private final Signals signals;

	Fixtures(TenantProvisioning provisioning, UserAccounts accounts, Contacts contacts, UserDetailsService signIn,
			Watches watches, CreditEventIngestion ingestion, Signals signals) {
		this.provisioning = provisioning;
		this.accounts = accounts;
		this.contacts = contacts;
		this.signIn = signIn;
		this.watches = watches;
		this.ingestion = ingestion;
		this.signals = signals;
	}

	/**
	 * A surname no other test makes: the stem and eight random Cyrillic letters (27⁸ of them). Two letters from a
	 * UUID's a–f, as two tests had, gave 36 names, and a test that watched «the same» person twice met one in 36 runs.
	 */
	public static String uniqueSurname(String stem) {
		String letters = "абвгдежзиклмнопрстуфхцчшэюя";
		StringBuilder surname = new StringBuilder(stem);
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 8; i++) {
			surname.append(letters.charAt(random.nextInt(letters.length())));
		}
		return surname.toString();
	}

	public Provisioned tenant(TenantKind kind) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return provisioning.provision("Тест " + kind + " " + unique, kind, "admin-" + unique + "@test.kredo",
				"Админ " + unique, PASSWORD, AuditActor.COMMAND_LINE);
	}

	public User manager(Provisioned tenant) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return accounts.create(tenant.tenant().id(),
				new NewUser("manager-" + unique + "@test.kredo", "Менеджер " + unique, Role.MANAGER, PASSWORD));
	}

	public Contact contact(Provisioned tenant) {
		return contacts.add(tenant.tenant().id(), new FullName("Семёнова", "Анна", "Петровна"), LocalDate.of(1985, 3, 14),
				PassportNumber.parse("4510 987654"), new Inn("500100732259"), null, PhoneNumber.parse("+7 916 555-12-34"),
				"anna@example.ru");
	}

	/**
	 * The tenant watches {@link #contact}'s person (a debtor, with consent) and a bureau reports a loan for him:
	 * returns the watch and the signal it raised.
	 */
	public WatchedWithSignal watchedWithSignal(Provisioned tenant) {
		return watchedWithSignal(tenant, "Семёнова", "4510987654");
	}

	/** A person of her own (this surname and passport, ten digits) on monitoring, and the signal a bureau event raised. */
	public WatchedWithSignal watchedWithSignal(Provisioned tenant, String lastName, String passport) {
		Watch watch = watches.watch(tenant.tenant().id(), new PersonDetails(new FullName(lastName, "Анна", "Петровна"),
				LocalDate.of(1985, 3, 14), PassportNumber.parse(passport.substring(0, 4) + " " + passport.substring(4)),
				null, null, null, null),
				WatchTerms.of(Segment.DEBTOR, new Consent(watches.today(), "Взыскание", ConsentMethod.PAPER, null, null)));
		String event = """
				{"source":"fixtures","eventId":"%s","type":"2.2","occurredAt":"%s","subject":{"lastName":"%s",
				 "firstName":"Анна","middleName":"Петровна","birthDate":"14.03.1985","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), watches.today(), lastName, passport).replace("\n", "");
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
		Signal signal = signals.queue(tenant.tenant().id(), new SignalFilter(null, null, null, null, null, null), 0, 100).stream()
			.map(QueueLine::signal).filter(s -> s.watchId().equals(watch.id())).findFirst().orElseThrow();
		return new WatchedWithSignal(watch, signal);
	}

	public record WatchedWithSignal(Watch watch, Signal signal) {
	}

	/** The principal of a signed-in session of this user, for MockMvc's {@code user(…)}. */
	public UserDetails signedIn(String email) {
		return signIn.loadUserByUsername(email);
	}

	public UserDetails admin(Provisioned tenant) {
		return signedIn(tenant.admin().email().value());
	}
}
