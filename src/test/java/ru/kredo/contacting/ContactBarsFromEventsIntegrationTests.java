package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeOpened;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.DisputeResolved;
import ru.kredo.collections.Disputes;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.money.Money;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Bars that come from elsewhere: a dispute opened on a debt bars collection contacts about that debt (not his other
 * debts) until it is resolved, whichever way, and the events delivered twice or late change nothing; a bureau's
 * {@code BANKRUPTCY} event on a debtor an agency watches bars every contact with him at once, once however many such
 * events come, and only for the agency (a broker watching the same person gets no bar).
 */
@IntegrationTest
class ContactBarsFromEventsIntegrationTests {

	private final ContactRules rules = new ContactRules(ProductionCalendar.russian());

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Disputes disputes;

	@Autowired
	ContactBars bars;

	@Autowired
	Watches watches;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ru.kredo.conversations.DebtorNotices notices;

	@Autowired
	HeldMessages queue;

	@Autowired
	ru.kredo.Reachable reachable;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Provisioned agency;

	@BeforeEach
	void anAgency() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
	}

	@Test
	void anOpenDisputeBarsContactsAboutItsDebtUntilResolvedAndRepeatedEventsChangeNothing() {
		ContactId debtor = fixtures.contact(agency).id();
		Debt disputed = debtOf(debtor);
		Debt other = debtOf(debtor);
		Dispute dispute = disputes.open(agency.tenant().id(), debtor, disputed.id(), DisputeReason.ALREADY_PAID,
				"Оплатила в банке");

		assertThat(bars.history(agency.tenant().id(), debtor)).singleElement().satisfies(bar -> {
			assertThat(bar.bar().kind()).isEqualTo(BarKind.DISPUTE);
			assertThat(bar.bar().debt()).isEqualTo(disputed.id());
			assertThat(bar.source()).isEqualTo("dispute:" + dispute.id());
		});
		assertThat(decide(debtor, disputed.id()).reason()).isEqualTo(Reason.DISPUTE);
		assertThat(decide(debtor, other.id()).verdict()).isNotEqualTo(Decision.Verdict.REFUSE);

		// The same event again: still one bar.
		events.publishEvent(new DisputeOpened(agency.tenant().id(), dispute.id(), disputed.id(), debtor,
				DisputeReason.ALREADY_PAID, disputed.contractNumber(), dispute.openedAt()));
		assertThat(bars.history(agency.tenant().id(), debtor)).hasSize(1);

		asAdmin(() -> disputes.resolve(agency.tenant().id(), dispute.id(), DisputeOutcome.REJECTED, "Платежа не было",
				null));
		assertThat(bars.standing(agency.tenant().id(), debtor)).isEmpty();
		assertThat(decide(debtor, disputed.id()).verdict()).isNotEqualTo(Decision.Verdict.REFUSE);

		// Delivered again, or the opening delivered late: the resolved dispute marks nothing.
		Dispute resolved = disputes.get(agency.tenant().id(), dispute.id());
		events.publishEvent(new DisputeResolved(agency.tenant().id(), dispute.id(), disputed.id(), debtor,
				DisputeOutcome.REJECTED, disputed.contractNumber(), resolved.resolvedAt()));
		events.publishEvent(new DisputeOpened(agency.tenant().id(), dispute.id(), disputed.id(), debtor,
				DisputeReason.ALREADY_PAID, disputed.contractNumber(), dispute.openedAt()));
		assertThat(bars.standing(agency.tenant().id(), debtor)).isEmpty();
		assertThat(bars.history(agency.tenant().id(), debtor)).hasSize(1);

		// A second dispute of the same debt bars it again; resolving the first one's events again does not lift it.
		Dispute second = disputes.open(agency.tenant().id(), debtor, disputed.id(), DisputeReason.WRONG_SUM, "Сумма");
		events.publishEvent(new DisputeResolved(agency.tenant().id(), dispute.id(), disputed.id(), debtor,
				DisputeOutcome.REJECTED, disputed.contractNumber(), resolved.resolvedAt()));
		assertThat(bars.history(agency.tenant().id(), debtor).getFirst()).satisfies(bar -> {
			assertThat(bar.isStanding()).isTrue();
			assertThat(bar.source()).isEqualTo("dispute:" + second.id());
		});
	}

	@Test
	void aBankruptcyEventOnAWatchedDebtorBarsEveryContactAtOnceAndOnce() {
		String passport = "45" + String.format("%02d", Math.floorMod(UUID.randomUUID().hashCode(), 100)) + " "
				+ String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000L));
		Watch watched = watch(agency, passport);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Watch brokers = watch(broker, passport);
		ContactId debtor = watched.contactId();
		assertThat(bars.standing(agency.tenant().id(), debtor)).isEmpty();

		bankruptcy(passport);
		assertThat(bars.history(agency.tenant().id(), debtor)).singleElement().satisfies(bar -> {
			assertThat(bar.isStanding()).isTrue();
			assertThat(bar.bar().kind()).isEqualTo(BarKind.BANKRUPTCY);
			assertThat(bar.source()).startsWith("signal:");
		});
		assertThat(decide(debtor, null).reason()).isEqualTo(Reason.BANKRUPTCY);
		assertThat(bars.history(broker.tenant().id(), brokers.contactId())).isEmpty();

		// Another bureau's report of the same bankruptcy: the bar already stands.
		bankruptcy(passport);
		assertThat(bars.history(agency.tenant().id(), debtor)).hasSize(1);
	}

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	/**
	 * «BANKRUPTCY stops every contact at once and marks the debt»: the agency's card shows the mark on each of his
	 * debts, and its list of debts beside his name; another debtor's are unmarked; the operator's lifting the bar
	 * takes the mark off.
	 */
	@Test
	void aBankruptcyMarksEveryDebtOfTheDebtorOnTheAgencysPagesUntilTheBarIsLifted() throws Exception {
		String passport = "47" + String.format("%02d", Math.floorMod(UUID.randomUUID().hashCode(), 100)) + " "
				+ String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000L));
		ContactId debtor = watch(agency, passport).contactId();
		Debt first = debtOf(debtor);
		Debt second = debtOf(debtor);
		UserDetails admin = fixtures.admin(agency);
		String card = "/debtors/" + debtor.value();
		String list = "/debtors?q=" + first.contractNumber();
		assertThat(page(card, admin)).doesNotContain("bankruptcy-mark");

		bankruptcy(passport);

		String marked = page(card, admin);
		assertThat(marked.split("class=\"bankruptcy-mark", -1)).as("the mark on each of his two debts").hasSize(3);
		assertThat(marked).contains("Банкротство с " + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
			.format(watches.today()));
		assertThat(page(list, admin)).contains("bankruptcy-mark");
		String other = "/debtors?q=" + debtOf(watch(agency, "4811 " + String.format("%06d",
				Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000L))).contactId()).contractNumber();
		assertThat(page(other, admin)).as("another debtor's debts").doesNotContain("bankruptcy-mark");

		asAdmin(() -> bars.lift(agency.tenant().id(), debtor, BarKind.BANKRUPTCY, null,
				ru.kredo.audit.AuditActor.COMMAND_LINE));
		assertThat(page(card, admin)).doesNotContain("bankruptcy-mark");
		assertThat(page(list, admin)).doesNotContain("bankruptcy-mark");
		assertThat(second.contactId()).isEqualTo(debtor);
	}

	private String page(String path, UserDetails user) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The issue's own test: a reminder waiting for his morning is stopped by a bureau's bankruptcy meanwhile. */
	@Test
	void aBankruptcyEventStopsAReminderQueuedForHisMorning() {
		String passport = "46" + String.format("%02d", Math.floorMod(UUID.randomUUID().hashCode(), 100)) + " "
				+ String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000L));
		String phone = "+7 916 " + String.format("%07d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000L));
		ContactId debtor = watches.watch(agency.tenant().id(), new PersonDetails(new FullName("Банкротова", "Инна",
				"Львовна"), LocalDate.of(1975, 6, 6), PassportNumber.parse(passport), null, null,
				ru.kredo.contacts.PhoneNumber.parse(phone), null), WatchTerms.of(Segment.DEBTOR,
						new Consent(watches.today(), "Взыскание", ConsentMethod.PAPER, null, null))).contactId();
		Debt debt = debtOf(debtor);
		reachable.named(agency.tenant().id());
		reachable.asleep(agency.tenant().id(), debtor);
		notices.planInstalmentDue(agency.tenant().id(), debtor, debt.id(), Money.ofRoubles("2500"),
				watches.today().plusDays(5));
		Instant due = jdbc.sql("select due_at from contact_attempts where tenant_id = ? and contact_id = ? and state = 'HELD'")
			.params(agency.tenant().id().value(), debtor.value())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();

		bankruptcy(passport);
		queue.drain(agency.tenant().id(), due);

		assertThat(jdbc.sql("select state || ':' || reason from contact_attempts where tenant_id = ? and contact_id = ?")
			.params(agency.tenant().id().value(), debtor.value())
			.query(String.class)
			.list()).containsExactly("REFUSED:BANKRUPTCY");
	}

	private void asAdmin(Runnable call) {
		UserDetails admin = fixtures.admin(agency);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
		try {
			call.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private Watch watch(Provisioned tenant, String passport) {
		return watches.watch(tenant.tenant().id(), new PersonDetails(new FullName("Банкротова", "Инна", "Львовна"),
				LocalDate.of(1975, 6, 6), PassportNumber.parse(passport), null, null, null, null),
				WatchTerms.of(Segment.DEBTOR, new Consent(watches.today(), "Взыскание", ConsentMethod.PAPER, null, null)));
	}

	private void bankruptcy(String passport) {
		String event = """
				{"source":"tests","eventId":"%s","type":"1.12","occurredAt":"%s","subject":{"lastName":"Банкротова",
				 "firstName":"Инна","middleName":"Львовна","birthDate":"06.06.1975","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), watches.today(), passport.replace(" ", "")).replace("\n", "");
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
	}

	private Decision decide(ContactId debtor, DebtId about) {
		Instant noon = LocalDate.of(2026, 12, 2).atTime(12, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant();
		return rules.decide(Channel.SMS, Initiative.COLLECTION, about, null, List.of(),
				bars.standing(agency.tenant().id(), debtor), ZoneId.of("Europe/Moscow"), noon);
	}

	private Debt debtOf(ContactId debtor) {
		return debts.add(agency.tenant().id(), debtor, "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
	}
}
