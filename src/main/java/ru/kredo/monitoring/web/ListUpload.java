package ru.kredo.monitoring.web;

import static ru.kredo.monitoring.web.WatchRequest.blank;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.kredo.contacts.CalendarDate;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.internal.ImportDefaults;
import ru.kredo.monitoring.internal.MonitoringLists;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;

/**
 * What an API upload says beside the file: the list's name, and what holds for every row that does not say otherwise.
 * Every field as text, read at once so that every wrong one is reported together.
 */
record ListUpload(
		@Schema(description = "The list's name; uploading under an existing name adds to and updates that list",
				requiredMode = Schema.RequiredMode.REQUIRED, example = "Дожим, ноябрь") String name,
		@Schema(description = "Segment of rows without a «Сегмент» column; PROSPECT for brokers, DEBTOR for collectors",
				example = "PROSPECT") String segment,
		@Schema(description = "Months of monitoring, 1–36", example = "6") String months,
		@Schema(description = "Date of the 218-ФЗ consents the uploader holds for every row (DD.MM.YYYY or YYYY-MM-DD); "
				+ "without it rows without their own consent date wait for one (AWAITING_CONSENT)") String consentDate,
		@Schema(description = "The consents' purpose; required with consentDate") String consentPurpose,
		@Schema(description = "PAPER (default), ELECTRONIC_SIGNATURE, WEBSITE or OTHER") String consentMethod) {

	/** The list's name and the defaults, or {@link InvalidFields} naming every wrong field. */
	Parsed parse(Segment defaultSegment) {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		String list = fields.read("name", () -> MonitoringLists.checkName(name));
		Segment segmentValue = fields.read("segment", () -> blank(segment) ? defaultSegment
				: WatchRequest.parseEnum(Segment.class, segment, "segment-unknown"));
		Integer monthsValue = fields.read("months",
				() -> blank(months) ? WatchTerms.DEFAULT_MONTHS : WatchRequest.integer(months));
		LocalDate consent = fields.read("consentDate", () -> CalendarDate.parse(consentDate));
		ConsentMethod method = fields.read("consentMethod", () -> blank(consentMethod) ? ConsentMethod.PAPER
				: WatchRequest.parseEnum(ConsentMethod.class, consentMethod, "consent-method-unknown"));
		boolean purposeMissing = consent != null && blank(consentPurpose);
		if (purposeMissing) {
			fields.reject("consentPurpose", new Rejected("consent.purpose-required"));
		}
		// The months are checked by the defaults even while the purpose is missing, so that both are reported at once.
		ImportDefaults defaults = segmentValue == null || monthsValue == null || method == null ? null
				: fields.read("months", () -> new ImportDefaults(segmentValue, monthsValue, consent,
						purposeMissing ? "—" : consentPurpose, method));
		fields.throwIfAny();
		return new Parsed(list, defaults);
	}

	record Parsed(String listName, ImportDefaults defaults) {
	}
}
