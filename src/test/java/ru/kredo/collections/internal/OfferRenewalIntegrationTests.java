package ru.kredo.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** The day's run (what the scheduler and the start call) renews every agency's offers that lapsed unsigned. */
@IntegrationTest
class OfferRenewalIntegrationTests {

	@Autowired
	OfferRenewal renewal;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDaysRunRenewsALapsedUnsignedOfferAndMakesOneForADebtThatGrewOldEnough() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Старше полугода", 180, Money.ZERO, 10, 7, PartPolicy.IN_FULL);
		var debtor = fixtures.contact(agency);
		Debt lapsing = debts.add(tenant, debtor.id(), "Банк", "Р-1", LocalDate.of(2022, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 200);
		Debt young = debts.add(tenant, debtor.id(), "Банк", "Р-2", LocalDate.of(2022, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 170);
		jdbc.sql("update offers set valid_until = current_date - 1 where debt_id = ?").param(lapsing.id().value()).update();
		// Ten days later the young debt is 180 days overdue.
		jdbc.sql("update debts set overdue_since = overdue_since - 10 where id = ?").param(young.id().value()).update();
		assertThat(offers.find(tenant, lapsing.id())).get().extracting(Offer::status).isEqualTo(Offer.Status.LAPSED);
		assertThat(offers.find(tenant, young.id())).isEmpty();

		renewal.run();

		assertThat(offers.find(tenant, lapsing.id())).get().extracting(Offer::status).isEqualTo(Offer.Status.OFFERED);
		assertThat(offers.find(tenant, young.id())).get().extracting(Offer::status).isEqualTo(Offer.Status.OFFERED);
	}
}
