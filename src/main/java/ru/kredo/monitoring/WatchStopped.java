package ru.kredo.monitoring;

import ru.kredo.tenancy.TenantId;

/** Published when monitoring of a person stops, by itself or by a user. */
public record WatchStopped(TenantId tenantId, WatchId watchId, StopReason reason) {
}
