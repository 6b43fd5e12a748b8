package ru.kredo.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What putting a person on individual monitoring did: a new watch ({@code before} is {@code null}), or his watch as it
 * was and as it is now, with the fields that changed (none: the same terms were sent again).
 */
public record WatchChange(Watch before, Watch after, List<Field> changed) {

	/** A term of a watch that a re-submission may change. */
	public enum Field {
		SEGMENT, ENDS_ON, EVENT_TYPES, MANAGER, NOTES, CONSENT, RECOMMENDATIONS, STATUS
	}

	public WatchChange {
		Objects.requireNonNull(after, "after");
		changed = List.copyOf(changed);
	}

	static WatchChange between(Watch before, Watch after) {
		if (before == null) {
			return new WatchChange(null, after, List.of());
		}
		List<Field> changed = new ArrayList<>();
		add(changed, Field.SEGMENT, before.segment(), after.segment());
		add(changed, Field.ENDS_ON, before.endsOn(), after.endsOn());
		add(changed, Field.EVENT_TYPES, before.eventTypes(), after.eventTypes());
		add(changed, Field.MANAGER, before.managerId(), after.managerId());
		add(changed, Field.NOTES, before.notes(), after.notes());
		add(changed, Field.CONSENT, before.consent(), after.consent());
		add(changed, Field.RECOMMENDATIONS, before.recommendations(), after.recommendations());
		add(changed, Field.STATUS, before.status(), after.status());
		return new WatchChange(before, after, changed);
	}

	private static void add(List<Field> changed, Field field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	public boolean isNew() {
		return before == null;
	}
}
