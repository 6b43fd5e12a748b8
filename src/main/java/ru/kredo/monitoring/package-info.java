/**
 * Monitoring: who a tenant watches and why. A {@link ru.kredo.monitoring.Watch} puts a contact on monitoring with a
 * {@link ru.kredo.monitoring.Segment}, a period, the event types that matter, a manager, and its 218-ФЗ
 * {@link ru.kredo.monitoring.Consent}; watches are added one by one or from an uploaded list. Monitoring stops by
 * itself when the consent or the period lapses.
 * <p>
 * Publishes {@link ru.kredo.monitoring.ConsentExpiring}, {@link ru.kredo.monitoring.WatchStopped} and
 * {@link ru.kredo.monitoring.ListImportFinished} (an uploaded list's import ended; sent to the tenant's CRM by webhook).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package ru.kredo.monitoring;
