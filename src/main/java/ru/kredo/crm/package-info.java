/**
 * CRM connectors: a broker connects its amoCRM account (OAuth 2.0 with its own integration's keys; tokens sealed and
 * refreshed) and every signal becomes a task for the contact's responsible user, a note on the contact or a lead in a
 * chosen pipeline and status, through a durable queue with retries ({@code docs/crm-amocrm.md}). Consumes
 * {@link ru.kredo.signals.SignalsRaised}; publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CRM connectors")
package ru.kredo.crm;
