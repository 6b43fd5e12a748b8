package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** An agency's plan policy and a portfolio's own are kept apart, and a portfolio without one falls back. */
@IntegrationTest
class PlanPoliciesIntegrationTests {

	@Autowired
	PlanPolicies policies;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAgencysPolicyThenAPortfoliosOwnWhichFallsBackWhenRemoved() {
		TenantId agency = fixtures.tenant(TenantKind.COLLECTOR).tenant().id();
		TenantId other = fixtures.tenant(TenantKind.COLLECTOR).tenant().id();
		UUID portfolio = portfolio(agency, "Банк А, 2026");
		UUID plain = portfolio(agency, "Банк Б, 2026");

		assertThat(policies.agency(agency)).isEqualTo(PlanPolicy.DEFAULT);

		PlanPolicy agencys = new PlanPolicy(true, 3, 18, Money.ofRoubles("2000"), 20, 7, 10, 2, true,
				Money.ofRoubles("5000"), 30);
		policies.save(agency, Optional.empty(), agencys);
		PlanPolicy stricter = new PlanPolicy(true, 2, 6, Money.ofRoubles("5000"), 10, 3, 5, 0, false,
				Money.ofRoubles("10000"), 90);
		policies.save(agency, Optional.of(portfolio), stricter);

		assertThat(policies.agency(agency)).isEqualTo(agencys);
		assertThat(policies.portfolio(agency, portfolio)).contains(stricter);
		assertThat(policies.portfolio(agency, plain)).isEmpty();
		assertThat(policies.effective(agency, Optional.of(portfolio))).isEqualTo(stricter);
		assertThat(policies.effective(agency, Optional.of(plain))).isEqualTo(agencys);
		assertThat(policies.effective(agency, Optional.empty())).isEqualTo(agencys);
		assertThat(policies.agency(other)).as("another agency's is its own").isEqualTo(PlanPolicy.DEFAULT);
		assertThat(policies.portfolio(other, portfolio)).isEmpty();
		assertThat(policies.portfolios(agency)).containsExactly(java.util.Map.entry(portfolio, stricter));
		assertThat(policies.portfolios(other)).isEmpty();

		// Saving again replaces, one row each.
		PlanPolicy off = new PlanPolicy(false, 3, 18, Money.ofRoubles("2000"), 20, 7, 10, 2, true,
				Money.ofRoubles("5000"), 30);
		policies.save(agency, Optional.empty(), off);
		assertThat(policies.agency(agency)).isEqualTo(off);
		assertThat(jdbc.sql("select count(*) from plan_policies where tenant_id = ?").param(agency.value())
			.query(Long.class).single()).isEqualTo(2);

		assertThat(policies.removePortfolio(agency, portfolio)).isTrue();
		assertThat(policies.removePortfolio(agency, portfolio)).isFalse();
		assertThat(policies.effective(agency, Optional.of(portfolio))).isEqualTo(off);
	}

	private UUID portfolio(TenantId tenant, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into portfolios (id, tenant_id, name, created_at) values (?, ?, ?, ?)")
			.params(id, tenant.value(), name, Timestamp.from(Instant.now()))
			.update();
		return id;
	}
}
