package ru.kredo.monitoring.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.internal.ImportDefaults;

/** The upload form: the list's name and what holds for every row that does not say otherwise. */
record ImportForm(String name, Segment segment, Integer months,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentDate, String consentPurpose,
		ConsentMethod consentMethod) {

	ImportDefaults defaults() {
		return new ImportDefaults(segment == null ? Segment.PROSPECT : segment, months == null ? 0 : months,
				consentDate, consentPurpose, consentMethod);
	}
}
