package ru.kredo.contacting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import ru.kredo.calendar.DayKind;
import ru.kredo.contacting.ContactBars.StandingBar;
import ru.kredo.contacting.ContactRules.Left;
import ru.kredo.contacts.ContactId;

/**
 * Where a debtor stands with the agency's contacts at one moment ({@link ContactStandings}): his zone (the agency's
 * when his is unknown, {@code zoneKnown} false), the kind of his day and its contact hours, what the rules say of a
 * call and of a message now, what is left of each kind's limits, and the bars standing on him with their source.
 *
 * @param call the rules' answer for an operator's call about the debtor now
 * @param message the rules' answer for a collection message (a text) about the debtor now
 * @param hoursEnd when the contact hours he is in end, {@code null} outside them
 */
public record Standing(ContactId debtor, Instant now, ZoneId zone, boolean zoneKnown, String region,
		ZoneId agencyZone, DayKind day, ContactHours.Window hours, Instant hoursEnd, Decision call, Decision message,
		Left callsLeft, Left messagesLeft, List<StandingBar> bars) {

	public Standing {
		bars = List.copyOf(bars);
	}

	/** The debtor's local time now. */
	public ZonedDateTime localTime() {
		return now.atZone(zone);
	}

	/** The agency's time now. */
	public ZonedDateTime agencyTime() {
		return now.atZone(agencyZone);
	}

	/** Whether an operator may call him now. */
	public boolean mayCall() {
		return call.sends();
	}
}
