package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** Watching many people at once, as a list upload does, behaves as watching them one by one. */
@IntegrationTest
class WatchAllIntegrationTests {

	static final FullName NAME = new FullName("Ёлкина", "Ольга", "Ивановна");
	static final LocalDate BORN = LocalDate.of(1991, 6, 12);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	Contacts contacts;

	@Test
	void aPersonTwiceInOneBatchIsOneContactAndOneWatchWithWhatBothRowsKnew() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		PersonDetails bare = new PersonDetails(NAME, BORN, null, null, null, null, null);
		PersonDetails withPhone = new PersonDetails(new FullName("ЕЛКИНА", "ольга", "Ивановна"), BORN,
				PassportNumber.parse("4601 112233"), null, null, PhoneNumber.parse("8 916 000-11-22"), null);
		Consent consent = new Consent(LocalDate.now(), "Подбор кредита", ConsentMethod.PAPER, null, null);

		List<Watch> made = watches.watchAll(broker.tenant().id(), null, List.of(bare, withPhone),
				List.of(WatchTerms.of(Segment.PROSPECT, null), WatchTerms.of(Segment.ACTIVE, consent)));

		assertThat(made).hasSize(2);
		assertThat(made.get(0)).isEqualTo(made.get(1));
		assertThat(made.get(1).segment()).isEqualTo(Segment.ACTIVE);
		assertThat(made.get(1).status()).isEqualTo(WatchStatus.ACTIVE);
		assertThat(contacts.count(broker.tenant().id())).isOne();
		Contact contact = contacts.get(broker.tenant().id(), made.getFirst().contactId());
		assertThat(contact.phone().e164()).isEqualTo("+79160001122");
		assertThat(contact.passport().display()).isEqualTo("4601 112233");
	}

	@Test
	void anExistingContactGainsTheIdentifiersHeLackedButKeepsTheOnesHeHad() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Contact known = fixtures.contact(broker);
		PersonDetails again = new PersonDetails(known.name(), known.birthDate(), known.passport(), null,
				new ru.kredo.contacts.Snils("112-233-445 95"), PhoneNumber.parse("+7 999 000-00-00"), null);

		watches.watchAll(broker.tenant().id(), null, List.of(again), List.of(WatchTerms.of(Segment.PAUSED, null)));

		Contact now = contacts.get(broker.tenant().id(), known.id());
		assertThat(now.snils().value()).isEqualTo("11223344595");
		assertThat(now.phone()).isEqualTo(known.phone());
		assertThat(contacts.count(broker.tenant().id())).isOne();
		assertThat(watches.ofContact(broker.tenant().id(), known.id())).extracting(Watch::segment)
			.isEqualTo(List.of(Segment.PAUSED));
		assertThat(Set.copyOf(watches.ofContact(broker.tenant().id(), known.id()))).hasSize(1);
	}
}
