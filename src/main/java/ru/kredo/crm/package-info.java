/**
 * CRM connectors: a broker connects its amoCRM account (OAuth 2.0 with its own integration's keys; tokens sealed and
 * refreshed) and every signal becomes a task for the contact's responsible user, a note on the contact or a lead in a
 * chosen pipeline and status (picked from the account's pipelines; {@code docs/crm-amocrm.md}); or its Bitrix24 portal
 * (OAuth 2.0 with its own local application's keys), where a signal becomes a task, a timeline comment or a deal in a
 * chosen pipeline and stage ({@code docs/crm-bitrix24.md}); both through one durable queue with retries, paced per
 * account. Outcomes flow back: amoCRM's webhook (subscribed on connect, its address a secret token) names a task or
 * lead that changed, Bitrix24's events (bound on connect, likewise, and signed with the application's token) a task or
 * deal; Kredo reads it back and closes the signal through {@link ru.kredo.signals.Signals#close}, audited as the CRM's.
 * What a push missed (Kredo down when the CRM posted) is found by a sweep of each CRM's changes since a stored
 * watermark and read back the same way, once.
 * The pages keep each account's pipeline list a few minutes. Consumes {@link ru.kredo.signals.SignalsRaised}; publishes nothing of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CRM connectors")
package ru.kredo.crm;
