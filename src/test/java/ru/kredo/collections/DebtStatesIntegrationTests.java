package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.Contact;
import ru.kredo.documents.Agency;
import ru.kredo.documents.Certificates;
import ru.kredo.documents.IssuedCertificate;
import ru.kredo.documents.VerifiedCertificate;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The debt's state kept with it: payments, a signature, a dispute and a write-off move it through {@link Debts}, and
 * its closing is published as {@link DebtClosed}, to which the certificate of repayment reacts.
 */
@IntegrationTest
@RecordApplicationEvents
class DebtStatesIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Certificates certificates;

	@Autowired
	RepaymentCertificates repaymentCertificates;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents published;

	@Test
	void aDebtPaidOffClosesAsPaidOnceAndItsCertificateIsIssuedDatedTheDayItClosed() {
		Provisioned agency = agencyWithRequisites();
		Debt debt = debtOf(agency, "10000.00");
		// Paid on 20 November at 23:30 in Moscow (20:30 UTC): the debt closes on the 20th, days before anyone asks.
		Instant paidAt = Instant.parse("2026-11-20T20:30:00Z");

		paid(agency, debt, "4000.00", paidAt.minusSeconds(3600));
		assertThat(debts.get(agency.tenant().id(), debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		paid(agency, debt, "6000.00", paidAt);
		// A payment racing for a closed debt is recorded, to refund, and closes nothing again.
		paid(agency, debt, "100.00", paidAt.plusSeconds(60));

		Debt closed = debts.get(agency.tenant().id(), debt.id());
		assertThat(closed.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(closed.closedAs()).isEqualTo(ClosedAs.PAID);
		assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(debts.payments(agency.tenant().id(), debt.id())).hasSize(3);
		assertThat(published.stream(DebtClosed.class).filter(e -> e.debtId().equals(debt.id())))
			.containsExactly(new DebtClosed(debt.id(), agency.tenant().id(), debt.contactId(), ClosedAs.PAID,
					LocalDate.of(2026, 11, 20)));

		IssuedCertificate issued = Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> certificates.find(agency.tenant().id(), debt.id().value()), Optional::isPresent)
			.orElseThrow();
		VerifiedCertificate shown = certificates.verify(issued.verificationCode()).orElseThrow();
		assertThat(shown.closedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(shown.issuedOn()).as("issued when the debt closed, not when it is downloaded")
			.isEqualTo(LocalDate.of(2026, 11, 20));
		// Asking for it later gives the same paper.
		assertThat(repaymentCertificates.issue(agency.tenant().id(), debt.id(), LocalDate.now()).id()).isEqualTo(issued.id());
	}

	@Test
	void aSignedSettlementPutsTheDebtUnderItAndItsLastPaymentClosesItAsSettledWithTheCertificateOfTheForgiveness() {
		Provisioned agency = agencyWithRequisites();
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt debt = debtOf(agency, "10000.00");
		Offer offer = offers.find(tenant, debt.id()).orElseThrow();

		offers.accept(tenant, debt.id(), UUID.randomUUID(), 1, offer.offerAmount(), "Условия.");
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.UNDER_SETTLEMENT);

		paid(agency, debt, "9000.00", Instant.now());

		Debt settled = debts.get(tenant, debt.id());
		assertThat(settled.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(settled.closedAs()).isEqualTo(ClosedAs.SETTLED);
		assertThat(settled.forgiven()).isEqualTo(Money.ofRoubles("1000.00"));
		assertThat(published.stream(DebtClosed.class).filter(e -> e.debtId().equals(debt.id())))
			.extracting(DebtClosed::closedAs).containsExactly(ClosedAs.SETTLED);
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> certificates.find(tenant, debt.id().value()), Optional::isPresent);
	}

	@Test
	void aDisputedDebtCannotBeSettledUntilTheDisputeIsRejected() {
		Provisioned agency = agencyWithRequisites();
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt debt = debtOf(agency, "10000.00");
		Offer offer = offers.find(tenant, debt.id()).orElseThrow();

		assertThat(debts.dispute(tenant, debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.DISPUTED);
		assertThatThrownBy(() -> offers.signable(tenant, debts.get(tenant, debt.id())))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("debt.disputed"));
		assertThatThrownBy(() -> offers.accept(tenant, debt.id(), UUID.randomUUID(), 1, offer.offerAmount(), "Условия."))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("debt.disputed"));
		assertThat(offers.find(tenant, debt.id()).orElseThrow().status()).isEqualTo(Offer.Status.OFFERED);

		assertThat(debts.resolveDispute(tenant, debt.id(), DisputeOutcome.REJECTED).status()).isEqualTo(DebtStatus.OPEN);
		offers.accept(tenant, debt.id(), UUID.randomUUID(), 1, offer.offerAmount(), "Условия.");
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.UNDER_SETTLEMENT);
	}

	@Test
	void anUpheldDisputeWritesTheDebtOffWhichRefusesPaymentsAndHasNoCertificateOfRepayment() {
		Provisioned agency = agencyWithRequisites();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "10000.00");

		debts.dispute(tenant, debt.id());
		Debt writtenOff = debts.resolveDispute(tenant, debt.id(), DisputeOutcome.UPHELD);

		assertThat(writtenOff.closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
		Debt stored = debts.get(tenant, debt.id());
		assertThat(stored.status()).isEqualTo(DebtStatus.CLOSED);
		assertThat(stored.closedAs()).isEqualTo(ClosedAs.WRITTEN_OFF);
		assertThat(stored.total()).isEqualTo(Money.ofRoubles("10000.00"));
		assertThat(offers.owed(tenant, stored)).isEqualTo(Money.ZERO);
		assertThat(published.stream(DebtClosed.class).filter(e -> e.debtId().equals(debt.id())))
			.extracting(DebtClosed::closedAs).containsExactly(ClosedAs.WRITTEN_OFF);
		assertThatThrownBy(() -> debts.writeOff(tenant, debt.id()))
			.isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.code()).isEqualTo("debt.closed"));
		// Its closing has been handled (the publication is complete), and nothing was repaid to certify.
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + debt.id().value() + "%")
			.query(Long.class)
			.single() == 0);
		assertThat(certificates.find(tenant, debt.id().value())).isEmpty();
		assertThatThrownBy(() -> repaymentCertificates.issue(tenant, debt.id(), LocalDate.now()))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void theMigrationDerivesTodaysStatesFromTheClosingDayTheForgivenRestAndTheSignedSettlements() throws Exception {
		Provisioned agency = agencyWithRequisites();
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt paidOff = debtOf(agency, "1000.00");
		Debt settled = debtOf(agency, "2000.00");
		Debt signed = debtOf(agency, "3000.00");
		Debt open = debtOf(agency, "4000.00");
		offers.accept(tenant, signed.id(), UUID.randomUUID(), 1, offers.find(tenant, signed.id()).orElseThrow().offerAmount(),
				"Условия.");
		String[] migration = new String(getClass().getResourceAsStream(
				"/db/migration/V202612061700__collections_debt_states.sql").readAllBytes(), StandardCharsets.UTF_8)
			.replaceAll("(?m)^--.*$", "").split(";");
		String[] mine = { paidOff.id().toString(), settled.id().toString(), signed.id().toString(), open.id().toString() };
		transaction.executeWithoutResult(status -> {
			// The rows as they were before the migration: a closing day and a forgiven rest, no state.
			jdbc.sql("update debts set state = 'OPEN', closed_as = null where id = any(?::uuid[])").param(mine).update();
			jdbc.sql("update debts set closed_on = date '2026-11-01' where id = any(?::uuid[])")
				.param(new String[] { mine[0], mine[1] }).update();
			jdbc.sql("update debts set forgiven = 20000 where id = ?::uuid").param(mine[1]).update();
			for (String statement : migration) {
				if (statement.strip().startsWith("update")) {
					jdbc.sql(statement.strip()).update();
				}
			}
			assertThat(state(mine[0])).isEqualTo("CLOSED PAID");
			assertThat(state(mine[1])).isEqualTo("CLOSED SETTLED");
			assertThat(state(mine[2])).isEqualTo("UNDER_SETTLEMENT null");
			assertThat(state(mine[3])).isEqualTo("OPEN null");
			// Other tests' debts are untouched: the migration's statements run on them too, so roll everything back.
			status.setRollbackOnly();
		});
	}

	private String state(String debt) {
		return jdbc.sql("select state || ' ' || coalesce(closed_as, 'null') from debts where id = ?::uuid").param(debt)
			.query(String.class).single();
	}

	private Provisioned agencyWithRequisites() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		return agency;
	}

	private Debt debtOf(Provisioned agency, String principal) {
		Contact debtor = fixtures.contact(agency);
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal), Money.ZERO), 400);
	}

	private void paid(Provisioned agency, Debt debt, String amount, Instant at) {
		transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(agency.tenant().id(),
				new PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles(amount), at)));
	}
}
