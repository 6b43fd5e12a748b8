package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.DebtorZones.DebtorZone;
import ru.kredo.contacts.Contact;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class DebtorZonesIntegrationTests {

	private static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
	private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	DebtorZones zones;

	@Test
	void aDebtorLivesInOneZoneWhicheverOfHisDebtsSaidItLast() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = fixtures.contact(agency);
		Debt first = add(tenant, debtor, "K-1", "Свердловская область", YEKATERINBURG);
		assertThat(first.timeZone()).isEqualTo(YEKATERINBURG);

		// He moved: the next debt's registry says Primorye, and that is where he lives for every debt of his.
		Debt second = add(tenant, debtor, "K-2", "Приморский край", VLADIVOSTOK);

		assertThat(debts.get(tenant, first.id()).timeZone()).isEqualTo(VLADIVOSTOK);
		assertThat(debts.get(tenant, first.id()).region()).isEqualTo("Приморский край");
		assertThat(second.timeZone()).isEqualTo(VLADIVOSTOK);
		assertThat(debts.ofContact(tenant, debtor.id())).extracting(Debt::timeZone).containsOnly(VLADIVOSTOK);
		assertThat(zones.find(tenant, debtor.id())).contains(new DebtorZone("Приморский край", VLADIVOSTOK));

		// A debt that says nothing of where he lives leaves it as known.
		Debt third = add(tenant, debtor, "K-3", null, null);
		assertThat(third.timeZone()).isEqualTo(VLADIVOSTOK);
	}

	@Test
	void debtorsOfOneAgencyAndOfAnotherKeepTheirOwnZones() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Contact here = fixtures.contact(agency);
		Contact there = fixtures.contact(other);
		Debt mine = add(agency.tenant().id(), here, "M-1", "Свердловская область", YEKATERINBURG);
		add(other.tenant().id(), there, "M-1", "Приморский край", VLADIVOSTOK);

		assertThat(debts.get(agency.tenant().id(), mine.id()).timeZone()).isEqualTo(YEKATERINBURG);
		assertThat(zones.find(agency.tenant().id(), there.id())).isEmpty();
		Contact unknown = fixtures.contact(agency);
		assertThat(add(agency.tenant().id(), unknown, "M-2", null, null).timeZone()).isNull();
		assertThat(zones.find(agency.tenant().id(), unknown.id())).isEmpty();
	}

	private Debt add(TenantId tenant, Contact debtor, String contract, String region, ZoneId zone) {
		return debts.add(tenant, debtor.id(), "АО «Банк»", contract, LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 100, region,
				zone);
	}
}
