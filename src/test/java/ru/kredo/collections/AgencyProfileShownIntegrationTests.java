package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.documents.Agency;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** The profile a cabinet page shows is kept in memory, and a save on this instance shows at once. */
@IntegrationTest
class AgencyProfileShownIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	AgencyRequisites requisites;

	@Test
	void aSavedProfileIsShownAtOnceThoughTheEarlierOneWasKept() {
		TenantId agency = fixtures.tenant(TenantKind.COLLECTOR).tenant().id();
		assertThat(requisites.shown(agency)).as("none yet, and that is kept").isEmpty();

		requisites.save(agency, new Agency("ООО ПКО «Ориентир»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 222-33-44"));
		assertThat(requisites.shown(agency)).map(profile -> profile.legal().phone()).contains("+7 495 222-33-44");

		requisites.save(agency, new Agency("ООО ПКО «Ориентир»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 777-88-99"));
		assertThat(requisites.shown(agency)).map(profile -> profile.legal().phone()).contains("+7 495 777-88-99");
	}
}
