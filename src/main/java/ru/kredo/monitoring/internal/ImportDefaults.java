package ru.kredo.monitoring.internal;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.platform.Rejected;

/**
 * What the upload form says for every row that does not say otherwise: segment, months of monitoring, and the
 * 218-ФЗ consent the broker confirms he holds (no date: the rows wait for consent unless they carry their own).
 */
public record ImportDefaults(Segment segment, int months, LocalDate consentDate, String consentPurpose,
		ConsentMethod consentMethod) {

	public ImportDefaults {
		Objects.requireNonNull(segment, "segment");
		consentPurpose = consentPurpose == null ? "" : consentPurpose.strip();
		consentMethod = consentMethod == null ? ConsentMethod.PAPER : consentMethod;
		// Refuses a wrong period on the form at once rather than on every row.
		new WatchTerms(segment, months, null, null, null, null, null);
		if (consentDate != null && consentPurpose.isEmpty()) {
			throw new Rejected("consent.purpose-required");
		}
	}
}
