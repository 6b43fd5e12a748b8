package ru.kredo.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * A person known to a tenant. Passport, ИНН, СНИЛС and phone are optional; a name and a date of birth are not,
 * since together they identify a person when no passport is known. {@code externalId} is his row's id in the
 * tenant's own system ({@link ExternalId}), when given.
 */
public record Contact(ContactId id, TenantId tenantId, FullName name, LocalDate birthDate, PassportNumber passport,
		Inn inn, Snils snils, PhoneNumber phone, String email, Instant createdAt, String externalId) {

	static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	public Contact {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(createdAt, "createdAt");
		// A birth date cannot lie after the day the contact was recorded.
		if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(LocalDate.ofInstant(createdAt, java.time.ZoneOffset.UTC))) {
			throw new Rejected("contact.birth-date-invalid");
		}
		email = email == null || email.isBlank() ? null : email.strip();
		externalId = ExternalId.parse(externalId);
	}

	@Override
	public String toString() {
		return "Contact[" + id + "]";
	}
}
