package ru.kredo.monitoring;

import java.time.LocalDate;

import ru.kredo.tenancy.TenantId;

/** Published once per watch, {@link ConsentLapses#WARNING_DAYS} days before its consent or period lapses. */
public record ConsentExpiring(TenantId tenantId, WatchId watchId, LocalDate lastDay) {
}
