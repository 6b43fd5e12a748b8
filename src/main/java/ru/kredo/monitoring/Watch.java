package ru.kredo.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.ContactId;
import ru.kredo.events.CreditEventType;
import ru.kredo.tenancy.TenantId;

/**
 * A contact on monitoring. Receives signals only while {@code ACTIVE}, within its period and its consent, and only
 * for the event types it wants.
 */
public record Watch(WatchId id, TenantId tenantId, ContactId contactId, ListId listId, Segment segment,
		LocalDate startsOn, LocalDate endsOn, Set<CreditEventType> eventTypes, UserId managerId, String notes,
		Consent consent, WatchStatus status, StopReason stopReason, Set<Recommendation> recommendations,
		Set<Recommendation> recommendationsMet, Instant createdAt) {

	public Watch {
		eventTypes = Set.copyOf(eventTypes);
		recommendations = Set.copyOf(recommendations);
		recommendationsMet = Set.copyOf(recommendationsMet);
	}

	/** Whether an event of this type on this day concerns the watch. */
	public boolean wants(CreditEventType type, LocalDate day) {
		return status == WatchStatus.ACTIVE && (eventTypes.isEmpty() || eventTypes.contains(type))
				&& !day.isBefore(startsOn) && !day.isAfter(endsOn) && consent != null && consent.isValidOn(day);
	}

	/** The last day of monitoring: the end of the period or of the consent, whichever comes first. */
	public Optional<LocalDate> lastDay() {
		if (consent == null) {
			return Optional.empty();
		}
		return Optional.of(consent.lastValidDay().filter(day -> day.isBefore(endsOn)).orElse(endsOn));
	}

	/** Why this watch must stop on {@code today}, if it must. */
	public Optional<StopReason> dueToStop(LocalDate today) {
		if (status != WatchStatus.ACTIVE) {
			return Optional.empty();
		}
		if (!consent.isValidOn(today) && !today.isBefore(consent.givenOn())) {
			return Optional.of(StopReason.CONSENT_EXPIRED);
		}
		return today.isAfter(endsOn) ? Optional.of(StopReason.PERIOD_ENDED) : Optional.empty();
	}

	static WatchStatus initialStatus(Consent consent, LocalDate today) {
		return consent != null && consent.isValidOn(today) ? WatchStatus.ACTIVE : WatchStatus.AWAITING_CONSENT;
	}

	@Override
	public String toString() {
		return "Watch[" + id + ", " + segment + ", " + status + "]";
	}
}
