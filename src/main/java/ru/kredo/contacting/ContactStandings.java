package ru.kredo.contacting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.DebtorZones;
import ru.kredo.collections.DebtorZones.DebtorZone;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor's standing now, as the card and the API show it and as a call is allowed by ({@link Standing}): read on
 * the tenant's clock (a sandbox's moved one too), in the debtor's zone ({@link DebtorZones}; the agency's when his is
 * unknown), from the log's counted contacts ({@link ContactLog}) and the bars standing ({@link ContactBars}), through
 * the one set of rules ({@link ContactRules}).
 */
@Service
public class ContactStandings {

	private final ContactRules rules;
	private final BusinessCalendar calendar;
	private final TenantClocks clocks;
	private final DebtorZones zones;
	private final ContactLog log;
	private final ContactBars bars;
	private final Representatives representatives;

	ContactStandings(BusinessCalendar calendar, TenantClocks clocks, DebtorZones zones, ContactLog log,
			ContactBars bars, Representatives representatives) {
		this.rules = new ContactRules(calendar.days());
		this.calendar = calendar;
		this.clocks = clocks;
		this.zones = zones;
		this.log = log;
		this.bars = bars;
		this.representatives = representatives;
	}

	/** The debtor's standing now, on the tenant's clock. */
	public Standing of(TenantId tenant, ContactId debtor) {
		return at(tenant, debtor, clocks.clock(tenant).instant());
	}

	/** The debtor's standing at {@code now}. */
	public Standing at(TenantId tenant, ContactId debtor, Instant now) {
		Optional<DebtorZone> known = zones.find(tenant, debtor);
		ZoneId zone = known.map(DebtorZone::timeZone).orElse(null);
		boolean zoneKnown = zone != null;
		if (!zoneKnown) {
			zone = calendar.agencyZone();
		}
		// A month and a day back is all the rules ever count (ContactLog#counted).
		Instant since = ContactRules.monthBefore(now, zone).minus(ContactRules.DAY);
		List<Instant> calls = log.counted(tenant, debtor, ContactKind.CALL, since);
		List<Instant> messages = log.counted(tenant, debtor, ContactKind.MESSAGE, since);
		List<ContactBars.StandingBar> standing = bars.history(tenant, debtor).stream()
			.filter(ContactBars.StandingBar::isStanding)
			.toList();
		List<Bar> barList = standing.stream().map(ContactBars.StandingBar::bar).toList();
		// A text or a call goes to his representative while one is in force with a phone (Contacting#route, Calls#start):
		// his bar does not stop them, every other does.
		List<Bar> routedBars = representatives.of(tenant, debtor).map(reached -> reached.on(Channel.SMS)).isPresent()
				? barList.stream().filter(bar -> bar.kind() != BarKind.REPRESENTATIVE).toList()
				: barList;
		ContactHours hours = rules.hours();
		java.time.LocalDate localDay = now.atZone(zone).toLocalDate();
		return new Standing(debtor, now, zone, zoneKnown, known.map(DebtorZone::region).orElse(null),
				calendar.agencyZone(), calendar.days().kindOf(localDay), hours.on(localDay),
				hours.allows(now, zone) ? hours.endOfHours(now, zone) : null,
				rules.decide(Channel.CALL, Initiative.COLLECTION, null, null, calls, routedBars, zone, now),
				rules.decide(Channel.SMS, Initiative.COLLECTION, null, null, messages, routedBars, zone, now),
				rules.left(ContactKind.CALL, calls, zone, now), rules.left(ContactKind.MESSAGE, messages, zone, now),
				standing);
	}

	/** The debtor's zone: his own when known, else the agency's. */
	public ZoneId zoneOf(TenantId tenant, ContactId debtor) {
		return zones.find(tenant, debtor).map(DebtorZone::timeZone).orElse(calendar.agencyZone());
	}

	/** The agency's zone. */
	public ZoneId agencyZone() {
		return calendar.agencyZone();
	}

	/** The rules this standing is read by (the calls ask the same). */
	ContactRules rules() {
		return rules;
	}
}
