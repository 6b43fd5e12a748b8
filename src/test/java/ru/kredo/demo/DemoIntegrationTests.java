package ru.kredo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.IntegrationTest;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchFilter;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.Watches;
import ru.kredo.signals.SignalFilter;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/** The demo is alive: its people are on monitoring and the simulated bureau keeps raising signals for them. */
@IntegrationTest
class DemoIntegrationTests {

	@Autowired
	TenantDirectory tenants;

	@Autowired
	Watches watches;

	@Autowired
	Signals signals;

	@Autowired
	DemoTrickle trickle;

	@Test
	void theBrokersPeopleAreWatchedInEverySegmentAndTheAgencysAsDebtors() {
		TenantId broker = tenant(DemoData.BROKER);
		TenantId collector = tenant(DemoData.COLLECTOR);

		// Other tests may add lists to the demo tenants; the demo's own people are watched individually.
		assertThat(watches.search(broker, new WatchFilter(null, WatchStatus.ACTIVE, null, null), 0, 10_000).stream()
			.filter(line -> line.watch().listId() == null)).hasSize((int) DemoData.BROKER_PEOPLE);
		assertThat(watches.search(broker, new WatchFilter(null, null, null, null), 0, 1_000))
			.extracting(line -> line.watch().segment())
			.contains(Segment.IN_PROGRESS, Segment.PROSPECT, Segment.PREPARING, Segment.PAUSED, Segment.ACTIVE);
		assertThat(watches.search(collector, new WatchFilter(null, null, null, null), 0, 1_000))
			.hasSize((int) (DemoData.PEOPLE.size() - DemoData.BROKER_PEOPLE))
			.allSatisfy(line -> assertThat(line.watch().segment()).isEqualTo(Segment.DEBTOR));
	}

	@Test
	void theAgencysDebtorsOweSomethingAndItsCabinetCanIssueCertificatesAndOffers() {
		TenantId collector = tenant(DemoData.COLLECTOR);

		// Every debtor of the agency has a debt (counted against its contacts: a database kept from older builds may hold more).
		assertThat(debts.count(collector)).isEqualTo(contacts.count(collector))
			.isGreaterThanOrEqualTo(DemoData.PEOPLE.size() - DemoData.BROKER_PEOPLE);
		assertThat(requisites.of(collector)).isPresent();
		assertThat(offers.rules(collector)).isNotEmpty();
	}

	@Autowired
	ru.kredo.collections.Debts debts;

	@Autowired
	ru.kredo.contacts.Contacts contacts;

	@Autowired
	ru.kredo.collections.AgencyRequisites requisites;

	@Autowired
	ru.kredo.collections.Offers offers;

	@Test
	void theBureauTrickleRaisesSignalsInTheDemoTenants() {
		long before = signalEvents();

		assertThat(trickle.feed(100).accepted()).isEqualTo(100);

		assertThat(signalEvents()).isGreaterThan(before);
	}

	private long signalEvents() {
		return queue(DemoData.BROKER) + queue(DemoData.COLLECTOR);
	}

	private long queue(String tenant) {
		return signals.queue(tenant(tenant), SignalFilter.open(), 0, 10_000).stream()
			.mapToLong(line -> line.signal().count()).sum();
	}

	private TenantId tenant(String name) {
		return tenants.findByName(name).orElseThrow().id();
	}
}
