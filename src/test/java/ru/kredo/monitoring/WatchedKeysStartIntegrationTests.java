package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PersonKeys;
import ru.kredo.tenancy.TenantKind;

/** The set of watched people is loaded as the application starts, before any event asks for it. */
@IntegrationTest
class WatchedKeysStartIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	PersonKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void isLoadedAtStartWithoutAnEventAsking() {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
		String passport = "48" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
		FullName name = new FullName("Стартова", "Вера", null);
		LocalDate birth = LocalDate.of(1941, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 25_000));
		watches.watch(fixtures.tenant(TenantKind.BROKER).tenant().id(),
				new PersonDetails(name, birth, PassportNumber.parse(passport), null, null, null, null),
				WatchTerms.of(Segment.PROSPECT, new Consent(today, "Подбор кредита", ConsentMethod.PAPER, null, null)));
		// A node that has just started: nothing has refreshed its set.
		WatchedKeys started = new WatchedKeys(jdbc, transactions, clock);

		started.loadAtStart();

		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
				started.mayInclude(keys.passport(PassportNumber.parse(passport)), keys.nameAndBirthDate(name, birth)))
			.isTrue());
	}
}
