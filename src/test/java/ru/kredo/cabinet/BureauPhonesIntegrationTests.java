package ru.kredo.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Reachable;
import ru.kredo.TextedCodes;
import ru.kredo.cabinet.web.CabinetMvc;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.EventPhones;
import ru.kredo.events.IngestionReport;
import ru.kredo.money.Money;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 14, «the loop»: a bureau's {@code PERSONAL_DATA_CHANGED} with a new phone, about a debtor an agency watches,
 * adds the phone to his phones as one from the bureau, not confirmed; he signs in to the cabinet with it (the code
 * goes to it) and that confirms it; until then — and after — the agency's collection texts go to his own phone. The
 * same event about a broker's contact records nothing; about nobody watched, nothing of the person is kept; sent
 * twice, or the same phone again, one phone.
 */
@IntegrationTest
class BureauPhonesIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	Debts debts;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	CabinetSignIn signIn;

	@Autowired
	TextedCodes texted;

	@Autowired
	EventPhones eventPhones;

	@Autowired
	PersonalData personalData;

	@Autowired
	Reachable reachable;

	@Autowired
	ru.kredo.conversations.DebtorNotices notices;

	@Autowired
	MockMvc mvc;

	@Autowired
	CabinetMvc cabinet;

	@Autowired
	Offers offers;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewPhoneFromTheBureauSignsTheDebtorInAndIsConfirmedSoWhileABrokersWatchRecordsNothing() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		TenantId tenant = agency.tenant().id();
		Person person = person();
		PhoneNumber own = mobile();
		ContactId debtor = watch(agency, person, own);
		ContactId brokers = watch(broker, person, null);
		Debt debt = debts.add(tenant, debtor, "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		PhoneNumber fresh = mobile();

		// Before the bureau tells of it, the new phone signs nobody in: no code is texted.
		long sent = texted.count(tenant);
		signIn.start(agency.tenant(), person.name(), fresh, "10.0.0.1", null);
		Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> texted.count(tenant) == sent);

		IngestionReport report = ingest(event(person, UUID.randomUUID(), "\"" + spaced(fresh) + "\""));
		assertThat(report.accepted()).isEqualTo(1);
		assertThat(report.ignored()).isEmpty();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> phones(tenant, debtor).size() == 1);
		assertThat(phones(tenant, debtor)).singleElement().satisfies(row -> {
			assertThat(row.phone()).isEqualTo(fresh);
			assertThat(row.confirmed()).isFalse();
			assertThat(row.fromSignalAndEvent()).isTrue();
		});
		// The same publication carried the broker's signal: by now it was heard, and recorded nothing.
		assertThat(phones(broker.tenant().id(), brokers)).isEmpty();
		assertThat(audited(tenant, "DEBTOR_PHONE_ADDED")).isEqualTo(1);
		assertThat(card(agency, debtor)).contains("id=\"bureau-phones\"", fresh.display(), "не подтверждён");

		// Not confirmed: the agency's collection texts still go to his own phone.
		reachable.named(tenant);
		reachable.awake(tenant, debtor);
		long before = texted.count(tenant);
		notices.planInstalmentDue(tenant, debtor, debt.id(), Money.ofRoubles("2500"), LocalDate.now().plusDays(5));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> texted.count(tenant) == before + 1);
		assertThat(latestTextedTo(tenant)).isEqualTo(own);

		// He signs in with ФИО and the bureau's phone: the code goes to that phone, and typing it confirms it.
		long codes = texted.count(tenant);
		CabinetSignIn.Challenge challenge = signIn.start(agency.tenant(), person.name(), fresh, "10.0.0.2", null);
		String code = texted.latest(tenant, (int) codes + 1);
		assertThat(latestTextedTo(tenant)).isEqualTo(fresh);
		assertThat(signIn.confirm(agency.tenant(), challenge.id(), code)).isEqualTo(debtor);
		assertThat(phones(tenant, debtor)).singleElement().satisfies(row -> assertThat(row.confirmed()).isTrue());
		assertThat(audited(tenant, "DEBTOR_PHONE_CONFIRMED")).isEqualTo(1);
		assertThat(card(agency, debtor)).contains("подтверждён входом в кабинет");

		// Confirmed, it is a sign-in phone; the gate still writes to his own.
		long after = texted.count(tenant);
		notices.planInstalmentDue(tenant, debtor, debt.id(), Money.ofRoubles("2500"), LocalDate.now().plusDays(6));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> texted.count(tenant) == after + 1);
		assertThat(latestTextedTo(tenant)).isEqualTo(own);
	}

	/**
	 * A debtor the registry gave no phone for signs in with the bureau's phone, and signs his settlement with the code
	 * texted to that phone: before, the signing code was for his contact's own phone only, and with none the signing
	 * failed (a server error). With a wrong own phone it would have texted a stranger; the code goes where he signed in.
	 */
	@Test
	void aDebtorWhoseOnlyPhoneIsTheBureausSignsASettlementWithTheCodeTextedToIt() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		String door = "/cabinet/" + tenant.value();
		Person person = person();
		ContactId debtor = watch(agency, person, null);
		offers.addRule(tenant, "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt debt = debts.add(tenant, debtor, "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		PhoneNumber fresh = mobile();
		ingest(event(person, UUID.randomUUID(), "\"" + fresh.e164() + "\""));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> phones(tenant, debtor).size() == 1);

		// He signs in with ФИО and the bureau's phone, as anyone does at the door.
		MockHttpSession session = new MockHttpSession();
		long texts = texted.count(tenant);
		assertThat(cabinet.redirect(post(door + "/sign-in").param("fullName", person.name().display())
			.param("phone", fresh.e164()), session)).isEqualTo(door + "/code");
		assertThat(cabinet.redirect(post(door + "/code").param("code", texted.latest(tenant, (int) texts + 1)), session))
			.isEqualTo(door + "/home");

		// «Принять предложение»: the signing code goes to the phone he signed in with.
		String signing = door + "/debts/" + debt.id() + "/offer/sign";
		long before = texted.count(tenant);
		assertThat(cabinet.redirect(post(signing).param("parts", "1"), session)).isEqualTo(signing);
		String code = texted.latest(tenant, (int) before + 1);
		assertThat(latestTextedTo(tenant)).isEqualTo(fresh);
		assertThat(cabinet.redirect(post(door + "/debts/" + debt.id() + "/offer/accept").param("code", code), session))
			.isEqualTo(door + "/debts/" + debt.id());
		assertThat(offers.find(tenant, debt.id()).orElseThrow().wasAccepted()).isTrue();
		// The copy of the agreement names the number the code went to.
		assertThat(jdbc.sql("select signed_phone from offers where tenant_id = ? and debt_id = ?")
			.params(tenant.value(), debt.id().value()).query(String.class).single()).isEqualTo(fresh.masked());

		// A session that does not know the number (kept from before it was recorded), or names one not his: the
		// bureau's phone he confirmed; a debtor with no phone at all is told to sign in again.
		Contact his = contacts.get(tenant, debtor);
		assertThat(signIn.signingPhone(agency.tenant(), his, null)).isEqualTo(fresh);
		assertThat(signIn.signingPhone(agency.tenant(), his, mobile().e164())).isEqualTo(fresh);
		Contact phoneless = contacts.get(tenant, watch(agency, person(), null));
		assertThatThrownBy(() -> signIn.signingPhone(agency.tenant(), phoneless, null)).isInstanceOf(Rejected.class)
			.hasMessageContaining("cabinet.no-signing-phone");
	}

	@Test
	void sentTwiceOrTheSamePhoneAgainItIsOnePhoneAndHisOwnPhoneIsNotAddedAgain() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Person person = person();
		PhoneNumber own = mobile();
		ContactId debtor = watch(agency, person, own);
		PhoneNumber fresh = mobile();
		String first = event(person, UUID.randomUUID(), "\"" + spaced(fresh) + "\"");

		ingest(first);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> phones(tenant, debtor).size() == 1);

		// The same event again (a duplicate), the same phone in another event and another spelling (as a number),
		// his own phone, and — last — another new phone: once the last is recorded, the batch was heard whole.
		PhoneNumber other = mobile();
		IngestionReport again = ingest(first + "\n" + event(person, UUID.randomUUID(), fresh.e164().substring(1)) + "\n"
				+ event(person, UUID.randomUUID(), "\"8" + own.e164().substring(2) + "\"") + "\n"
				+ event(person, UUID.randomUUID(), "\"" + other.e164() + "\""));
		assertThat(again.duplicates()).isEqualTo(1);
		assertThat(again.ignored()).isEmpty();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> phones(tenant, debtor).size() == 2);
		assertThat(phones(tenant, debtor)).extracting(Row::phone).containsExactlyInAnyOrder(fresh, other);
		assertThat(audited(tenant, "DEBTOR_PHONE_ADDED")).isEqualTo(2);
	}

	@Test
	void anEventAboutNobodyWatchedKeepsNoPhone() {
		Person stranger = person();
		UUID id = UUID.randomUUID();

		IngestionReport report = ingest(event(stranger, id, "\"" + mobile().e164() + "\""));

		assertThat(report.accepted()).isEqualTo(1);
		assertThat(report.ignored()).isEmpty();
		List<Long> stored = jdbc.sql("select id from credit_events where source = 'tests' and source_event_id = ?")
			.param(id.toString()).query(Long.class).list();
		assertThat(stored).hasSize(1);
		assertThat(jdbc.sql("select subject is null from credit_events where source = 'tests' and source_event_id = ?")
			.param(id.toString()).query(Boolean.class).single()).isTrue();
		assertThat(eventPhones.of(stored)).isEmpty();
	}

	private record Person(FullName name, LocalDate born, String passport) {
	}

	private record Row(PhoneNumber phone, boolean confirmed, boolean fromSignalAndEvent) {
	}

	private static Person person() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new Person(new FullName(Fixtures.uniqueSurname("Телефонова"), "Вера", "Петровна"),
				LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)),
				"%04d%06d".formatted(4500 + random.nextInt(99), random.nextInt(1_000_000)));
	}

	private static PhoneNumber mobile() {
		return PhoneNumber.parse("+7 916 %07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000)));
	}

	// +79161234567 as people write it: 8 (916) 123-45-67.
	private static String spaced(PhoneNumber phone) {
		String d = phone.e164().substring(2);
		return "8 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
	}

	private ContactId watch(Provisioned tenant, Person person, PhoneNumber phone) {
		return watches.watch(tenant.tenant().id(), new PersonDetails(person.name(), person.born(),
				PassportNumber.parse(person.passport()), null, null, phone, null),
				WatchTerms.of(Segment.DEBTOR, new Consent(watches.today(), "Взыскание", ConsentMethod.PAPER, null, null)))
			.contactId();
	}

	private String event(Person person, UUID id, String phone) {
		return """
				{"source":"tests","eventId":"%s","type":"1.7","occurredAt":"%s","subject":{"lastName":"%s",
				 "firstName":"Вера","middleName":"Петровна","birthDate":"%s","passport":"%s","phone":%s}}"""
			.formatted(id, watches.today(), person.name().lastName(), person.born(), person.passport(), phone)
			.replace("\n", "");
	}

	private IngestionReport ingest(String lines) {
		return ingestion.ingest(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
	}

	private List<Row> phones(TenantId tenant, ContactId debtor) {
		return jdbc.sql("""
				select phone, confirmed_at is not null as confirmed, signal_id is not null and event_id is not null as origin
				from debtor_phones where tenant_id = ? and contact_id = ? and source = 'BUREAU'""")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> new Row(new PhoneNumber(personalData.open("debtor_phones.phone",
					new Sealed(row.getBytes("phone")))), row.getBoolean("confirmed"), row.getBoolean("origin")))
			.list();
	}

	private long audited(TenantId tenant, String action) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ?")
			.params(tenant.value(), action).query(Long.class).single();
	}

	private PhoneNumber latestTextedTo(TenantId tenant) {
		byte[] phone = jdbc.sql("select phone from sms_outbox where tenant_id = ? order by id desc limit 1")
			.param(tenant.value()).query(byte[].class).single();
		return new PhoneNumber(personalData.open("sms_outbox.phone", new Sealed(phone)));
	}

	private String card(Provisioned agency, ContactId debtor) throws Exception {
		return mvc.perform(get("/debtors/{id}", debtor.value()).with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
