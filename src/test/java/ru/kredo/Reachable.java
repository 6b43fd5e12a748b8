package ru.kredo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.DebtorZones;
import ru.kredo.contacts.ContactId;
import ru.kredo.documents.Agency;
import ru.kredo.tenancy.TenantId;

/**
 * What a test needs for a text to reach its debtor through the contact gate whatever the hour it runs at: the debtor
 * lives where it is early afternoon now (the contact hours of 230-ФЗ are his local time), and the agency has a phone
 * its texts name (137-ФЗ). Or, for a test of the queue, where it is the middle of the night.
 */
@Component
public class Reachable {

	/** The agency's phone the texts name. */
	public static final String AGENCY_PHONE = "+7 495 000-00-00";

	private final DebtorZones zones;
	private final AgencyRequisites requisites;

	Reachable(DebtorZones zones, AgencyRequisites requisites) {
		this.zones = zones;
		this.requisites = requisites;
	}

	/** The debtor lives where it is now about 13:00 (within the hours of any day, a day off included). */
	public ZoneId awake(TenantId tenant, ContactId debtor) {
		return livesAt(tenant, debtor, 13);
	}

	/** The debtor lives where it is now about 03:00 (outside the hours of any day). */
	public ZoneId asleep(TenantId tenant, ContactId debtor) {
		return livesAt(tenant, debtor, 3);
	}

	/** The agency's requisites, with {@link #AGENCY_PHONE}, unless it has some. */
	public void named(TenantId tenant) {
		if (requisites.of(tenant).isEmpty()) {
			requisites.save(tenant, new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
					"г. Москва, ул. Тестовая, д. 1", AGENCY_PHONE));
		}
	}

	/** A zone where the hour is now {@code hour}. */
	public static ZoneId whereItIs(int hour) {
		int utc = Instant.now().atZone(ZoneOffset.UTC).getHour();
		int offset = Math.floorMod(hour - utc, 24);
		return ZoneOffset.ofHours(offset > 12 ? offset - 24 : offset);
	}

	private ZoneId livesAt(TenantId tenant, ContactId debtor, int hour) {
		ZoneId zone = whereItIs(hour);
		zones.record(tenant, debtor, null, zone);
		return zone;
	}
}
