package ru.kredo.monitoring;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import ru.kredo.platform.Rejected;

/**
 * The subject's consent to the use of his credit history (218-ФЗ, ст. 6): given on a date, for a purpose, in some way.
 * It is valid six months from its date; if a loan contract with the user is concluded within those months, it stays
 * valid for the life of that contract.
 *
 * @param contractConcludedOn when a loan contract with this user was concluded, if one was
 * @param contractEndsOn when that contract ends, if known (unknown: valid while the contract lives)
 */
public record Consent(LocalDate givenOn, String purpose, ConsentMethod method, LocalDate contractConcludedOn,
		LocalDate contractEndsOn) {

	static final int VALID_MONTHS = 6;

	public Consent {
		if (givenOn == null) {
			throw new Rejected("consent.date-required");
		}
		purpose = purpose == null ? "" : purpose.strip();
		if (purpose.isEmpty()) {
			throw new Rejected("consent.purpose-required");
		}
		Objects.requireNonNull(method, "method");
		if (contractConcludedOn != null && contractConcludedOn.isBefore(givenOn)) {
			throw new Rejected("consent.contract-before-consent");
		}
		if (contractEndsOn != null && (contractConcludedOn == null || contractEndsOn.isBefore(contractConcludedOn))) {
			throw new Rejected("consent.contract-end-invalid");
		}
	}

	/** The last day the consent is valid, or empty while a loan contract of unknown end keeps it alive. */
	public Optional<LocalDate> lastValidDay() {
		LocalDate sixMonths = givenOn.plusMonths(VALID_MONTHS).minusDays(1);
		if (contractConcludedOn != null && !contractConcludedOn.isAfter(sixMonths)) {
			return Optional.ofNullable(contractEndsOn).map(end -> end.isAfter(sixMonths) ? end : sixMonths);
		}
		return Optional.of(sixMonths);
	}

	public boolean isValidOn(LocalDate day) {
		return !day.isBefore(givenOn) && lastValidDay().map(last -> !day.isAfter(last)).orElse(true);
	}
}
