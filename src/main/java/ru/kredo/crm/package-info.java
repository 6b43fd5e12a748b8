/**
 * CRM connectors: a broker connects its amoCRM account (OAuth 2.0 with its own integration's keys; tokens sealed and
 * refreshed) and every signal becomes a task for the contact's responsible user, a note on the contact or a lead in a
 * chosen pipeline and status (picked from the account's pipelines; {@code docs/crm-amocrm.md}); or its Bitrix24 portal
 * (OAuth 2.0 with its own local application's keys), where a signal becomes a task, a timeline comment or a deal in a
 * chosen pipeline and stage ({@code docs/crm-bitrix24.md}); both through one durable queue with retries, paced per
 * account. amoCRM's outcomes flow back: its webhook (subscribed on connect, its address a secret token) names a task or
 * lead that changed; Kredo reads it back and closes the signal through {@link ru.kredo.signals.Signals#close}, audited
 * as amoCRM's. Consumes {@link ru.kredo.signals.SignalsRaised}; publishes nothing of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CRM connectors")
package ru.kredo.crm;
