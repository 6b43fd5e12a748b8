/**
 * Webhooks: delivers signals to each tenant's CRM. Owns the tenant's endpoints (URL, the event types it receives,
 * {@code whsec_} secret sealed at rest with the privacy module's key — and the one it replaced, which signs beside it
 * for an overlap window after a rotation —, enabled or disabled with a reason), managed on a page and by API
 * ({@code web/WebhooksApi}), the deliveries (one per message and
 * endpoint, with every attempt and its response code) and the dispatcher that signs them per the Standard Webhooks
 * specification and retries them with back-off for about 27 hours. An endpoint that keeps failing for a day is
 * disabled, audited and shown with a notice.
 * <p>
 * Consumes {@link ru.kredo.signals.SignalsRaised}, and for collection agencies
 * {@link ru.kredo.conversations.MessagePosted}, {@link ru.kredo.collections.DisputeOpened} and
 * {@link ru.kredo.collections.DisputeResolved}, {@link ru.kredo.docrequests.DocumentRequested} and the plans' events
 * ({@link ru.kredo.plans.PlanRequested}, {@code PlanSigned}, {@code PlanFellBehind}, {@code PlanBroken},
 * {@code PlanCompleted}), {@link ru.kredo.payments.PaymentSucceeded}, {@link ru.kredo.collections.OfferSigned} and
 * {@link ru.kredo.collections.DebtClosed} ({@code internal/AgencyEventsListener}: thin payloads, ids only); for every
 * tenant {@link ru.kredo.signals.OutcomeRecorded} and {@link ru.kredo.monitoring.ListImportFinished}
 * ({@code internal/TenantEventsListener}); a signal folded is {@code signal.folded}.
 * Where Kredo runs with Kafka, a tenant may switch «Сигналы в Kafka» on ({@link ru.kredo.webhooks.SignalTopics}):
 * every message it would receive by webhook also goes to its own topic, through an outbox written with the deliveries
 * ({@code internal/SignalTopicOutbox}, {@code internal/SignalTopicPublisher}).
 * Publishes no application events. The payloads are documented in {@code docs/webhooks.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package ru.kredo.webhooks;
